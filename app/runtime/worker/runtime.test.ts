import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../in-process.ts'
import type { JarCookie } from '../protocol.ts'
import { composed, PROJECT } from './fixtures.test-helpers.ts'

const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array(0))

describe('building a site', () => {
  it('reports a syntax error with its file and line', async () => {
    const host = createInProcessHost()
    const result = await host.build({ ...PROJECT, 'views.ts': 'export function f() {\n  return (1 +\n}\n' })
    expect(result.ok).toBe(false)
    expect(result.error?.type).toBe('SyntaxError')
    expect(result.error?.location).toMatchObject({ file: 'views.ts', line: 3 })
    expect(result.error?.message).toContain('views.ts:3')
  })

  it('refuses imports other than django/* and project files, naming file and line', async () => {
    const host = createInProcessHost()
    const views = `import { HttpResponse } from 'django/http'\nimport fs from 'node:fs'\nexport const x = fs\n`
    const result = await host.build({ ...PROJECT, 'views.ts': views })
    expect(result.ok).toBe(false)
    expect(result.error?.type).toBe('ImportError')
    expect(result.error?.location).toMatchObject({ file: 'views.ts', line: 2 })
    const missing = await host.build({ ...PROJECT, 'urls.ts': `\n\nimport { a } from './nope'\nexport const urlpatterns = [a]\n` })
    expect(missing.error?.message).toContain("'./nope'")
    expect(missing.error?.location).toMatchObject({ file: 'urls.ts', line: 3 })
  })

  it('reports an exception raised at import with the user file and line', async () => {
    const host = createInProcessHost()
    const result = await host.build({ ...PROJECT, 'views.ts': `export const a = 1\n\nthrow new Error('bad import')\n` })
    expect(result.ok).toBe(false)
    expect(result.error?.message).toBe('bad import')
    expect(result.error?.location).toMatchObject({ file: 'views.ts', line: 3 })
  })

  it('builds the project, creates its users and captures console output at import', async () => {
    const host = createInProcessHost()
    const result = await host.build({ ...PROJECT, 'extra.ts': `console.info('loaded extra')\nexport const y = 2\n` })
    expect(result.error).toBeNull()
    expect(result.ok).toBe(true)
    expect(result.users).toEqual([{ id: 1, username: 'alice', is_active: true, is_staff: true, is_superuser: false }])
    expect(result.console).toEqual([{ level: 'info', text: 'loaded extra' }])
  })
})

describe('sending requests', () => {
  it('GET: what the view saw, the response, console output and timing', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const exchange = await host.send(composed('GET', '/echo/?a=1&a=2', { headers: [['X-Thing', 'yes'], ['Host', 'example.com']] }), [])
    expect(exchange.failure).toBeNull()
    expect(exchange.response?.status_code).toBe(400) // example.com is not in ALLOWED_HOSTS
    const ok = await host.send(composed('GET', '/echo/?a=1&a=2', { headers: [['X-Thing', 'yes']] }), [])
    expect(ok.response?.status_code).toBe(200)
    expect(JSON.parse(text(ok.response?.body))).toEqual({ method: 'GET', GET: { a: '2' }, POST: {} })
    expect(ok.request?.GET).toEqual([['a', ['1', '2']]])
    expect(ok.request?.META.HTTP_X_THING).toBe('yes')
    expect(ok.request?.resolver_match?.route).toBe('echo/')
    expect(ok.request?.user).toEqual({ username: 'AnonymousUser', is_authenticated: false, is_staff: false })
    expect(ok.console).toEqual([{ level: 'log', text: 'echo GET' }])
    expect(ok.duration_ms).toBeGreaterThan(0)
  })

  it('POST urlencoded and JSON bodies, and a custom method', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const form = await host.send(composed('POST', '/echo/', { body: { kind: 'urlencoded', fields: [['name', 'Ada Lovelace'], ['x', '&']] } }), [])
    expect(form.request?.POST).toEqual([['name', ['Ada Lovelace']], ['x', ['&']]])
    expect(text(form.request?.body)).toBe('name=Ada+Lovelace&x=%26')
    expect(form.request?.META.CONTENT_TYPE).toBe('application/x-www-form-urlencoded')
    const json = await host.send(composed('PUT', '/echo/', { body: { kind: 'json', text: '{"a": [1, 2]}' } }), [])
    expect(json.request?.method).toBe('PUT')
    expect(json.request?.META.CONTENT_TYPE).toBe('application/json')
    expect(text(json.request?.body)).toBe('{"a": [1, 2]}')
    const custom = await host.send(composed('PURGE', '/echo/'), [])
    expect(custom.request?.method).toBe('PURGE')
  })

  it('multipart with a real file: FILES with size, type and head; the body the client sent', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const content = new TextEncoder().encode('hello file')
    const exchange = await host.send(
      composed('POST', '/upload/', {
        enforce_csrf_checks: false,
        body: { kind: 'multipart', fields: [['title', 'T']], files: [{ field: 'doc', name: 'a.txt', content_type: 'text/plain', content }] },
      }),
      [],
    )
    expect(text(exchange.response?.body)).toBe('a.txt:10:hello file')
    expect(exchange.request?.FILES).toEqual([
      { field: 'doc', name: 'a.txt', size: 10, content_type: 'text/plain', charset: null, head: content },
    ])
    expect(exchange.request?.POST).toEqual([['title', ['T']]])
    expect(text(exchange.request?.body)).toContain('filename="a.txt"')
  })

  it('a POST without a CSRF token gets 403 when checks are enforced', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const exchange = await host.send(composed('POST', '/echo/', { enforce_csrf_checks: true, body: { kind: 'urlencoded', fields: [['a', '1']] } }), [])
    expect(exchange.response?.status_code).toBe(403)
    expect(text(exchange.response?.body)).toContain('CSRF')
    expect(exchange.request).toBeNull()
  })

  it("an exception gives Django's debug page and the user's file and line", async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const exchange = await host.send(composed('GET', '/boom/'), [])
    expect(exchange.response?.status_code).toBe(500)
    expect(exchange.error?.type).toBe('TypeError')
    expect(exchange.error?.location).toMatchObject({ file: 'views.ts', line: 22 })
    expect(exchange.response?.content_type).toContain('text/html')
  })

  it('keeps the session between requests through the jar: before and after', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const first = await host.send(composed('GET', '/count/'), [])
    expect(text(first.response?.body)).toBe('1')
    expect(first.session_before).toEqual({})
    expect(first.session_after).toEqual({ n: 1 })
    const session = first.jar.find((c) => c.key === 'sessionid')
    expect(session?.value).toMatch(/^[a-z0-9]{32}$/)
    const second = await host.send(composed('GET', '/count/'), first.jar)
    expect(text(second.response?.body)).toBe('2')
    expect(second.session_before).toEqual({ n: 1 })
    expect(second.session_after).toEqual({ n: 2 })
  })

  it('returns Set-Cookies parsed and a jar that round-trips attributes', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const jar: JarCookie[] = [{ key: 'theme', value: 'dark mode', attrs: { path: '/' } }]
    const exchange = await host.send(composed('GET', '/cookie/'), jar)
    expect(exchange.response?.set_cookies[0]).toMatchObject({ key: 'flavour', value: 'ginger', attrs: { 'max-age': 60, path: '/' } })
    expect(exchange.response?.headers.some(([k, v]) => k === 'Set-Cookie' && v.startsWith('flavour=ginger'))).toBe(true)
    expect(exchange.request?.COOKIES).toEqual({ theme: 'dark mode' })
    expect(exchange.jar.find((c) => c.key === 'theme')).toEqual({ key: 'theme', value: 'dark mode', attrs: { path: '/' } })
    expect(exchange.jar.find((c) => c.key === 'flavour')?.value).toBe('ginger')
  })

  it('answers with a build failure while the project does not build', async () => {
    const host = createInProcessHost()
    await host.build({ ...PROJECT, 'urls.ts': 'export const urlpatterns = [' })
    const exchange = await host.send(composed('GET', '/echo/'), [])
    expect(exchange.failure?.kind).toBe('build')
    expect(exchange.failure?.message).toContain('SyntaxError')
  })

  it('runs async views through AsyncClient', async () => {
    const host = createInProcessHost()
    const views = PROJECT['views.ts'] + `\nexport async function later(_r: any) {\n  await null\n  return new HttpResponse('later')\n}\n`
    const urls = PROJECT['urls.ts']!.replace("path('echo/', views.echo),", "path('echo/', views.echo),\n  path('later/', views.later),")
    await host.build({ ...PROJECT, 'views.ts': views, 'urls.ts': urls })
    const exchange = await host.send(composed('GET', '/later/'), [])
    expect(text(exchange.response?.body)).toBe('later')
    const counted = await host.send(composed('GET', '/count/'), [])
    expect(counted.session_after).toEqual({ n: 1 })
  })
})

describe('client actions', () => {
  it('login, then the view sees the user; logout empties the jar', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const wrong = await host.act({ kind: 'login', username: 'alice', password: 'nope' }, [])
    expect(wrong.ok).toBe(false)
    expect(wrong.message).toContain('alice')
    const login = await host.act({ kind: 'login', username: 'alice', password: 'wonderland' }, [])
    expect(login.ok).toBe(true)
    const exchange = await host.send(composed('GET', '/echo/'), login.jar)
    expect(exchange.request?.user).toEqual({ username: 'alice', is_authenticated: true, is_staff: true })
    expect(exchange.session_before?._auth_user_id).toBe('1')
    const logout = await host.act({ kind: 'logout' }, exchange.jar)
    expect(logout.jar).toEqual([])
  })

  it('force_login by username', async () => {
    const host = createInProcessHost()
    await host.build(PROJECT)
    const result = await host.act({ kind: 'force_login', username: 'alice' }, [])
    expect(result.ok).toBe(true)
    const exchange = await host.send(composed('GET', '/echo/'), result.jar)
    expect(exchange.request?.user?.username).toBe('alice')
    expect((await host.act({ kind: 'force_login', username: 'bob' }, [])).ok).toBe(false)
  })
})

describe('rebuilding keeps the database', () => {
  it('a logged-in session survives an edit to a view, and a changed password logs the user out', async () => {
    const host = createInProcessHost()
    expect((await host.build(PROJECT)).ok).toBe(true)
    const login = await host.act({ kind: 'login', username: 'alice', password: 'wonderland' }, [])
    expect(login.ok).toBe(true)
    const count = (jar: typeof login.jar) =>
      host.send({ method: 'GET', url: '/count/', headers: [], body: { kind: 'none' }, follow: false, secure: false, enforce_csrf_checks: false }, jar)
    let exchange = await count(login.jar)
    expect(exchange.request?.user?.username).toBe('alice')
    const edited: Record<string, string> = { ...PROJECT, 'views.ts': PROJECT['views.ts']!.replace("'echo'", "'echo (edited)'") }
    expect((await host.build(edited)).ok).toBe(true)
    exchange = await count(exchange.jar)
    expect(exchange.request?.user?.username).toBe('alice')
    expect(exchange.session_before?.n).toBe(1)
    const new_password = { ...edited, 'settings.ts': edited['settings.ts']!.replace("'wonderland'", "'looking-glass'") }
    expect((await host.build(new_password)).ok).toBe(true)
    exchange = await count(exchange.jar)
    expect(exchange.request?.user?.is_authenticated).toBe(false)
    host.dispose()
  })
})
