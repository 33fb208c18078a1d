/** Parity with Django's CommonMiddlewareTest: APPEND_SLASH, PREPEND_WWW, user agents, Content-Length. */
// django: tests/middleware/tests.py (CommonMiddlewareTest)
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { PermissionDenied, RuntimeError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'
import { HttpResponseNotFound } from '../http/response-subclasses.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import { CommonMiddleware } from '../middleware/common.ts'
import { RequestFactory } from '../testing/request-factory.ts'
import { path, re_path } from '../urls/conf.ts'

const empty_view = () => new HttpResponse()
const opt_out = Object.assign(() => new HttpResponse(), { should_append_slash: false })

register_import('middleware.urls', {
  urlpatterns: [
    path('noslash', empty_view),
    path('slash/', empty_view),
    path('needsquoting#/', empty_view),
    // Accepts paths with two leading slashes.
    re_path('^(.+)/security/$', empty_view),
    path('sensitive_fbv/', opt_out),
    path('customurlconf/slash/', empty_view),
  ],
})

function run<T>(fn: () => T, overrides: SettingsOverrides = {}): T {
  return with_settings(make_settings({ ROOT_URLCONF: 'middleware.urls', ALLOWED_HOSTS: ['testserver'], ...overrides }), fn)
}

const rf = new RequestFactory()
const get = (url: string, options = {}) => rf.get(url, null, options) as HttpRequest
const get_response_empty = () => new HttpResponse()
const get_response_404 = () => new HttpResponseNotFound()
const common = (get_response: (r: HttpRequest) => HttpResponseBase) => new CommonMiddleware(get_response)
const call = (request: HttpRequest, get_response: (r: HttpRequest) => HttpResponseBase = get_response_404) =>
  common(get_response).__call__(request) as HttpResponseBase
const location = (r: HttpResponseBase) => r.headers.get('Location')

describe('CommonMiddlewareTest', () => {
  it('test_append_slash_have_slash', () =>
    run(() => {
      const request = get('/slash/')
      expect(common(get_response_404).process_request(request)).toBe(null)
      expect(call(request, get_response_empty).status_code).toBe(200)
    }))

  it('test_append_slash_slashless_resource', () =>
    run(() => {
      const request = get('/noslash')
      expect(common(get_response_404).process_request(request)).toBe(null)
      expect(call(request, () => new HttpResponse('Here\'s the text of the web page.')).status_code).toBe(200)
    }))

  it('test_append_slash_slashless_unknown', () =>
    run(() => {
      expect(call(get('/unknown')).status_code).toBe(404)
    }))

  it('test_append_slash_redirect', () =>
    run(() => {
      const response = call(get('/slash'))
      expect(response.status_code).toBe(301)
      expect(location(response)).toBe('/slash/')
    }))

  it('test_append_slash_redirect_querystring', () =>
    run(() => {
      const response = call(get('/slash?test=1'))
      expect(location(response)).toBe('/slash/?test=1')
    }))

  it('test_append_slash_redirect_querystring_have_slash', () =>
    run(() => {
      // A URL with a slash and a query string is not redirected again.
      const response = call(get('/slash/?test=slash/'))
      expect(response.status_code).toBe(404)
    }))

  it('test_append_slash_no_redirect_in_DEBUG', () =>
    run(
      () => {
        for (const method of ['post', 'put', 'patch'] as const) {
          const request = (rf[method] as (p: string, d: unknown) => HttpRequest).call(rf, '/slash', {})
          expect(() => call(request)).toThrow(RuntimeError)
          expect(() => call(request)).toThrow(
            `You called this URL via ${method.toUpperCase()}, but the URL doesn't end in a slash and you have APPEND_SLASH set. ` +
              `Django can't redirect to the slash URL while maintaining ${method.toUpperCase()} data. ` +
              'Change your form to point to testserver/slash/ (note the trailing slash), or set APPEND_SLASH=False in your Django settings.',
          )
        }
      },
      { DEBUG: true },
    ))

  it('test_append_slash_disabled', () =>
    run(() => expect(call(get('/slash')).status_code).toBe(404), { APPEND_SLASH: false }))

  it('test_append_slash_opt_out', () =>
    run(() => {
      // A view marked should_append_slash = false is never the target of the redirect.
      expect(call(get('/sensitive_fbv')).status_code).toBe(404)
    }))

  it('test_append_slash_quoted', () =>
    run(() => {
      const response = call(get('/needsquoting%23'))
      expect(location(response)).toBe('/needsquoting%23/')
    }))

  it('test_append_slash_leading_slashes', () =>
    run(() => {
      // Paths starting with two slashes are escaped so they can't be read as scheme-relative URLs.
      // Four slashes: RequestFactory takes the first two as a netloc.
      const request = get('////evil.com/security')
      expect(common(get_response_404).process_request(request)).toBe(null)
      const response = common(get_response_404).process_response(request, new HttpResponseNotFound())
      expect(response.status_code).toBe(301)
      expect(location(response)).toBe('/%2Fevil.com/security/')
    }))

  it('test_prepend_www', () =>
    run(
      () => {
        const response = call(get('/path/'))
        expect(response.status_code).toBe(301)
        expect(location(response)).toBe('http://www.testserver/path/')
      },
      { PREPEND_WWW: true },
    ))

  it('test_prepend_www_append_slash_have_slash', () =>
    run(
      () => {
        const response = call(get('/slash/'))
        expect(location(response)).toBe('http://www.testserver/slash/')
      },
      { PREPEND_WWW: true, APPEND_SLASH: true },
    ))

  it('test_prepend_www_append_slash_slashless', () =>
    run(
      () => {
        const response = call(get('/slash'))
        expect(location(response)).toBe('http://www.testserver/slash/')
      },
      { PREPEND_WWW: true, APPEND_SLASH: true },
    ))

  it('test_content_length_header_added', () =>
    run(() => {
      const response = call(get('/'), () => new HttpResponse('content'))
      expect(response.headers.get('Content-Length')).toBe('7')
    }))

  it('test_content_length_header_not_added_for_streaming_response', () =>
    run(() => {
      const response = call(get('/'), () => new StreamingHttpResponse(['content']))
      expect(response.has_header('Content-Length')).toBe(false)
    }))

  it('test_content_length_header_not_changed', () =>
    run(() => {
      const response = call(get('/'), () => {
        const r = new HttpResponse()
        r.headers.setitem('Content-Length', 'bogus content length')
        return r
      })
      expect(response.headers.get('Content-Length')).toBe('bogus content length')
    }))

  it('test_disallowed_user_agents', () =>
    run(
      () => {
        const request = get('/slash', { HTTP_USER_AGENT: 'foo' })
        expect(() => call(request)).toThrow(new PermissionDenied('Forbidden user agent'))
      },
      { DISALLOWED_USER_AGENTS: [/foo/] },
    ))
})
