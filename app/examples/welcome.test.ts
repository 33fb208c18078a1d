import { beforeAll, describe, expect, it } from 'vitest'
import { createInProcessHost } from '../runtime/in-process.ts'
import type { ComposedRequest, Exchange, JarCookie, RuntimeHost } from '../runtime/protocol.ts'
import { WELCOME_PROJECT, WELCOME_REQUESTS } from './index.ts'

const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array(0))
const find = (method: string, url: string) =>
  WELCOME_REQUESTS.find((r) => r.method === method && r.url === url) as ComposedRequest

describe('WELCOME_PROJECT', () => {
  let host: RuntimeHost
  let jar: JarCookie[] = []
  const send = async (request: ComposedRequest): Promise<Exchange> => {
    const exchange = await host.send(request, jar)
    expect(exchange.failure).toBeNull()
    expect(exchange.error).toBeNull()
    jar = exchange.jar
    return exchange
  }

  beforeAll(async () => {
    host = createInProcessHost()
    const result = await host.build(WELCOME_PROJECT)
    expect(result.error).toBeNull()
    expect(result.ok).toBe(true)
  })

  it('is settings.ts, urls.ts and views.ts, with DEBUG on and the fast hasher first', () => {
    expect(Object.keys(WELCOME_PROJECT)).toEqual(['settings.ts', 'urls.ts', 'views.ts'])
    expect(WELCOME_PROJECT['settings.ts']).toMatch(/DEBUG: true/)
    const hashers = /PASSWORD_HASHERS: \[\s*'playground\.hashers\.FastPBKDF2PasswordHasher'/
    expect(WELCOME_PROJECT['settings.ts']).toMatch(hashers)
  })

  it('declares alice (staff) and bob', async () => {
    const result = await host.build(WELCOME_PROJECT)
    expect(result.users.map((u) => [u.username, u.is_staff])).toEqual([['alice', true], ['bob', false]])
  })

  it('answers every one of its requests without an error', async () => {
    for (const request of WELCOME_REQUESTS) {
      const exchange = await host.send(request, [])
      expect(exchange.failure, request.url).toBeNull()
      expect(exchange.error, request.url).toBeNull()
      expect(exchange.response?.status_code, `${request.method} ${request.url}`).toBeLessThan(500)
    }
  })

  it('echoes what the view received', async () => {
    const exchange = await send(find('GET', '/echo/?q=hello&q=world'))
    const body = JSON.parse(text(exchange.response?.body))
    expect(body).toMatchObject({ method: 'GET', path: '/echo/', GET: { q: 'world' }, user_agent: 'Request Playground' })
    expect(exchange.console).toEqual([{ level: 'log', text: 'echo: GET /echo/?q=hello&q=world' }])
    const word = await send({ ...find('GET', '/form/'), url: '/echo/django/' })
    expect(JSON.parse(text(word.response?.body))).toEqual({ word: 'django', path: '/echo/django/' })
  })

  it('shows a form with a CSRF token, refuses a POST without it and accepts one with it', async () => {
    jar = []
    const get = await send(find('GET', '/form/'))
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(text(get.response?.body))?.[1]
    expect(token).toMatch(/^[A-Za-z0-9]{64}$/)
    const refused = await send(find('POST', '/form/'))
    expect(refused.response?.status_code).toBe(403)
    expect(text(refused.response?.body)).toContain('CSRF')
    const fields: Array<[string, string]> = [['csrfmiddlewaretoken', token as string], ['name', '<Ada>']]
    const accepted = await send({ ...find('POST', '/form/'), body: { kind: 'urlencoded', fields } })
    expect(accepted.response?.status_code).toBe(200)
    expect(text(accepted.response?.body)).toContain('Hello, &#60;Ada&#62;!')
  })

  it('logs alice in and out, and keeps bob out of a wrong password', async () => {
    jar = []
    const anonymous = await send(find('GET', '/whoami/'))
    expect(JSON.parse(text(anonymous.response?.body))).toMatchObject({ username: '', is_authenticated: false })
    const secret = await send({ ...find('GET', '/whoami/'), url: '/secret/' })
    expect(secret.response?.status_code).toBe(302)
    expect(secret.response?.headers).toContainEqual(['Location', '/login/?next=/secret/'])

    const login = await send(find('POST', '/login/'))
    expect(login.redirect_chain).toEqual([['/whoami/', 302]])
    const alice = { username: 'alice', is_authenticated: true, is_staff: true }
    expect(JSON.parse(text(login.response?.body))).toMatchObject(alice)
    expect(login.session_after).toMatchObject({ _auth_user_id: '1' })
    expect(text((await send({ ...find('GET', '/whoami/'), url: '/secret/' })).response?.body)).toContain('alice')

    const logout = await send({ ...find('GET', '/whoami/'), url: '/logout/', follow: true })
    expect(JSON.parse(text(logout.response?.body))).toMatchObject({ is_authenticated: false })

    const fields: Array<[string, string]> = [['username', 'bob'], ['password', 'wrong']]
    const wrong = await send({ ...find('POST', '/login/'), body: { kind: 'urlencoded', fields } })
    expect(wrong.response?.status_code).toBe(200)
    expect(text(wrong.response?.body)).toContain('Wrong username or password.')
  })

  it('sets a cookie and reads it back on the next request', async () => {
    jar = []
    const first = await send(find('GET', '/cookie/?flavour=oatmeal'))
    expect(JSON.parse(text(first.response?.body))).toEqual({ you_sent: null, setting: 'oatmeal' })
    expect(first.response?.set_cookies[0]).toMatchObject({ key: 'flavour', value: 'oatmeal' })
    const second = await send({ ...find('GET', '/cookie/?flavour=oatmeal'), url: '/cookie/' })
    expect(JSON.parse(text(second.response?.body))).toEqual({ you_sent: 'oatmeal', setting: 'ginger' })
  })

  /** A GET (or another method) with every composer option off. */
  const get = (url: string, extra: Partial<ComposedRequest> = {}): ComposedRequest => ({ ...find('GET', '/form/'), url, ...extra })
  const tokenIn = (exchange: Exchange) => /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(text(exchange.response?.body))?.[1] as string
  const header = (exchange: Exchange, name: string) => exchange.response?.headers.find(([n]) => n === name)?.[1]

  it('opens on an HTML home page that links to every page, without external resources', async () => {
    jar = []
    const home = await send(get('/'))
    expect(home.response?.status_code).toBe(200)
    expect(home.response?.content_type).toBe('text/html; charset=utf-8')
    const html = text(home.response?.body)
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<title>Welcome</title>')
    for (const href of ['/note/', '/login/', '/secret/', '/upload/', '/scripts/', '/hop/1/', '/download/', '/echo/?q=hello', '/echo/world/', '/whoami/', '/cookie/', '/counter/', '/form/', '/logout/']) {
      expect(html).toContain(`href="${href}"`)
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).not.toMatch(/@import|url\(/)
  })

  it('saves a CSRF-checked note in the session, then redirects to a page that shows it', async () => {
    jar = []
    const form = await send(get('/note/'))
    expect(form.response?.status_code).toBe(200)
    const token = tokenIn(form)
    expect(token).toMatch(/^[A-Za-z0-9]{64}$/)
    expect(jar.find((c) => c.key === 'csrftoken')?.value).toMatch(/^[A-Za-z0-9]{32}$/)
    const post = (fields: Array<[string, string]>, follow = false): ComposedRequest =>
      get('/note/', { method: 'POST', body: { kind: 'urlencoded', fields }, enforce_csrf_checks: true, follow })

    const refused = await send(post([['note', 'no token']]))
    expect(refused.response?.status_code).toBe(403)
    const saved = await send(post([['csrfmiddlewaretoken', token], ['note', '<b>milk</b> & "eggs"']]))
    expect(saved.response?.status_code).toBe(302)
    expect(saved.response?.headers).toContainEqual(['Location', '/note/saved/'])
    expect(saved.session_after).toMatchObject({ note: '<b>milk</b> & "eggs"' })
    const shown = await send(get('/note/saved/'))
    expect(shown.response?.status_code).toBe(200)
    expect(text(shown.response?.body)).toContain('<q>&#60;b&#62;milk&#60;/b&#62; &#38; &#34;eggs&#34;</q>')

    const followed = await send(post([['csrfmiddlewaretoken', token], ['note', 'again']], true))
    expect(followed.redirect_chain).toEqual([['/note/saved/', 302]])
    expect(text(followed.response?.body)).toContain('<q>again</q>')
  })

  it('shows the login form on GET, logs in on POST and re-shows the form on a wrong password', async () => {
    jar = []
    const form = await send(get('/login/'))
    expect(form.response?.status_code).toBe(200)
    const html = text(form.response?.body)
    expect(html).toContain('<form method="post">')
    expect(html).toContain('name="username"')
    expect(html).toContain('type="password"')
    const post = (url: string, token: string, username: string, password: string, follow = false): ComposedRequest => {
      const fields: Array<[string, string]> = [['csrfmiddlewaretoken', token], ['username', username], ['password', password]]
      return get(url, { method: 'POST', body: { kind: 'urlencoded', fields }, enforce_csrf_checks: true, follow })
    }

    const wrong = await send(post('/login/', tokenIn(form), '<bob>', 'wrong'))
    expect(wrong.response?.status_code).toBe(200)
    expect(text(wrong.response?.body)).toContain('Wrong username or password.')
    expect(text(wrong.response?.body)).toContain('value="&#60;bob&#62;"')

    const ok = await send(post('/login/', tokenIn(wrong), 'bob', 'builder', true))
    expect(ok.redirect_chain).toEqual([['/whoami/', 302]])
    expect(JSON.parse(text(ok.response?.body))).toMatchObject({ username: 'bob', is_authenticated: true })

    // `?next=` is followed within the site only.
    for (const [next, location] of [['/secret/', '/secret/'], ['//evil.example/', '/whoami/']]) {
      jar = []
      const url = `/login/?next=${next}`
      const again = await send(get(url))
      const redirected = await send(post(url, tokenIn(again), 'alice', 'wonderland'))
      expect(redirected.response?.headers).toContainEqual(['Location', location])
    }
  })

  it('lists uploaded files with their names, exact sizes and content types', async () => {
    jar = []
    const form = await send(get('/upload/'))
    expect(form.response?.status_code).toBe(200)
    expect(text(form.response?.body)).toContain('enctype="multipart/form-data"')
    expect(text(form.response?.body)).toContain('<input type="file" name="files" multiple>')
    const files = [
      { field: 'files', name: 'hello.txt', content_type: 'text/plain', content: new TextEncoder().encode('Hello, Django!\n') },
      { field: 'files', name: '<x>.bin', content_type: 'application/octet-stream', content: new Uint8Array(1000) },
    ]
    const fields: Array<[string, string]> = [['csrfmiddlewaretoken', tokenIn(form)]]
    const upload = await send(get('/upload/', { method: 'POST', body: { kind: 'multipart', fields, files }, enforce_csrf_checks: true }))
    expect(upload.response?.status_code).toBe(200)
    const html = text(upload.response?.body)
    expect(html).toContain('<td>files</td><td>hello.txt</td><td>15 bytes</td><td>text/plain</td>')
    expect(html).toContain('<td>files</td><td>&#60;x&#62;.bin</td><td>1000 bytes</td><td>application/octet-stream</td>')

    const none = await send(get('/upload/', { method: 'POST', body: { kind: 'multipart', fields: [], files: [] } }))
    expect(text(none.response?.body)).toContain('No file arrived')
    const sample = await send(find('POST', '/upload/'))
    expect(text(sample.response?.body)).toContain('<td>hello.txt</td><td>15 bytes</td>')
  })

  it('serves a page whose script uses fetch() and an XHR POST with the X-CSRFToken header', async () => {
    jar = []
    const scripts = await send(get('/scripts/'))
    expect(scripts.response?.status_code).toBe(200)
    const html = text(scripts.response?.body)
    expect(html).toContain('<output id="time" data-url="/api/time/">')
    expect(html).toContain('data-url="/api/like/"')
    expect(html).toMatch(/fetch\(time\.dataset\.url\)/)
    expect(html).toMatch(/new XMLHttpRequest\(\)[\s\S]*setRequestHeader\('X-CSRFToken', getCookie\('csrftoken'\)\)/)
    // The page's view set the cookie the script reads; scripts may read it (not HttpOnly).
    const cookie = jar.find((c) => c.key === 'csrftoken')
    expect(cookie?.value).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(cookie?.attrs['httponly']).toBeFalsy()

    const time = await send(get('/api/time/'))
    expect(time.response?.content_type).toBe('application/json')
    expect(JSON.parse(text(time.response?.body)).now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect((await send(get('/api/time/', { method: 'POST' }))).response?.status_code).toBe(405)

    const like = (headers: Array<[string, string]>) => get('/api/like/', { method: 'POST', headers, enforce_csrf_checks: true })
    expect((await send(like([]))).response?.status_code).toBe(403)
    const liked = await send(like([['X-CSRFToken', cookie?.value as string]]))
    expect(liked.response?.status_code).toBe(200)
    expect(JSON.parse(text(liked.response?.body))).toEqual({ likes: 1 })
    const again = await send(like([['X-CSRFToken', cookie?.value as string]]))
    expect(JSON.parse(text(again.response?.body))).toEqual({ likes: 2 })
    expect((await send(get('/api/like/'))).response?.status_code).toBe(405)
  })

  it('hops through two redirects to a final page', async () => {
    jar = []
    const first = await send(get('/hop/1/'))
    expect(first.response?.status_code).toBe(302)
    expect(first.response?.headers).toContainEqual(['Location', '/hop/2/'])
    const followed = await send(find('GET', '/hop/1/'))
    expect(followed.redirect_chain).toEqual([['/hop/2/', 302], ['/hop/done/', 302]])
    expect(followed.response?.status_code).toBe(200)
    expect(text(followed.response?.body)).toContain('<title>Landed</title>')
  })

  it('offers hello.txt as a download', async () => {
    const download = await send(get('/download/'))
    expect(download.response?.status_code).toBe(200)
    expect(header(download, 'Content-Disposition')).toBe('attachment; filename="hello.txt"')
    expect(download.response?.content_type).toBe('text/plain; charset=utf-8')
    expect(text(download.response?.body)).toBe('Hello from Django in your browser!\n')
  })

  it('counts visits in the session', async () => {
    jar = []
    const visits = []
    for (let i = 0; i < 3; i++) {
      const exchange = await send(find('GET', '/counter/'))
      visits.push(JSON.parse(text(exchange.response?.body)).visits)
    }
    expect(visits).toEqual([1, 2, 3])
  })
})
