import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../../runtime/in-process.ts'
import type { ComposedRequest } from '../../runtime/protocol.ts'
import { BridgeContext } from '../../state/bridge-context.ts'
import { defaultComposer, MINIMAL_PROJECT } from '../../state/defaults.ts'
import type { RuntimeBridge } from '../../state/runtime-bridge.ts'
import { createPlaygroundStore, StoreContext } from '../../state/store.ts'
import { Composer } from '../composer/Composer.tsx'
import { Inspector } from './Inspector.tsx'

// Rendered to static HTML in Node (no DOM here): enough to check names, roles and what is shown.
async function exchangeFor(request: ComposedRequest) {
  const host = createInProcessHost()
  await host.build(MINIMAL_PROJECT)
  const exchange = await host.send(request, [])
  host.dispose()
  return exchange
}

function render(node: React.ReactNode, store = createPlaygroundStore()) {
  const bridge = {} as RuntimeBridge
  return renderToStaticMarkup(
    <StoreContext.Provider value={store}>
      <BridgeContext.Provider value={bridge}>{node}</BridgeContext.Provider>
    </StoreContext.Provider>,
  )
}

describe('Inspector', () => {
  it('shows the status text with the code, the required tabs and the response body region', async () => {
    const exchange = await exchangeFor({ ...defaultComposer('/echo/?a=1') })
    const html = render(<Inspector />, createPlaygroundStore({ exchanges: [exchange], selectedId: exchange.id }))
    expect(html).toMatch(/<p role="status"[^>]*>200 OK/)
    for (const name of ['META', 'GET', 'POST', 'FILES', 'COOKIES', 'Session', 'Response']) {
      expect(html).toMatch(new RegExp(`role="tab"[^>]*>${name}<`))
    }
    expect(html).toContain('aria-label="Response body"')
    expect(html).toContain('&quot;method&quot;')
  })

  it("gives a CSRF failure's reason in the status text and renders HTML only in a sandboxed frame", async () => {
    const exchange = await exchangeFor({
      ...defaultComposer('/echo/'), method: 'POST', enforce_csrf_checks: true, body: { kind: 'urlencoded', fields: [['a', '1']] },
    })
    const html = render(<Inspector />, createPlaygroundStore({ exchanges: [exchange] }))
    expect(html).toMatch(/role="status"[^>]*>403 Forbidden — CSRF cookie not set\./)
    expect(html).toMatch(/<iframe[^>]*sandbox=""/)
  })

  it('says which request timed out', () => {
    const exchange = {
      id: 't', started_at: 0, duration_ms: 5000, composed: defaultComposer('/spin/'), request: null, response: null,
      session_before: null, session_after: null, redirect_chain: [], console: [], error: null, jar: [],
      failure: { kind: 'timeout' as const, message: 'stopped after 5000 ms' },
    }
    const html = render(<Inspector />, createPlaygroundStore({ exchanges: [exchange] }))
    expect(html).toContain('Timed out: GET /spin/ was stopped (stopped after 5000 ms)')
  })
})

describe('Composer', () => {
  it('names its controls as the tests drive them', () => {
    const html = render(<Composer />, createPlaygroundStore({ composer: { ...defaultComposer('/x/?a=1'), method: 'PROPFIND' } }))
    expect(html).toMatch(/<label[^>]*for="composer-method"[^>]*>Method<\/label><select id="composer-method"/)
    expect(html).toContain('aria-label="URL"')
    expect(html).toContain('aria-label="Custom method"')
    expect(html).toMatch(/<button type="submit"[^>]*>Send<\/button>/)
    expect(html).toContain('value="a"')
  })
})
