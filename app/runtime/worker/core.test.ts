import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../in-process.ts'
import type { RuntimeMessage } from '../protocol.ts'
import { createRuntimeCore } from './core.ts'
import { PROJECT } from './fixtures.test-helpers.ts'

const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array(0))

describe('script mode', () => {
  it('runs requests.ts and reports each client request as an exchange, then done', async () => {
    const posted: RuntimeMessage[] = []
    const core = createRuntimeCore((m) => posted.push(m))
    const script = `import { Client } from 'django/test'
const client = new Client()
client.get('/count/')
const second = client.get('/count/')
console.log('second', second.status_code)
`
    core.receive({ type: 'build', id: 'b', files: { ...PROJECT, 'requests.ts': script } })
    core.receive({ type: 'script', id: 's', file: 'requests.ts', jar: [] })
    await core.idle()
    const exchanges = posted.flatMap((m) => (m.type === 'script-exchange' ? [m.exchange] : []))
    expect(exchanges.map((e) => text(e.response?.body))).toEqual(['1', '2'])
    expect(exchanges[1]?.session_before).toEqual({ n: 1 })
    const done = posted.find((m) => m.type === 'script-done')
    expect(done).toMatchObject({ error: null, console: [{ level: 'log', text: 'second 200' }] })
  })
})

describe('preview fetches', () => {
  it('serves a browser request with the shared jar: the cookie it sets is sent back next time', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const request = { url: 'http://testserver/count/', method: 'GET', headers: [] as Array<[string, string]>, body: null }
    const first = await host.fetch(request, [])
    expect(first.response.status).toBe(200)
    expect(text(first.response.body)).toBe('1')
    // The browser never sees Set-Cookie: the jar took it, and the exchange carries the new jar.
    expect(first.response.headers.some(([k]) => k.toLowerCase() === 'set-cookie')).toBe(false)
    expect(first.exchange.source).toBe('preview')
    expect(first.exchange.jar.map((c) => c.key)).toEqual(['sessionid'])
    const second = await host.fetch(request, first.exchange.jar)
    expect(text(second.response.body)).toBe('2')
    expect(second.exchange.request?.META.HTTP_COOKIE).toBe(`sessionid=${first.exchange.jar[0]?.value}`)
    expect(second.exchange.composed).toMatchObject({ method: 'GET', url: '/count/', enforce_csrf_checks: true, follow: false })
  })

  it('hands a streaming body over chunk by chunk, after its head, before the exchange', async () => {
    const host = createInProcessHost()
    const views = `import { StreamingHttpResponse } from 'django/http'
async function* parts() {
  yield 'one;'
  await new Promise((r) => setTimeout(r, 5))
  yield 'two'
}
export const stream = () => new StreamingHttpResponse(parts(), { content_type: 'text/plain' })
`
    await host.build({ ...PROJECT, 'urls.ts': "import { path } from 'django/urls'\nimport { stream } from './views'\nexport const urlpatterns = [path('s/', stream)]\n", 'views.ts': views })
    const seen: string[] = []
    const done = await host.fetch({ url: 'http://testserver/s/', method: 'GET', headers: [], body: null }, [], {
      head: (head) => seen.push(`head ${head.status}`),
      chunk: (bytes) => seen.push(text(bytes)),
    })
    expect(seen).toEqual(['head 200', 'one;', 'two'])
    expect(text(done.exchange.response?.body)).toBe('one;two')
  })

  it('answers 503 with a failed exchange when the project has not built', async () => {
    const host = createInProcessHost()
    const answer = await host.fetch({ url: 'http://testserver/', method: 'GET', headers: [], body: null }, [])
    expect(answer.response.status).toBe(503)
    expect(answer.exchange.failure?.kind).toBe('build')
  })
})
