import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../in-process.ts'
import { defaultComposer as get } from '../../state/defaults.ts'
import type { JarCookie } from '../protocol.ts'
import { PROJECT } from './fixtures.test-helpers.ts'

describe("a composer exchange, seen from the browser's side", () => {
  it('says when a browser would have sent another Cookie header (a path that does not match)', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const jar: JarCookie[] = [
      { key: 'everywhere', value: '1', attrs: { path: '/' } },
      { key: 'elsewhere', value: '2', attrs: { path: '/other/' } },
    ]
    const exchange = await host.send(get('/echo/'), jar)
    expect(exchange.browser_cookie).toEqual({ sent: 'elsewhere=2; everywhere=1', browser: 'everywhere=1' })
  })

  it('sees no difference in order or in the quotes the test client puts around an empty value', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const jar: JarCookie[] = [
      { key: 'b', value: '', attrs: { path: '/' } },
      { key: 'a', value: 'x', attrs: { path: '/' } },
    ]
    const exchange = await host.send(get('/echo/'), jar)
    expect(exchange.request?.META.HTTP_COOKIE).toBe('a=x; b=""')
    expect(exchange.browser_cookie).toBeUndefined()
  })

  it('stamps the cookies the response set, and marks one a browser would refuse', async () => {
    const host = createInProcessHost()
    await host.build({
      ...PROJECT,
      'urls.ts': "import { path } from 'django/urls'\nimport { set } from './views'\nexport const urlpatterns = [path('set/', set)]\n",
      'views.ts': `import { HttpResponse } from 'django/http'
export function set() {
  const response = new HttpResponse('ok')
  response.set_cookie('plain', '1')
  response.set_cookie('locked', '2', { secure: true })
  return response
}
`,
    })
    const exchange = await host.send(get('/set/'), [])
    const byKey = Object.fromEntries(exchange.jar.map((c) => [c.key, c]))
    expect(byKey.plain?.refused).toBeUndefined()
    expect(typeof byKey.plain?.set_at).toBe('number')
    expect(byKey.locked?.refused).toMatch(/Secure/)
    expect(exchange.cookie_notes?.map((n) => n.key)).toEqual(['locked'])
  })
})
