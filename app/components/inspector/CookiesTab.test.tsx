import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { blank_exchange } from '../../runtime/blank-exchange.ts'
import { defaultComposer } from '../../state/defaults.ts'
import { createPlaygroundStore, StoreContext } from '../../state/store.ts'
import { JarEditor } from '../composer/JarEditor.tsx'
import { CookiesTab } from './CookiesTab.tsx'

describe('CookiesTab', () => {
  it('says when a browser would have sent another Cookie header, and which cookies a browser refused', () => {
    const exchange = blank_exchange(defaultComposer('/echo/'), [], {
      browser_cookie: { sent: 'a=1; b=2', browser: 'a=1' },
      cookie_notes: [{ key: 'locked', note: 'Refused: Secure cookies cannot be set from an http:// page' }],
    })
    const html = renderToStaticMarkup(<CookiesTab exchange={exchange} />)
    expect(html).toContain('A browser would have sent another Cookie header')
    expect(html).toContain('a browser would send')
    expect(html).toContain('aria-label="Cookies a browser refused"')
    expect(html).toContain('Secure cookies cannot be set')
  })

  it('says nothing more when the browser would have sent the same', () => {
    const html = renderToStaticMarkup(<CookiesTab exchange={blank_exchange(defaultComposer('/echo/'), [])} />)
    expect(html).not.toContain('would have sent')
    expect(html).not.toContain('refused')
  })
})

describe('JarEditor', () => {
  it('lists a cookie a browser refuses with the reason', () => {
    const store = createPlaygroundStore({
      jar: [{ key: 'locked', value: '2', attrs: { secure: true }, refused: 'Secure cookies cannot be set from an http:// page' }],
    })
    const html = renderToStaticMarkup(
      <StoreContext.Provider value={store}>
        <JarEditor />
      </StoreContext.Provider>,
    )
    expect(html).toContain('A browser refuses it: Secure cookies cannot be set from an http:// page')
  })
})
