/** Django's ClientTest: the sync test Client against test_client's views (requests, redirects, exceptions). */
// django: tests/test_client/tests.py (ClientTest, CSRFEnabledClientTests, CustomTestClientTest)
// Skipped: what needs templates or forms (test_get_view's context, *form*, assertTemplateUsed), mail
// (test_mail_sending, test_mass_mail_sending), reverse_lazy (test_reverse_lazy_decodes), the file and
// no-app session engines (test_sessions_app_is_not_installed, test_view_with_login_when_sessions_app_is_not_installed),
// class-based views (test_response_resolver_match_class_based_view, *method* login views) and temp files
// on disk (test_uploading_named_temp_file). Login, sessions and CSRF are in test_client-auth.test.ts.
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { KeyError } from '../core/exceptions.ts'
import { Database, set_database } from '../db/connection.ts'
import type { HttpResponse } from '../http/response.ts'
import { Client } from '../testing/client.ts'
import { assertContains, assertRedirects, location, text } from './fixtures/test_client/assertions.ts'
import { site_settings, TEST_MIDDLEWARE } from './fixtures/test_client/urls.ts'
import { TwoArgException, type SecureResponse } from './fixtures/test_client/views.ts'

const settings = site_settings('test_client.urls')
const METHODS = ['get', 'post', 'head', 'options', 'put', 'patch', 'delete', 'trace'] as const
type Method = (typeof METHODS)[number]

/** Runs `fn` with the test's settings and a fresh Client as `self.client`. */
function run(fn: (client: Client) => void, using: Settings = settings): () => void {
  return () => with_settings(using, () => fn(new Client()))
}

function call(client: Client, method: Method, path: string, data: unknown, options: object = {}) {
  return (client[method] as (p: string, d: unknown, o: object) => ReturnType<Client['get']>).call(client, path, data, options)
}

beforeEach(() => set_database(new Database()))

describe('ClientTest', () => {
  it('test_query_string_encoding', run((client) => {
    // WSGI requires latin-1 encoded strings.
    const response = client.get('/get_view/?var=1\ufffd')
    expect(text(response)).toBe('This is a test. 1\ufffd is the value.')
  }))

  it('test_get_data_none', run((client) => {
    expect(() => client.get('/get_view/', { value: null } as never)).toThrow(
      new TypeError("Cannot encode None for key 'value' in a query string. Did you mean to pass an empty string or omit the value?"),
    )
  }))

  it('test_get_post_view', run((client) => {
    const response = client.get('/post_view/', {})
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('Viewing GET page.')
  }))

  it('test_empty_post', run((client) => {
    const response = client.post('/post_view/', {})
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('Viewing POST page.')
  }))

  it('test_post', run((client) => {
    assertContains(client.post('/post_view/', { value: 37 }), 'Data received: 37 is the value.')
  }))

  it('test_post_data_none', run((client) => {
    expect(() => client.post('/post_view/', { value: null })).toThrow(
      new TypeError("Cannot encode None for key 'value' as POST data. Did you mean to pass an empty string or omit the value?"),
    )
  }))

  it('test_json_serialization', run((client) => {
    const tests: Array<[unknown, unknown]> = [
      [{ value: 37 }, { value: 37 }],
      [[37, true], [37, true]],
    ]
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      for (const [data, expected] of tests) {
        const response = call(client, method, '/json_view/', data, { content_type: 'application/json' })
        expect(response.json()).toEqual({ page: `Viewing ${method.toUpperCase()} page.`, data: expected })
      }
    }
  }))

  it('test_json_encoder_argument', run(() => {
    const calls: unknown[] = []
    class MockEncoder {
      encode(o: unknown): string {
        calls.push(o)
        return '{"value": 37}'
      }
    }
    const client = new Client({ json_encoder: MockEncoder })
    // Vendored tree JSON content types are accepted.
    const response = client.post('/json_view/', { value: 37 }, { content_type: 'application/vnd.api+json' })
    expect(calls).toEqual([{ value: 37 }])
    expect(response.wsgi_request.body).toEqual(new TextEncoder().encode('{"value": 37}'))
  }))

  it('test_put', run((client) => {
    const response = client.put('/put_view/', { foo: 'bar' })
    expect(response.status_code).toBe(200)
    // A dict with a non-JSON content type is sent as Python's str() of it.
    expect(text(response)).toBe("Data received: {'foo': 'bar'} is the body.")
    expect(response.get('X-Content-Length')).toBe('14')
  }))

  it('test_trace', run((client) => {
    const response = client.trace('/trace_view/')
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('TRACE /trace_view/ HTTP/1.1')
  }))

  it('TRACE data is sent as the body (spec §1.6)', run((client) => {
    // TRACE's data binds to generic()'s body; the view refuses an entity.
    const response = client.trace('/trace_view/', 'entity')
    expect([response.status_code, text(response)]).toEqual([400, 'TRACE requests MUST NOT include an entity'])
  }))

  it('test_response_headers', run((client) => {
    expect(client.get('/header_view/').headers.getitem('X-DJANGO-TEST')).toBe('Slartibartfast')
  }))

  it('test_response_attached_request', run((client) => {
    const response = client.get('/header_view/')
    const environ = (response.wsgi_request as unknown as { environ: Record<string, unknown> }).environ
    expect(Object.keys(response.request).length).toBeGreaterThan(0)
    for (const [key, value] of Object.entries(response.request)) {
      expect(environ).toHaveProperty([key])
      expect(environ[key]).toBe(value)
    }
  }))

  it('test_response_resolver_match', run((client) => {
    expect(client.get('/header_view/').resolver_match).toBeTruthy()
  }))

  it('test_response_resolver_match_redirect_follow', run((client) => {
    expect(client.get('/redirect_view/', null, { follow: true }).resolver_match.url_name).toBe('get_view')
  }))

  it('test_response_resolver_match_regular_view', run((client) => {
    expect(client.get('/get_view/').resolver_match.url_name).toBe('get_view')
  }))

  it(
    'test_response_resolver_match_middleware_urlconf',
    run((client) => {
      const response = client.get('/middleware_urlconf_view/')
      expect(response.resolver_match.url_name).toBe('middleware_urlconf_view')
    }, site_settings('test_client.urls', { MIDDLEWARE: ['test_client.tests.middleware_urlconf', ...TEST_MIDDLEWARE] })),
  )

  it('test_raw_post', run((client) => {
    const test_doc = `<?xml version="1.0" encoding="utf-8"?>
        <library><book><title>Blink</title><author>Malcolm Gladwell</author></book>
        </library>
        `
    const response = client.post('/raw_post_view/', test_doc, { content_type: 'text/xml' })
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('Blink - Malcolm Gladwell')
  }))

  it('test_insecure', run((client) => {
    const response = client.get('/secure_view/', null, { secure: false }) as unknown as SecureResponse
    expect(response.test_was_secure_request).toBe(false)
    expect(response.test_server_port).toBe('80')
  }))

  it('test_secure', run((client) => {
    const response = client.get('/secure_view/', null, { secure: true }) as unknown as SecureResponse
    expect(response.test_was_secure_request).toBe(true)
    expect(response.test_server_port).toBe('443')
  }))

  it('test_redirect', run((client) => {
    assertRedirects(client.get('/redirect_view/'), '/get_view/')
  }))

  it('test_redirect_with_query', run((client) => {
    assertRedirects(client.get('/redirect_view/', { var: 'value' }), '/get_view/?var=value')
  }))

  it('test_redirect_with_query_ordering', run((client) => {
    const response = client.get('/redirect_view/', { var: 'value', foo: 'bar' })
    expect(location(response)).toBe('/get_view/?var=value&foo=bar')
    assertRedirects(response, '/get_view/?var=value&foo=bar')
    assertRedirects(response, '/get_view/?foo=bar&var=value')
  }))

  it('test_permanent_redirect', run((client) => {
    assertRedirects(client.get('/permanent_redirect_view/'), '/get_view/', { status_code: 301 })
  }))

  it('test_temporary_redirect', run((client) => {
    assertRedirects(client.get('/temporary_redirect_view/'), '/get_view/', { status_code: 302 })
  }))

  it('test_redirect_to_strange_location', run((client) => {
    assertRedirects(client.get('/double_redirect_view/'), '/permanent_redirect_view/', { target_status_code: 301 })
  }))

  it('test_follow_redirect', run((client) => {
    const response = client.get('/double_redirect_view/', null, { follow: true })
    assertRedirects(response, '/get_view/', { status_code: 302, target_status_code: 200 })
    expect(response.redirect_chain).toEqual([
      ['/permanent_redirect_view/', 302],
      ['/get_view/', 301],
    ])
  }))

  it('test_follow_relative_redirect', run((client) => {
    const response = client.get('/accounts/', null, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.request.PATH_INFO).toBe('/accounts/login/')
  }))

  it('test_follow_relative_redirect_no_trailing_slash', run((client) => {
    const response = client.get('/accounts/no_trailing_slash', null, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.request.PATH_INFO).toBe('/accounts/login/')
  }))

  it('test_redirect_to_querystring_only', run((client) => {
    const response = client.post('/post_then_get_view/', null, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.request.PATH_INFO).toBe('/post_then_get_view/')
    expect(text(response)).toBe('The value of success is true.')
  }))

  it('test_follow_307_and_308_redirect', run((client) => {
    for (const method of METHODS) {
      for (const code of [307, 308]) {
        const response = call(client, method, `/redirect_view_${code}/`, { value: 'test' }, { follow: true })
        expect(response.status_code, `${method} ${code}`).toBe(200)
        expect(response.request.PATH_INFO).toBe('/post_view/')
        expect(response.request.REQUEST_METHOD).toBe(method.toUpperCase())
      }
    }
  }))

  it('test_follow_307_and_308_preserves_query_string', run((client) => {
    for (const method of ['post', 'options', 'put', 'patch', 'delete', 'trace'] as const) {
      for (const code of [307, 308]) {
        const response = call(client, method, `/redirect_view_${code}_query_string/`, { value: 'test' }, { follow: true })
        assertRedirects(response, '/post_view/?hello=world', { status_code: code })
        expect(response.request.QUERY_STRING).toBe('hello=world')
      }
    }
  }))

  it('test_follow_307_and_308_get_head_query_string', run((client) => {
    for (const method of ['get', 'head'] as const) {
      for (const code of [307, 308]) {
        const response = call(client, method, `/redirect_view_${code}_query_string/`, { value: 'test' }, { follow: true })
        assertRedirects(response, '/post_view/?hello=world', { status_code: code })
        // QUIRK: the original data wins over the Location's query string.
        expect(response.request.QUERY_STRING).toBe('value=test')
      }
    }
  }))

  it('test_follow_307_and_308_preserves_post_data', run((client) => {
    for (const code of [307, 308]) {
      assertContains(client.post(`/redirect_view_${code}/`, { value: 'test' }, { follow: true }), 'test is the value')
    }
  }))

  it('test_follow_307_and_308_preserves_put_body', run((client) => {
    for (const code of [307, 308]) {
      assertContains(client.put(`/redirect_view_${code}/?to=/put_view/`, 'a=b', { follow: true }), 'a=b is the body')
    }
  }))

  it('test_follow_307_and_308_preserves_get_params', run((client) => {
    for (const code of [307, 308]) {
      const response = client.get(`/redirect_view_${code}/`, { var: 30, to: '/get_view/' }, { follow: true })
      assertContains(response, '30 is the value')
    }
  }))

  it('test_redirect_http', run((client) => {
    const response = client.get('/http_redirect_view/', null, { follow: true }) as unknown as SecureResponse
    expect(response.test_was_secure_request).toBe(false)
  }))

  it('test_redirect_https', run((client) => {
    const response = client.get('/https_redirect_view/', null, { follow: true }) as unknown as SecureResponse
    expect(response.test_was_secure_request).toBe(true)
  }))

  it('test_notfound_response', run((client) => {
    assertContains(client.get('/bad_view/'), 'MAGIC', { status_code: 404 })
  }))

  it('test_unknown_page', run((client) => {
    expect(client.get('/unknown_view/').status_code).toBe(404)
  }))

  it('test_url_parameters', run((client) => {
    // The ;-parameters stay in the path (it is a 404 all the same).
    expect(client.get('/unknown_view/;some-parameter').request.PATH_INFO).toBe('/unknown_view/;some-parameter')
  }))

  it('test_external_redirect', run((client) => {
    assertRedirects(client.get('/django_project_redirect/'), 'https://www.djangoproject.com/', {
      fetch_redirect_response: false,
    })
  }))

  it('test_external_redirect_without_trailing_slash', run((client) => {
    // _handle_redirects() with an empty path requests '/'.
    const response = client.get('/no_trailing_slash_external_redirect/', null, { follow: true })
    assertRedirects(response, 'https://testserver')
    expect(response.request.PATH_INFO).toBe('/')
    expect(text(response)).toBe('Hello world')
  }))

  it('test_view_with_exception', run((client) => {
    expect(() => client.get('/broken_view/')).toThrow(KeyError)
  }))

  it('test_exc_info', run(() => {
    const client = new Client({ raise_request_exception: false })
    const response = client.get('/broken_view/')
    expect(response.status_code).toBe(500)
    const [exc_type, exc_value] = response.exc_info!
    expect(exc_type).toBe(KeyError)
    expect(exc_value).toBeInstanceOf(KeyError)
    expect((exc_value as Error).message).toBe("'Oops! Looks like you wrote some bad code.'")
  }))

  it('test_exc_info_none', run((client) => {
    expect(client.get('/get_view/').exc_info).toBeNull()
  }))

  it('test_relative_redirect', run((client) => {
    assertRedirects(client.get('/accounts/'), '/accounts/login/')
  }))

  it('test_relative_redirect_no_trailing_slash', run((client) => {
    assertRedirects(client.get('/accounts/no_trailing_slash'), '/accounts/login/')
  }))

  it('test_exception_following_nested_client_request', run((client) => {
    // A nested client request doesn't clobber the outer request's exception signal.
    expect(() => client.get('/nesting_exception_view/')).toThrow('exception message')
  }))

  it('test_response_raises_multi_arg_exception', run((client) => {
    let caught: unknown
    try {
      client.get('/two_arg_exception/')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(TwoArgException)
    expect((caught as TwoArgException).args).toEqual(['one', 'two'])
  }))

  it('test_uploading_temp_file', run((client) => {
    // An unnamed file-like object: the field name stands in for the filename.
    const temp_file = { name: null, read: () => new Uint8Array(0) }
    expect(text(client.post('/upload_view/', { temp_file }))).toBe('temp_file')
  }))

  it('test_query_params', run((client) => {
    for (const method of METHODS) {
      const response = call(client, method, '/get_view/', method === 'get' || method === 'head' ? null : '', {
        query_params: { example: 'data' },
      })
      expect(response.wsgi_request.GET.getitem('example'), method).toBe('data')
    }
  }))

  it('test_cannot_use_data_and_query_params_together', run((client) => {
    for (const method of ['get', 'head'] as const) {
      expect(() => client[method]('/get_view/', { example: 'data' }, { query_params: { q: 'terms' } })).toThrow(
        'query_params and data arguments are mutually exclusive.',
      )
    }
  }))
})

describe('CSRFEnabledClientTests', () => {
  it(
    'test_csrf_enabled_client',
    run((client) => {
      // The normal client allows the POST; the CSRF-enabled one rejects it.
      expect(client.post('/post_view/', {}).status_code).toBe(200)
      const csrf_client = new Client({ enforce_csrf_checks: true })
      const response = csrf_client.post('/post_view/', {}) as unknown as HttpResponse
      expect(response.status_code).toBe(403)
    }, site_settings('test_client.urls', { MIDDLEWARE: ['django.middleware.csrf.CsrfViewMiddleware'] })),
  )
})

class CustomTestClient extends Client {
  i_am_customized = 'Yes'
}

describe('CustomTestClientTest', () => {
  it('test_custom_test_client', () => {
    expect('i_am_customized' in new CustomTestClient()).toBe(true)
  })
})
