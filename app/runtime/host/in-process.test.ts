import { describe, expect, it } from 'vitest'
import type { Exchange } from '../protocol.ts'
import { PROJECT } from '../worker/fixtures.test-helpers.ts'
import { createInProcessHost } from './in-process.ts'

describe('RuntimeHost.script (in process)', () => {
  it('reports each request of requests.ts as it completes, then the console', async () => {
    const host = createInProcessHost()
    const files = {
      ...PROJECT,
      'requests.ts': `import { Client } from 'django/test'
const c = new Client()
c.get('/echo/', { a: '1' })
c.post('/echo/', { b: '2' })
console.log('done')
`,
    }
    expect((await host.build(files)).ok).toBe(true)
    const seen: Exchange[] = []
    const result = await host.script('requests.ts', [], (exchange) => seen.push(exchange))
    expect(result.error).toBe(null)
    expect(seen.map((e) => [e.composed.method, e.response?.status_code])).toEqual([
      ['GET', 200],
      ['POST', 200],
    ])
    expect(result.console.map((c) => c.text)).toContain('done')
    host.dispose()
  })
})
