/** CsrfViewMiddleware through the test Client, against what Django 5.2.19 recorded in the public csrf cases. */
// django: the conformance cases p_csrf_* (oracle_site.py's /csrf/ views), run as Django's Client runs them
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { register_import } from '../core/module-loading.ts'
import { csrf_exempt, ensure_csrf_cookie } from '../csrf/decorators.ts'
import oracle from '../csrf/oracle/csrf-oracle.json'
import { _unmask_cipher_token, get_token, rotate_token } from '../csrf/tokens.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { JsonResponse } from '../http/response-subclasses.ts'
import { Client, type ClientResponse } from '../testing/client.ts'
import { path } from '../urls/conf.ts'

register_import('csrf_client_tests.urls', {
  urlpatterns: [
    path('csrf/token/', (request: HttpRequest) => new JsonResponse({ csrf_token: get_token(request) })),
    path('csrf/protected/', (request: HttpRequest) =>
      new HttpResponse(`csrf ok ${request.method}`, { content_type: 'text/plain' }),
    ),
    path('csrf/exempt/', csrf_exempt(() => new HttpResponse('exempt', { content_type: 'text/plain' }))),
    path('csrf/ensure/', ensure_csrf_cookie(() => new HttpResponse('ensured', { content_type: 'text/plain' }))),
    path('csrf/rotate/', (request: HttpRequest) => {
      rotate_token(request)
      return new HttpResponse('rotated', { content_type: 'text/plain' })
    }),
  ],
})

const settings = make_settings({
  ROOT_URLCONF: 'csrf_client_tests.urls',
  ALLOWED_HOSTS: ['testserver', 'example.com', 'localhost'],
  MIDDLEWARE: ['django.middleware.csrf.CsrfViewMiddleware'],
})

// The oracle's clock: time frozen at 1700000000.
function run(fn: () => void): () => void {
  return () => with_clock(frozen_clock(1700000000), () => with_settings(settings, fn))
}

const COOKIE =
  /^csrftoken=([a-zA-Z0-9]{32}); expires=Tue, 12 Nov 2024 22:13:20 GMT; Max-Age=31449600; Path=\/; SameSite=Lax$/
const page = (reason: string) => oracle.pages.find((p) => p.reason === reason)!.body

function set_cookies(response: ClientResponse): string[] {
  return response.cookies.values().map((morsel) => morsel.OutputString())
}

function token_of(response: ClientResponse): string {
  return (response.json() as { csrf_token: string }).csrf_token
}

describe('CSRF through the test Client', () => {
  it(
    'p_csrf_bad_tokens: a wrong, short or bare-secret token gets the 1004-byte page',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const first = client.get('/csrf/token/')
      expect(first.status_code).toBe(200)
      expect(first.get('Vary')).toBe('Cookie')
      const [header] = set_cookies(first)
      expect(header).toMatch(COOKIE)
      const secret = COOKIE.exec(header!)![1]!

      const wrong = client.post('/csrf/protected/', { csrfmiddlewaretoken: 'x'.repeat(64) })
      expect(wrong.status_code).toBe(403)
      expect(wrong.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect((wrong as unknown as HttpResponse).content.length).toBe(1004)
      expect((wrong as unknown as HttpResponse).text).toBe(page(''))
      // The jar's cookie is kept; a rejection sends none.
      expect(set_cookies(wrong)).toEqual([])

      expect(client.post('/csrf/protected/', { csrfmiddlewaretoken: 'short' }).status_code).toBe(403)
      // The 32-character secret itself is accepted as a token.
      expect(client.post('/csrf/protected/', { csrfmiddlewaretoken: secret }).status_code).toBe(200)
    }),
  )

  it(
    'p_csrf_token_sources: form field, header, and the cookie is re-sent (same secret) on every get_token',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const first = client.get('/csrf/token/')
      const secret = COOKIE.exec(set_cookies(first)[0]!)![1]!
      const posted = client.post('/csrf/protected/', { csrfmiddlewaretoken: token_of(first) })
      expect([posted.status_code, (posted as unknown as HttpResponse).text]).toEqual([200, 'csrf ok POST'])
      expect(set_cookies(posted)).toEqual([])

      const second = client.get('/csrf/token/')
      expect(COOKIE.exec(set_cookies(second)[0]!)![1]).toBe(secret)
      expect(token_of(second)).not.toBe(token_of(first))
      const via_header = client.post('/csrf/protected/', { a: '1' }, { headers: { 'X-CSRFToken': secret } })
      expect(via_header.status_code).toBe(200)
    }),
  )

  it(
    'p_csrf_no_cookie_and_safe: no cookie is a 403 with the cookie hint; safe methods and exempt views pass',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const response = client.post('/csrf/protected/', {})
      expect(response.status_code).toBe(403)
      expect((response as unknown as HttpResponse).text).toBe(page('CSRF cookie not set.'))
      expect(client.get('/csrf/protected/').status_code).toBe(200)
      expect(client.head('/csrf/protected/').status_code).toBe(200)
      expect(client.options('/csrf/protected/').status_code).toBe(200)
      expect(client.post('/csrf/exempt/', {}).status_code).toBe(200)
    }),
  )

  it(
    'the default client does not enforce checks, but still sets and rotates the cookie',
    run(() => {
      const client = new Client()
      expect(client.post('/csrf/protected/', {}).status_code).toBe(200)
      const ensured = client.get('/csrf/ensure/')
      const secret = COOKIE.exec(set_cookies(ensured)[0]!)![1]!
      const rotated = client.post('/csrf/rotate/', {})
      const rotated_secret = COOKIE.exec(set_cookies(rotated)[0]!)![1]!
      expect(rotated_secret).not.toBe(secret)
    }),
  )

  it(
    'p_csrf_legacy_masked_cookie: a 64-character cookie is accepted, and replaced by its bare secret when used',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const masked = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01'
      client.cookies.load({ csrftoken: masked })
      const accepted = client.post('/csrf/protected/', {}, { headers: { 'X-CSRFToken': masked } })
      expect(accepted.status_code).toBe(200)
      // Not re-sent unless a token was used.
      expect(set_cookies(accepted)).toEqual([])
      const ensured = client.get('/csrf/ensure/')
      const secret = COOKIE.exec(set_cookies(ensured)[0]!)![1]!
      expect(secret).toBe(_unmask_cipher_token(masked))
      expect(client.post('/csrf/protected/', {}, { headers: { 'X-CSRFToken': secret } }).status_code).toBe(200)
    }),
  )

  it(
    'p_csrf_origin_variants: a foreign, null or wrong-scheme Origin is refused before the token',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const token = token_of(client.get('/csrf/token/'))
      for (const origin of ['http://evil.com', 'null', 'https://testserver', '']) {
        const headers = { Origin: origin }
        const response = client.post('/csrf/protected/', { csrfmiddlewaretoken: token }, { headers })
        expect(response.status_code).toBe(403)
      }
      const headers = { Origin: 'http://testserver' }
      const same = client.post('/csrf/protected/', { csrfmiddlewaretoken: token }, { headers })
      expect(same.status_code).toBe(200)
    }),
  )

  it(
    'p_csrf_secure_referer: HTTPS without Referer gets the Referer hint page',
    run(() => {
      const client = new Client({ enforce_csrf_checks: true })
      const token = token_of(client.get('/csrf/token/', null, { secure: true }))
      const response = client.post('/csrf/protected/', { csrfmiddlewaretoken: token }, { secure: true })
      expect(response.status_code).toBe(403)
      expect((response as unknown as HttpResponse).text).toBe(page('Referer checking failed - no Referer.'))
      const ok = client.post(
        '/csrf/protected/',
        { csrfmiddlewaretoken: token },
        { secure: true, headers: { Referer: 'https://testserver/form/' } },
      )
      expect(ok.status_code).toBe(200)
    }),
  )
})
