/** Parity with Django's SessionMiddlewareTests: when the session cookie is set, refreshed or deleted. */
// django: tests/sessions_tests/tests.py (SessionMiddlewareTests)
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { Database, set_database } from '../db/connection.ts'
import { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'
import { SessionStore as DatabaseSession, session_table } from '../sessions/backends/db.ts'
import { SessionInterrupted } from '../sessions/exceptions.ts'
import { SessionMiddleware } from '../sessions/middleware.ts'

const NOW = 1700000000
const BASE = make_settings({ SECRET_KEY: 'django-tests-secret-key' })

function run<T>(fn: () => T, overrides: SettingsOverrides = {}): T {
  return with_settings(make_settings(overrides, BASE), () => with_clock(frozen_clock(NOW), fn))
}

function request_with(cookies: Record<string, string> = {}): HttpRequest {
  const request = new HttpRequest()
  request.method = 'GET'
  request.path = request.path_info = '/'
  Object.assign(request.COOKIES, cookies)
  return request
}

/** Runs the middleware around `view` and returns the response. */
function through(request: HttpRequest, view: (request: HttpRequest) => HttpResponseBase): HttpResponseBase {
  return new SessionMiddleware((r) => view(r)).__call__(request) as HttpResponseBase
}

function set_cookie_header(response: HttpResponseBase): string {
  return response.cookies.getitem('sessionid').OutputString()
}

describe('SessionMiddlewareTests', () => {
  beforeEach(() => set_database(new Database()))

  const store = (request: HttpRequest) => {
    request.session!.setitem('hello', 'world')
    return new HttpResponse('Session test')
  }

  it('sets the default cookie: expires, HttpOnly, Max-Age, Path, SameSite', () =>
    run(() => {
      const request = request_with()
      const response = through(request, store)
      const key = request.session!.session_key!
      expect(set_cookie_header(response)).toBe(
        `sessionid=${key}; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`,
      )
      expect(response.headers.get('Vary')).toBe('Cookie')
      expect(session_table().get(key)!.expire_date).toBe(NOW + 1209600)
    }))

  it('test_secure_session_cookie', () =>
    run(() => {
      const response = through(request_with(), store)
      expect(response.cookies.getitem('sessionid').getitem('secure')).toBe(true)
    }, { SESSION_COOKIE_SECURE: true }))

  it('test_httponly_session_cookie', () =>
    run(() => {
      const response = through(request_with(), store)
      expect(response.cookies.getitem('sessionid').getitem('httponly')).toBe(true)
      expect(set_cookie_header(response)).toContain('HttpOnly')
    }))

  it('test_samesite_session_cookie', () =>
    run(() => {
      const response = through(request_with(), store)
      expect(response.cookies.getitem('sessionid').getitem('samesite')).toBe('Strict')
    }, { SESSION_COOKIE_SAMESITE: 'Strict' }))

  it('test_no_httponly_session_cookie', () =>
    run(() => {
      const response = through(request_with(), store)
      expect(response.cookies.getitem('sessionid').getitem('httponly')).toBe('')
      expect(set_cookie_header(response)).not.toContain('HttpOnly')
    }, { SESSION_COOKIE_HTTPONLY: false }))

  it('test_session_save_on_500', () =>
    run(() => {
      const request = request_with()
      const response = through(request, (r) => {
        r.session!.setitem('hello', 'world')
        return new HttpResponse('Horrible error', { status: 500 })
      })
      // No cookie, and nothing stored.
      expect(response.cookies.has('sessionid')).toBe(false)
      expect(session_table().size).toBe(0)
    }))

  it('test_session_save_on_5xx', () =>
    run(() => {
      const request = request_with()
      const response = through(request, (r) => {
        r.session!.setitem('hello', 'world')
        return new HttpResponse('', { status: 503 })
      })
      expect(response.cookies.has('sessionid')).toBe(false)
      expect(session_table().size).toBe(0)
    }))

  it('test_session_update_error_redirect', () =>
    run(() => {
      const existing = new DatabaseSession()
      existing.setitem('a', 1)
      existing.save()
      const request = request_with({ sessionid: existing.session_key! })
      // The session is deleted by another request while this one runs.
      const view = (r: HttpRequest) => {
        r.session!.setitem('hello', 'world')
        new DatabaseSession(existing.session_key).delete()
        return new HttpResponse()
      }
      expect(() => through(request, view)).toThrow(
        new SessionInterrupted(
          "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.",
        ),
      )
    }))

  it('test_session_delete_on_end', () =>
    run(() => {
      const request = request_with({ sessionid: 'abc' })
      const response = through(request, (r) => {
        r.session!.flush()
        return new HttpResponse('Session test')
      })
      expect(response.cookies.getitem('sessionid').OutputString()).toBe(
        'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
      )
      expect(response.headers.get('Vary')).toBe('Cookie')
    }))

  it('test_session_delete_on_end_with_custom_domain_and_path', () =>
    run(
      () => {
        const request = request_with({ sessionid: 'abc' })
        const response = through(request, (r) => {
          r.session!.flush()
          return new HttpResponse('Session test')
        })
        expect(response.cookies.getitem('sessionid').OutputString()).toBe(
          'sessionid=""; Domain=.example.local; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax',
        )
      },
      { SESSION_COOKIE_DOMAIN: '.example.local', SESSION_COOKIE_PATH: '/example/' },
    ))

  it('test_flush_empty_without_session_cookie_doesnt_set_cookie', () =>
    run(() => {
      const request = request_with()
      const response = through(request, (r) => {
        r.session!.flush()
        return new HttpResponse('Session test')
      })
      expect(response.cookies.has('sessionid')).toBe(false)
      expect(response.headers.get('Vary')).toBe('Cookie')
    }))

  it('test_empty_session_saved', () =>
    run(() => {
      // A session emptied by deleting its keys keeps its key, so it is saved and re-cookied.
      const request = request_with()
      let response = through(request, (r) => {
        r.session!.setitem('foo', 'bar')
        return new HttpResponse('Session test')
      })
      const key = request.session!.session_key!
      expect(response.cookies.getitem('sessionid').value).toBe(key)
      const again = request_with({ sessionid: key })
      response = through(again, (r) => {
        r.session!.delitem('foo')
        return new HttpResponse('Session test')
      })
      expect(again.session!.session_key).toBe(key)
      expect(response.cookies.getitem('sessionid').value).toBe(key)
      expect(response.headers.get('Vary')).toBe('Cookie')
    }))

  it('adds no Vary and no cookie when the view never touched the session', () =>
    run(() => {
      const response = through(request_with(), () => new HttpResponse('x'))
      expect(response.has_header('Vary')).toBe(false)
      expect(response.cookies.has('sessionid')).toBe(false)
    }))

  it('only reading the session adds Vary: Cookie, and keeps an existing Vary', () =>
    run(() => {
      const response = through(request_with(), (r) => {
        r.session!.get('x')
        return new HttpResponse('x', { headers: { Vary: 'Accept-Encoding' } })
      })
      expect(response.headers.get('Vary')).toBe('Accept-Encoding, Cookie')
      expect(response.cookies.has('sessionid')).toBe(false)
    }))

  it('SESSION_SAVE_EVERY_REQUEST refreshes the cookie of an unmodified session', () =>
    run(() => {
      const existing = new DatabaseSession()
      existing.setitem('a', 1)
      existing.save()
      const response = through(request_with({ sessionid: existing.session_key! }), () => new HttpResponse())
      expect(response.cookies.getitem('sessionid').value).toBe(existing.session_key)
    }, { SESSION_SAVE_EVERY_REQUEST: true }))

  it('SESSION_EXPIRE_AT_BROWSER_CLOSE leaves out Max-Age and expires', () =>
    run(() => {
      const request = request_with()
      const response = through(request, store)
      expect(set_cookie_header(response)).toBe(`sessionid=${request.session!.session_key}; HttpOnly; Path=/; SameSite=Lax`)
    }, { SESSION_EXPIRE_AT_BROWSER_CLOSE: true }))

  it('set_expiry(0) is a browser-session cookie; set_expiry(60) a one-minute one', () =>
    run(() => {
      let request = request_with()
      let response = through(request, (r) => {
        r.session!.set_expiry(0)
        return new HttpResponse()
      })
      expect(set_cookie_header(response)).not.toContain('Max-Age')
      request = request_with()
      response = through(request, (r) => {
        r.session!.set_expiry(60)
        return new HttpResponse()
      })
      expect(set_cookie_header(response)).toContain('expires=Tue, 14 Nov 2023 22:14:20 GMT; HttpOnly; Max-Age=60;')
    }))

  it('the signed_cookies engine puts the data in the cookie', () =>
    run(() => {
      const request = request_with()
      const response = through(request, (r) => {
        r.session!.setitem('count', 1)
        return new HttpResponse()
      })
      expect(response.cookies.getitem('sessionid').value).toBe(
        'eyJjb3VudCI6MX0:1r31eq:' + request.session!.session_key!.split(':')[2],
      )
      expect(session_table().size).toBe(0)
    }, { SESSION_ENGINE: 'django.contrib.sessions.backends.signed_cookies' }))

  it('works with an async get_response', async () => {
    const settings = make_settings({}, BASE)
    const request = request_with()
    const middleware = with_settings(settings, () => new SessionMiddleware(async (r) => store(r)))
    const response = await with_settings(settings, () => middleware.__call__(request))
    expect(response.cookies.getitem('sessionid').value).toBe(request.session!.session_key)
  })
})
