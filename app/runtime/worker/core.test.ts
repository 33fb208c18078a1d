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
  it('serves a fetch Request and keeps the preview jar between requests', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const request = { url: 'http://testserver/count/', method: 'GET', headers: [] as Array<[string, string]>, body: null }
    const first = await host.fetch(request)
    expect(first.status).toBe(200)
    expect(text(first.body)).toBe('1')
    expect(first.headers.some(([k, v]) => k === 'Set-Cookie' && v.startsWith('sessionid='))).toBe(true)
    const second = await host.fetch(request)
    expect(text(second.body)).toBe('2')
  })
})
