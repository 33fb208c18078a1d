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
