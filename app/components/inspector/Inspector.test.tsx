import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../../runtime/in-process.ts'
import type { ComposedRequest } from '../../runtime/protocol.ts'
import { BridgeContext } from '../../state/bridge-context.ts'
import { defaultComposer, MINIMAL_PROJECT } from '../../state/defaults.ts'
import type { RuntimeBridge } from '../../state/runtime-bridge.ts'
import { createPlaygroundStore, StoreContext } from '../../state/store.ts'
import { Composer } from '../composer/Composer.tsx'
import { FilesTab } from './FilesTab.tsx'
import { Inspector } from './Inspector.tsx'
import { SessionTab } from './SessionTab.tsx'

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
      ...defaultComposer('/echo/'),
      method: 'POST',
      enforce_csrf_checks: true,
      body: { kind: 'urlencoded', fields: [['a', '1']] },
    })
    const html = render(<Inspector />, createPlaygroundStore({ exchanges: [exchange] }))
    expect(html).toMatch(/role="status"[^>]*>403 Forbidden — CSRF cookie not set\./)
    expect(html).toMatch(/<iframe[^>]*sandbox=""/)
  })

  it('says which request timed out', () => {
    const exchange = {
      id: 't',
      started_at: 0,
      duration_ms: 5000,
      composed: defaultComposer('/spin/'),
      request: null,
      response: null,
      session_before: null,
      session_after: null,
      redirect_chain: [],
      console: [],
      error: null,
      jar: [],
      failure: { kind: 'timeout' as const, message: 'stopped after 5000 ms' },
    }
    const html = render(<Inspector />, createPlaygroundStore({ exchanges: [exchange] }))
    expect(html).toContain('Timed out: GET /spin/ was stopped (stopped after 5000 ms)')
  })
})

describe('FILES and Session tabs', () => {
  it('list an upload with its name, exact size, content type and a download', async () => {
    const exchange = await exchangeFor({
      ...defaultComposer('/echo/'),
      method: 'POST',
      body: {
        kind: 'multipart',
        fields: [['title', 'notes']],
        files: [
          { field: 'doc', name: 'notes.txt', content_type: 'text/plain', content: new Uint8Array(1234).fill(97) },
        ],
      },
    })
    const files = exchange.request?.FILES ?? []
    const html = render(<FilesTab files={files} />)
    expect(html).toContain('notes.txt')
    expect(html).toContain('1234 bytes (1.2 KB)')
    expect(html).toContain('text/plain')
    expect(html).toContain('Download notes.txt')
  })

  it('marks what the view changed in the session', () => {
    const exchange = {
      id: 's',
      started_at: 0,
      duration_ms: 1,
      composed: defaultComposer(),
      request: null,
      response: null,
      session_before: { n: 1, gone: 'x' },
      session_after: { n: 2, fresh: true },
      redirect_chain: [],
      console: [],
      error: null,
      jar: [],
      failure: null,
    }
    const html = render(<SessionTab exchange={exchange} />)
    expect(html).toContain('3 keys changed.')
    expect(html).toMatch(/change-changed.*~ changed/)
    expect(html).toMatch(/change-removed.*− removed/)
    expect(html).toMatch(/change-added.*\+ added/)
  })
})

describe('Composer', () => {
  it('names its controls as the tests drive them', () => {
    const html = render(
      <Composer />,
      createPlaygroundStore({ composer: { ...defaultComposer('/x/?a=1'), method: 'PROPFIND' } }),
    )
    expect(html).toMatch(/<label[^>]*for="composer-method"[^>]*>Method<\/label><select id="composer-method"/)
    expect(html).toContain('aria-label="URL"')
    expect(html).toContain('aria-label="Custom method"')
    expect(html).toMatch(/<button type="submit"[^>]*>Send<\/button>/)
    expect(html).toContain('value="a"')
  })
})
