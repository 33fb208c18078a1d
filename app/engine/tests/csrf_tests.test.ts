/** Django 5.2's CSRF tests: token functions, CsrfViewMiddleware with cookies and with sessions. */
// django: tests/csrf_tests/tests.py (views from tests/csrf_tests/views.py)
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { decorator_from_middleware } from '../core/decorators.ts'
import { MiddlewareMixin } from '../core/deprecation.ts'
import { ImproperlyConfigured, OSError } from '../core/exceptions.ts'
import { csrf_exempt, csrf_protect, ensure_csrf_cookie, requires_csrf_token } from '../csrf/decorators.ts'
import { set_log_sink } from '../core/log.ts'
import { CsrfViewMiddleware, RejectRequest } from '../csrf/middleware.ts'
import { REASON_BAD_ORIGIN, REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE } from '../csrf/reasons.ts'
import {
  _check_token_format,
  _does_token_match,
  _mask_cipher_secret,
  _unmask_cipher_token,
  AssertionError,
  CSRF_ALLOWED_CHARS,
  CSRF_SECRET_LENGTH,
  CSRF_SESSION_KEY,
  CSRF_TOKEN_LENGTH,
  get_token,
  InvalidTokenFormat,
  rotate_token,
} from '../csrf/tokens.ts'
import { Database, set_database } from '../db/connection.ts'
import { HttpRequest } from '../http/request.ts'
import { UnreadablePostError } from '../http/request-exceptions.ts'
import type { HttpResponseBase, SetCookieOptions } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'
import type { QueryDict } from '../http/query-dict.ts'
import { SessionStore } from '../sessions/backends/db.ts'

// An unmasked CSRF cookie / secret, and two masked forms of it.
const TEST_SECRET = 'lcccccccX2kcccccccY2jcccccccssIC'
const MASKED_TEST_SECRET1 = '1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD'
const MASKED_TEST_SECRET2 = '2JgchWvM1tpxT2lfz9aydoXW9yT1DN3NdLiejYxOOlzzV4nhBbYqmqZYbAV3V5Bf'

// Django's test settings: 'testserver' is an allowed host.
function run<T>(overrides: SettingsOverrides, fn: () => T): T {
  return with_settings(make_settings({ ALLOWED_HOSTS: ['testserver'], ...overrides }), fn)
}

// assertLogs('django.security.csrf', 'WARNING'): what `fn` returned and the warnings it logged.
function with_logs<T>(fn: () => T): [T, string[]] {
  const messages: string[] = []
  const previous = set_log_sink((record) => {
    if (record.name === 'django.security.csrf' && record.levelname === 'WARNING') messages.push(record.message)
  })
  try {
    return [fn(), messages]
  } finally {
    set_log_sink(previous)
  }
}

function assertMaskedSecretCorrect(masked_secret: string, secret: string): void {
  expect(masked_secret.length).toBe(CSRF_TOKEN_LENGTH)
  expect(secret.length).toBe(CSRF_SECRET_LENGTH)
  expect([...masked_secret].every((ch) => CSRF_ALLOWED_CHARS.includes(ch))).toBe(true)
  expect(_unmask_cipher_token(masked_secret)).toBe(secret)
}

function assertContains(response: HttpResponseBase | null, text: string, status_code = 200): void {
  expect(response).not.toBeNull()
  expect(response!.status_code).toBe(status_code)
  expect((response as HttpResponse).text).toContain(text)
}

// --- tests/csrf_tests/views.py ---

/** Records every value given to set_cookie(). */
class TestingHttpResponse extends HttpResponse {
  _cookies_set: unknown[] = []
  override set_cookie(key: string, value: unknown = '', options: SetCookieOptions = {}): void {
    super.set_cookie(key, value, options)
    this._cookies_set.push(value)
  }
}

class _CsrfCookieRotator extends MiddlewareMixin {
  override process_response(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
    rotate_token(request)
    return response
  }
}

const csrf_rotating_token = decorator_from_middleware(_CsrfCookieRotator)

// rotate_token() runs in process_response between two CsrfViewMiddleware.process_response() calls.
const sandwiched_rotate_token_view = csrf_protect(
  csrf_rotating_token(ensure_csrf_cookie((_request: HttpRequest) => new TestingHttpResponse('OK'))),
)

function post_form_view(_request: HttpRequest): HttpResponse {
  return new HttpResponse(
    '\n<html><body><h1>\u00a1Unicode!<form method="post"><input type="text"></form></body></html>\n',
  )
}

const ensure_csrf_cookie_view = ensure_csrf_cookie((_request: HttpRequest) => new HttpResponse())

const ensured_and_protected_view = csrf_protect(
  ensure_csrf_cookie((_request: HttpRequest) => new TestingHttpResponse('OK')),
)

const protected_view = csrf_protect((_request: HttpRequest) => new HttpResponse('OK'))

// `{% csrf_token %}` rendered with the csrf context processor.
function token_view(request: HttpRequest): HttpResponse {
  return new HttpResponse(`<input type="hidden" name="csrfmiddlewaretoken" value="${get_token(request)}">`)
}

// The csrf context processor is lazy: nothing calls get_token().
function non_token_view_using_request_processor(_request: HttpRequest): HttpResponse {
  return new HttpResponse('')
}

// --- request classes ---

/** A session store that records what values set_cookie-like writes stored under any key. */
class TestingSessionStore extends SessionStore {
  _cookies_set: unknown[] = []
  override setitem(key: string, value: unknown): void {
    super.setitem(key, value)
    this._cookies_set.push(value)
  }
}

class TestingHttpRequest extends HttpRequest {
  _is_secure_override = false
  constructor() {
    super()
    this.session = new TestingSessionStore()
  }
  override is_secure(): boolean {
    return this._is_secure_override
  }
}

/** A request whose POST raises `post_error` when set. */
class PostErrorRequest extends TestingHttpRequest {
  post_error: Error | null = null
  protected override _get_post(): QueryDict {
    if (this.post_error !== null) throw this.post_error
    return super._get_post()
  }
}

describe('CsrfFunctionTests', () => {
  it('test_unmask_cipher_token', () => {
    const cases: Array<[string, string]> = [
      [TEST_SECRET, MASKED_TEST_SECRET1],
      [TEST_SECRET, MASKED_TEST_SECRET2],
      ['a'.repeat(32), 'vFioG3XOLyGyGsPRFyB9iYUs341ufzIEvFioG3XOLyGyGsPRFyB9iYUs341ufzIE'],
      ['a'.repeat(32), 'a'.repeat(64)],
      ['a'.repeat(32), 'b'.repeat(64)],
      ['b'.repeat(32), 'a'.repeat(32) + 'b'.repeat(32)],
      ['b'.repeat(32), 'b'.repeat(32) + 'c'.repeat(32)],
      ['c'.repeat(32), 'a'.repeat(32) + 'c'.repeat(32)],
    ]
    for (const [secret, masked_secret] of cases) expect(_unmask_cipher_token(masked_secret)).toBe(secret)
  })

  it('test_mask_cipher_secret', () => {
    for (const secret of ['a'.repeat(32), TEST_SECRET, 'da4SrUiHJYoJ0HYQ0vcgisoIuFOxx4ER']) {
      assertMaskedSecretCorrect(_mask_cipher_secret(secret), secret)
    }
  })

  it('test_get_token_csrf_cookie_set', () => {
    const request = new HttpRequest()
    request.META.CSRF_COOKIE = TEST_SECRET
    expect('CSRF_COOKIE_NEEDS_UPDATE' in request.META).toBe(false)
    const token = get_token(request)
    assertMaskedSecretCorrect(token, TEST_SECRET)
    // The existing cookie is kept.
    expect(request.META.CSRF_COOKIE).toBe(TEST_SECRET)
    expect(request.META.CSRF_COOKIE_NEEDS_UPDATE).toBe(true)
  })

  it('test_get_token_csrf_cookie_not_set', () => {
    const request = new HttpRequest()
    expect('CSRF_COOKIE' in request.META).toBe(false)
    expect('CSRF_COOKIE_NEEDS_UPDATE' in request.META).toBe(false)
    const token = get_token(request)
    assertMaskedSecretCorrect(token, request.META.CSRF_COOKIE!)
    expect(request.META.CSRF_COOKIE_NEEDS_UPDATE).toBe(true)
  })

  it('test_rotate_token', () => {
    const request = new HttpRequest()
    request.META.CSRF_COOKIE = TEST_SECRET
    expect('CSRF_COOKIE_NEEDS_UPDATE' in request.META).toBe(false)
    rotate_token(request)
    // The underlying secret changed.
    const cookie = request.META.CSRF_COOKIE!
    expect(cookie.length).toBe(CSRF_SECRET_LENGTH)
    expect(cookie).not.toBe(TEST_SECRET)
    expect(request.META.CSRF_COOKIE_NEEDS_UPDATE).toBe(true)
  })

  it('test_check_token_format_valid', () => {
    for (const token of [TEST_SECRET, MASKED_TEST_SECRET1, 'a'.repeat(64)]) {
      expect(_check_token_format(token)).toBeUndefined()
    }
  })

  it('test_check_token_format_invalid', () => {
    const cases: Array<[string, string]> = [
      ['*'.repeat(64), 'has invalid characters'],
      ['a'.repeat(16), 'has incorrect length'],
    ]
    for (const [token, expected_message] of cases) {
      expect(() => _check_token_format(token)).toThrow(InvalidTokenFormat)
      expect(() => _check_token_format(token)).toThrow(expected_message)
    }
  })

  it('test_does_token_match', () => {
    const cases: Array<[[string, string], boolean]> = [
      // Masked tokens match.
      [[MASKED_TEST_SECRET1, TEST_SECRET], true],
      [[MASKED_TEST_SECRET2, TEST_SECRET], true],
      [['a'.repeat(64), _unmask_cipher_token('a'.repeat(64))], true],
      // Unmasked tokens match.
      [[TEST_SECRET, TEST_SECRET], true],
      [['a'.repeat(32), 'a'.repeat(32)], true],
      // Incorrect tokens don't.
      [['a'.repeat(32), TEST_SECRET], false],
      [['a'.repeat(64), TEST_SECRET], false],
    ]
    for (const [[token, secret], expected] of cases) expect(_does_token_match(token, secret)).toBe(expected)
  })

  it('test_does_token_match_wrong_token_length', () => {
    expect(() => _does_token_match('a'.repeat(16), TEST_SECRET)).toThrow(AssertionError)
  })
})

/** How one test class stores and reads the secret (cookie or session). */
interface Variant {
  overrides: SettingsOverrides
  _set_csrf_cookie(req: HttpRequest, cookie: string): void
  /** The secret sent with the response, or false. */
  _read_csrf_cookie(req: HttpRequest, resp?: HttpResponseBase): string | false
  _get_cookies_set(req: HttpRequest, resp: HttpResponseBase): unknown[]
}

interface RequestArgs {
  method?: string
  cookie?: string
  post_token?: string
  meta_token?: string
  token_header?: string
  request_class?: new () => TestingHttpRequest
}

// CsrfViewMiddlewareTestMixin: the tests shared by the cookie and session classes.
function mixin_tests(v: Variant): {
  test: (name: string, fn: () => void, overrides?: SettingsOverrides) => void
  _get_request: (args?: RequestArgs) => TestingHttpRequest
  _get_POST_csrf_cookie_request: (args?: RequestArgs) => TestingHttpRequest
  _get_POST_request_with_token: (args?: RequestArgs) => TestingHttpRequest
  _check_token_present: (response: HttpResponseBase, csrf_secret?: string) => void
} {
  const _csrf_id_cookie = MASKED_TEST_SECRET1
  const _csrf_id_token = MASKED_TEST_SECRET2

  const test = (name: string, fn: () => void, overrides: SettingsOverrides = {}) =>
    it(name, () => run({ ...v.overrides, ...overrides }, fn))

  const _get_request = ({ method = 'GET', cookie, request_class = TestingHttpRequest }: RequestArgs = {}) => {
    const req = new request_class()
    req.method = method
    if (cookie !== undefined) v._set_csrf_cookie(req, cookie)
    return req
  }

  const _get_csrf_cookie_request = (args: RequestArgs = {}) => {
    const { cookie = _csrf_id_cookie, token_header = 'HTTP_X_CSRFTOKEN', post_token, meta_token } = args
    const req = _get_request({ ...args, cookie })
    if (post_token !== undefined) req.POST.setitem('csrfmiddlewaretoken', post_token)
    if (meta_token !== undefined) req.META[token_header] = meta_token
    return req
  }

  const _get_POST_csrf_cookie_request = (args: RequestArgs = {}) =>
    _get_csrf_cookie_request({ ...args, method: 'POST' })

  const _get_POST_request_with_token = (args: RequestArgs = {}) =>
    _get_POST_csrf_cookie_request({ ...args, post_token: _csrf_id_token })

  const _check_token_present = (response: HttpResponseBase, csrf_secret = TEST_SECRET) => {
    const text = (response as HttpResponse).text
    const match = /name="csrfmiddlewaretoken" value="(.*?)"/.exec(text)
    expect(match, `Could not find a csrfmiddlewaretoken value in: ${text}`).not.toBeNull()
    assertMaskedSecretCorrect(match![1]!, csrf_secret)
  }

  test('test_process_response_get_token_not_used', () => {
    // Pages that never call get_token() stay cacheable: no cookie.
    const req = _get_request()
    const mw = new CsrfViewMiddleware(non_token_view_using_request_processor)
    mw.process_request(req)
    mw.process_view(req, non_token_view_using_request_processor, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    expect(v._read_csrf_cookie(req, resp)).toBe(false)
  })

  const _check_bad_or_missing_cookie = (cookie: string | undefined, expected: string) => {
    const req = _get_request({ method: 'POST', cookie })
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    const [resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(logs[0]).toBe(`Forbidden (${expected}): `)
  }

  test('test_no_csrf_cookie', () => {
    // No cookie means rejection: this stops login CSRF.
    _check_bad_or_missing_cookie(undefined, REASON_NO_CSRF_COOKIE)
  })

  const _check_bad_or_missing_token = (expected: string, args: RequestArgs = {}) => {
    const req = _get_POST_csrf_cookie_request(args)
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    const [resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(resp!.headers.getitem('Content-Type')).toBe('text/html; charset=utf-8')
    expect(logs[0]).toBe(`Forbidden (${expected}): `)
  }

  test('test_csrf_cookie_bad_or_missing_token', () => {
    const cases: Array<[string | undefined, string | undefined, string]> = [
      [undefined, undefined, REASON_CSRF_TOKEN_MISSING],
      ['a'.repeat(16), undefined, 'CSRF token from POST has incorrect length.'],
      ['*'.repeat(64), undefined, 'CSRF token from POST has invalid characters.'],
      ['a'.repeat(64), undefined, 'CSRF token from POST incorrect.'],
      [undefined, 'a'.repeat(16), "CSRF token from the 'X-Csrftoken' HTTP header has incorrect length."],
      [undefined, '*'.repeat(64), "CSRF token from the 'X-Csrftoken' HTTP header has invalid characters."],
      [undefined, 'a'.repeat(64), "CSRF token from the 'X-Csrftoken' HTTP header incorrect."],
    ]
    for (const [post_token, meta_token, expected] of cases) {
      _check_bad_or_missing_token(expected, { post_token, meta_token })
    }
  })

  test(
    'test_csrf_cookie_bad_token_custom_header',
    () => {
      const expected = "CSRF token from the 'X-Csrftoken-Customized' HTTP header has incorrect length."
      _check_bad_or_missing_token(expected, { meta_token: 'a'.repeat(16), token_header: 'HTTP_X_CSRFTOKEN_CUSTOMIZED' })
    },
    { CSRF_HEADER_NAME: 'HTTP_X_CSRFTOKEN_CUSTOMIZED' },
  )

  test('test_process_request_csrf_cookie_and_token', () => {
    const req = _get_POST_request_with_token()
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
  })

  test('test_process_request_csrf_cookie_no_token_exempt_view', () => {
    const req = _get_POST_csrf_cookie_request()
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    expect(mw.process_view(req, csrf_exempt(post_form_view), [], {})).toBeNull()
  })

  test('test_csrf_token_in_header', () => {
    const req = _get_POST_csrf_cookie_request({ meta_token: _csrf_id_token })
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
  })

  test(
    'test_csrf_token_in_header_with_customized_name',
    () => {
      const req = _get_POST_csrf_cookie_request({
        meta_token: _csrf_id_token,
        token_header: 'HTTP_X_CSRFTOKEN_CUSTOMIZED',
      })
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { CSRF_HEADER_NAME: 'HTTP_X_CSRFTOKEN_CUSTOMIZED' },
  )

  test('test_put_and_delete_rejected', () => {
    let req = _get_request({ method: 'PUT' })
    const mw = new CsrfViewMiddleware(post_form_view)
    let [resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(logs[0]).toBe(`Forbidden (${REASON_NO_CSRF_COOKIE}): `)

    req = _get_request({ method: 'DELETE' })
    ;[resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(logs[0]).toBe(`Forbidden (${REASON_NO_CSRF_COOKIE}): `)
  })

  test('test_put_and_delete_allowed', () => {
    let req = _get_csrf_cookie_request({ method: 'PUT', meta_token: _csrf_id_token })
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    expect(mw.process_view(req, post_form_view, [], {})).toBeNull()

    req = _get_csrf_cookie_request({ method: 'DELETE', meta_token: _csrf_id_token })
    mw.process_request(req)
    expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
  })

  test('test_rotate_token_triggers_second_reset', () => {
    const req = _get_POST_request_with_token()
    const resp = sandwiched_rotate_token_view(req) as HttpResponseBase
    assertContains(resp, 'OK')
    const actual_secret = v._read_csrf_cookie(req, resp)
    // set_cookie() ran a second time with another secret; the session variant has one earlier entry.
    const cookies_set = v._get_cookies_set(req, resp)
    expect(cookies_set.slice(-2)).toEqual([TEST_SECRET, actual_secret])
    expect(actual_secret).not.toBe(TEST_SECRET)
  })

  // The template tag's cases.
  test('test_token_node_no_csrf_cookie', () => {
    const req = _get_request()
    const resp = token_view(req)
    const token = get_token(req)
    expect(token).not.toBeNull()
    _check_token_present(resp, _unmask_cipher_token(token))
  })

  test('test_token_node_empty_csrf_cookie', () => {
    // An empty cookie gets a new token.
    const req = _get_request({ cookie: '' })
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_view(req, token_view, [], {})
    const resp = token_view(req)
    const token = get_token(req)
    expect(token).not.toBeNull()
    _check_token_present(resp, _unmask_cipher_token(token))
  })

  test('test_token_node_with_csrf_cookie', () => {
    const req = _get_csrf_cookie_request()
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_request(req)
    mw.process_view(req, token_view, [], {})
    _check_token_present(token_view(req))
  })

  test('test_get_token_for_exempt_view', () => {
    const req = _get_csrf_cookie_request()
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_request(req)
    mw.process_view(req, csrf_exempt(token_view), [], {})
    _check_token_present(token_view(req))
  })

  test('test_get_token_for_requires_csrf_token_view', () => {
    const req = _get_csrf_cookie_request()
    _check_token_present(requires_csrf_token(token_view)(req))
  })

  test('test_token_node_with_new_csrf_cookie', () => {
    // The middleware creates the cookie when there was none.
    const req = _get_request()
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_view(req, token_view, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    const csrf_cookie = v._read_csrf_cookie(req, resp)
    _check_token_present(resp, csrf_cookie as string)
  })

  test('test_cookie_not_reset_on_accepted_request', () => {
    // Tokens change on every request; the cookie must not change on an accepted one.
    const req = _get_POST_request_with_token()
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_request(req)
    mw.process_view(req, token_view, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    expect(v._read_csrf_cookie(req, resp), 'CSRF cookie was changed on an accepted request').toBe(TEST_SECRET)
  })

  test(
    'test_https_bad_referer',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_REFERER = 'https://www.evil.org/somepage'
      req.META.SERVER_PORT = '443'
      const mw = new CsrfViewMiddleware(post_form_view)
      const response = mw.process_view(req, post_form_view, [], {})
      assertContains(
        response,
        'Referer checking failed - https://www.evil.org/somepage does not match any trusted origins.',
        403,
      )
    },
    { DEBUG: true, ALLOWED_HOSTS: ['www.example.com'] },
  )

  const _check_referer_rejects = (mw: CsrfViewMiddleware, req: HttpRequest) => {
    expect(() => mw._check_referer(req)).toThrow(RejectRequest)
  }

  test(
    'test_https_no_referer',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      const mw = new CsrfViewMiddleware(post_form_view)
      _check_referer_rejects(mw, req)
      assertContains(mw.process_view(req, post_form_view, [], {}), 'Referer checking failed - no Referer.', 403)
    },
    { DEBUG: true },
  )

  test('test_https_malformed_host', () => {
    // A bad host over HTTPS gives a 403.
    const req = _get_request({ method: 'POST' })
    req._is_secure_override = true
    req.META.HTTP_HOST = '@malformed'
    req.META.HTTP_REFERER = 'https://www.evil.org/somepage'
    req.META.SERVER_PORT = '443'
    const mw = new CsrfViewMiddleware(token_view)
    const expected = 'Referer checking failed - https://www.evil.org/somepage does not match any trusted origins.'
    expect(() => mw._check_referer(req)).toThrow(RejectRequest)
    expect(() => mw._check_referer(req)).toThrow(expected)
    expect(mw.process_view(req, token_view, [], {})!.status_code).toBe(403)
  })

  test('test_origin_malformed_host', () => {
    const req = _get_request({ method: 'POST' })
    req._is_secure_override = true
    req.META.HTTP_HOST = '@malformed'
    req.META.HTTP_ORIGIN = 'https://www.evil.org'
    const mw = new CsrfViewMiddleware(token_view)
    _check_referer_rejects(mw, req)
    expect(mw.process_view(req, token_view, [], {})!.status_code).toBe(403)
  })

  test(
    'test_https_malformed_referer',
    () => {
      const malformed_referer_msg = 'Referer checking failed - Referer is malformed.'
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_REFERER = 'http://http://www.example.com/'
      const mw = new CsrfViewMiddleware(post_form_view)
      _check_referer_rejects(mw, req)
      assertContains(
        mw.process_view(req, post_form_view, [], {}),
        'Referer checking failed - Referer is insecure while host is secure.',
        403,
      )
      // Empty, non-ASCII, no scheme (//example.com/), no netloc (https://), unparsable (https://[).
      for (const referer of ['', 'ØBöIß', '//example.com/', 'https://', 'https://[']) {
        req.META.HTTP_REFERER = referer
        _check_referer_rejects(mw, req)
        assertContains(mw.process_view(req, post_form_view, [], {}), malformed_referer_msg, 403)
      }
    },
    { DEBUG: true },
  )

  test(
    'test_https_good_referer',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_REFERER = 'https://www.example.com/somepage'
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_https_good_referer_2',
    () => {
      // No trailing slash on the referer (#15617).
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_REFERER = 'https://www.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_https_good_referer_malformed_host',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = '@malformed'
      req.META.HTTP_REFERER = 'https://dashboard.example.com/somepage'
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { CSRF_TRUSTED_ORIGINS: ['https://dashboard.example.com'] },
  )

  test(
    'test_https_csrf_trusted_origin_allowed',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_REFERER = 'https://dashboard.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'], CSRF_TRUSTED_ORIGINS: ['https://dashboard.example.com'] },
  )

  test(
    'test_https_csrf_wildcard_trusted_origin_allowed',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_REFERER = 'https://dashboard.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      mw.process_request(req)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'], CSRF_TRUSTED_ORIGINS: ['https://*.example.com'] },
  )

  test('test_ensures_csrf_cookie_no_logging', () => {
    // ensure_csrf_cookie() logs no warnings (#19436).
    const [, logs] = with_logs(() => ensure_csrf_cookie_view(_get_request()))
    expect(logs).toEqual([])
  })

  test('test_reading_post_data_raises_unreadable_post_error', () => {
    let req = _get_POST_request_with_token()
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    expect(mw.process_view(req, post_form_view, [], {})).toBeNull()

    const failing = _get_POST_request_with_token({ request_class: PostErrorRequest }) as PostErrorRequest
    failing.post_error = new UnreadablePostError('Error reading input data.')
    req = failing
    mw.process_request(req)
    const [resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(logs[0]).toBe(`Forbidden (${REASON_CSRF_TOKEN_MISSING}): `)
  })

  test('test_reading_post_data_raises_os_error', () => {
    // Other OSErrors are not the middleware's to handle.
    const mw = new CsrfViewMiddleware(post_form_view)
    const req = _get_POST_request_with_token({ request_class: PostErrorRequest }) as PostErrorRequest
    req.post_error = new OSError('Deleted directories/Missing permissions.')
    mw.process_request(req)
    expect(() => mw.process_view(req, post_form_view, [], {})).toThrow(OSError)
  })

  const check_bad_origin = (req: TestingHttpRequest) => {
    const mw = new CsrfViewMiddleware(post_form_view)
    _check_referer_rejects(mw, req)
    expect(mw._origin_verified(req)).toBe(false)
    const [response, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(response!.status_code).toBe(403)
    const msg = REASON_BAD_ORIGIN.replace('%s', req.META.HTTP_ORIGIN!)
    expect(logs[0]).toBe(`Forbidden (${msg}): `)
    return mw
  }

  test(
    'test_bad_origin_bad_domain',
    () => {
      const req = _get_POST_request_with_token()
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'https://www.evil.org'
      check_bad_origin(req)
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_bad_origin_null_origin',
    () => {
      const req = _get_POST_request_with_token()
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'null'
      check_bad_origin(req)
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_bad_origin_bad_protocol',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'http://example.com'
      check_bad_origin(req)
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_bad_origin_csrf_trusted_origin_bad_protocol',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'http://foo.example.com'
      const mw = check_bad_origin(req)
      expect(mw.allowed_origins_exact).toEqual(new Set(['http://no-match.com']))
      expect({ ...mw.allowed_origin_subdomains }).toEqual({
        https: ['.example.com'],
        http: ['.no-match.com', '.no-match-2.com'],
      })
    },
    {
      ALLOWED_HOSTS: ['www.example.com'],
      CSRF_TRUSTED_ORIGINS: [
        'http://no-match.com',
        'https://*.example.com',
        'http://*.no-match.com',
        'http://*.no-match-2.com',
      ],
    },
  )

  test(
    'test_bad_origin_cannot_be_parsed',
    () => {
      const req = _get_POST_request_with_token()
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'https://['
      check_bad_origin(req)
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_good_origin_insecure',
    () => {
      const req = _get_POST_request_with_token()
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'http://www.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      expect(mw._origin_verified(req)).toBe(true)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_good_origin_secure',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'https://www.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      expect(mw._origin_verified(req)).toBe(true)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
    },
    { ALLOWED_HOSTS: ['www.example.com'] },
  )

  test(
    'test_good_origin_csrf_trusted_origin_allowed',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'https://dashboard.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      expect(mw._origin_verified(req)).toBe(true)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
      expect(mw.allowed_origins_exact).toEqual(new Set(['https://dashboard.example.com']))
      expect({ ...mw.allowed_origin_subdomains }).toEqual({})
    },
    { ALLOWED_HOSTS: ['www.example.com'], CSRF_TRUSTED_ORIGINS: ['https://dashboard.example.com'] },
  )

  test(
    'test_good_origin_wildcard_csrf_trusted_origin_allowed',
    () => {
      const req = _get_POST_request_with_token()
      req._is_secure_override = true
      req.META.HTTP_HOST = 'www.example.com'
      req.META.HTTP_ORIGIN = 'https://foo.example.com'
      const mw = new CsrfViewMiddleware(post_form_view)
      expect(mw._origin_verified(req)).toBe(true)
      expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
      expect(mw.allowed_origins_exact).toEqual(new Set())
      expect({ ...mw.allowed_origin_subdomains }).toEqual({ https: ['.example.com'] })
    },
    { ALLOWED_HOSTS: ['www.example.com'], CSRF_TRUSTED_ORIGINS: ['https://*.example.com'] },
  )

  return { test, _get_request, _get_POST_csrf_cookie_request, _get_POST_request_with_token, _check_token_present }
}

// Shared by both classes, with a different cookie-domain setting each.
function _test_https_good_referer_behind_proxy(m: ReturnType<typeof mixin_tests>): void {
  const req = m._get_POST_request_with_token()
  req._is_secure_override = true
  Object.assign(req.META, {
    HTTP_HOST: '10.0.0.2',
    HTTP_REFERER: 'https://www.example.com/somepage',
    SERVER_PORT: '8080',
    HTTP_X_FORWARDED_HOST: 'www.example.com',
    HTTP_X_FORWARDED_PORT: '443',
  })
  const mw = new CsrfViewMiddleware(post_form_view)
  mw.process_request(req)
  expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
}

function _test_https_good_referer_matches_cookie_domain(m: ReturnType<typeof mixin_tests>): void {
  const req = m._get_POST_request_with_token()
  req._is_secure_override = true
  req.META.HTTP_REFERER = 'https://foo.example.com/'
  req.META.SERVER_PORT = '443'
  const mw = new CsrfViewMiddleware(post_form_view)
  mw.process_request(req)
  expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
}

function _test_https_good_referer_matches_cookie_domain_with_different_port(m: ReturnType<typeof mixin_tests>): void {
  const req = m._get_POST_request_with_token()
  req._is_secure_override = true
  req.META.HTTP_HOST = 'www.example.com'
  req.META.HTTP_REFERER = 'https://foo.example.com:4443/'
  req.META.SERVER_PORT = '4443'
  const mw = new CsrfViewMiddleware(post_form_view)
  mw.process_request(req)
  expect(mw.process_view(req, post_form_view, [], {})).toBeNull()
}

function _test_https_reject_insecure_referer(m: ReturnType<typeof mixin_tests>): void {
  const req = m._get_POST_request_with_token()
  req._is_secure_override = true
  req.META.HTTP_REFERER = 'http://example.com/'
  req.META.SERVER_PORT = '443'
  const mw = new CsrfViewMiddleware(post_form_view)
  expect(() => mw._check_referer(req)).toThrow(RejectRequest)
  assertContains(
    mw.process_view(req, post_form_view, [], {}),
    'Referer checking failed - Referer is insecure while host is secure.',
    403,
  )
}

beforeEach(() => {
  set_database(new Database())
})

describe('CsrfViewMiddlewareTests', () => {
  const m = mixin_tests({
    overrides: {},
    _set_csrf_cookie: (req, cookie) => void (req.COOKIES[req.settings.CSRF_COOKIE_NAME] = cookie),
    _read_csrf_cookie: (req, resp) => {
      const name = req.settings.CSRF_COOKIE_NAME
      return resp!.cookies.has(name) ? resp!.cookies.getitem(name).value! : false
    },
    _get_cookies_set: (_req, resp) => (resp as TestingHttpResponse)._cookies_set,
  })
  const { test } = m
  const read = (req: HttpRequest, resp: HttpResponseBase) => {
    const name = req.settings.CSRF_COOKIE_NAME
    return resp.cookies.has(name) ? resp.cookies.getitem(name).value! : false
  }

  test('test_ensures_csrf_cookie_no_middleware', () => {
    const req = m._get_request()
    const resp = ensure_csrf_cookie_view(req) as HttpResponseBase
    expect(read(req, resp)).toBeTruthy()
    expect(resp.get('Vary', '')).toContain('Cookie')
  })

  test('test_ensures_csrf_cookie_with_middleware', () => {
    const req = m._get_request()
    const mw = new CsrfViewMiddleware(ensure_csrf_cookie_view)
    mw.process_view(req, ensure_csrf_cookie_view, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    expect(read(req, resp)).toBeTruthy()
    expect(resp.get('Vary', '')).toContain('Cookie')
  })

  const cookie_settings = {
    CSRF_COOKIE_NAME: 'csrfcookie',
    CSRF_COOKIE_DOMAIN: '.example.com',
    CSRF_COOKIE_PATH: '/test/',
    CSRF_COOKIE_SECURE: true,
    CSRF_COOKIE_HTTPONLY: true,
  }

  for (const [name, MAX_AGE, expected] of [
    ['test_csrf_cookie_age', 123, 123],
    // No max age: a browser-session cookie.
    ['test_csrf_cookie_age_none', null, ''],
  ] as const) {
    test(name, () => {
      const req = m._get_request()
      run({ ...cookie_settings, CSRF_COOKIE_AGE: MAX_AGE as number }, () => {
        // token_view calls get_token().
        const mw = new CsrfViewMiddleware(token_view)
        mw.process_view(req, token_view, [], {})
        const resp = mw.__call__(req) as HttpResponseBase
        expect(resp.cookies.getitem('csrfcookie').getitem('max-age')).toBe(expected)
      })
    })
  }

  test('test_csrf_cookie_samesite', () => {
    const req = m._get_request()
    run({ CSRF_COOKIE_NAME: 'csrfcookie', CSRF_COOKIE_SAMESITE: 'Strict' }, () => {
      const mw = new CsrfViewMiddleware(token_view)
      mw.process_view(req, token_view, [], {})
      const resp = mw.__call__(req) as HttpResponseBase
      expect(resp.cookies.getitem('csrfcookie').getitem('samesite')).toBe('Strict')
    })
  })

  const check_bad_cookie = (cookie: string, expected: string) => {
    const req = m._get_request({ method: 'POST', cookie })
    const mw = new CsrfViewMiddleware(post_form_view)
    mw.process_request(req)
    const [resp, logs] = with_logs(() => mw.process_view(req, post_form_view, [], {}))
    expect(resp!.status_code).toBe(403)
    expect(logs[0]).toBe(`Forbidden (${expected}): `)
  }

  test('test_bad_csrf_cookie_characters', () => {
    check_bad_cookie('*'.repeat(64), 'CSRF cookie has invalid characters.')
  })

  test('test_bad_csrf_cookie_length', () => {
    check_bad_cookie('a'.repeat(16), 'CSRF cookie has incorrect length.')
  })

  test('test_process_view_token_too_long', () => {
    // A too-long cookie is ignored and replaced.
    const req = m._get_request({ cookie: 'x'.repeat(100000) })
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_view(req, token_view, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    expect((read(req, resp) as string).length).toBe(CSRF_SECRET_LENGTH)
  })

  test('test_process_view_token_invalid_chars', () => {
    const token = ('!@#' + MASKED_TEST_SECRET2).slice(0, CSRF_TOKEN_LENGTH)
    const req = m._get_request({ cookie: token })
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_view(req, token_view, [], {})
    const resp = mw.__call__(req) as HttpResponseBase
    const csrf_cookie = read(req, resp) as string
    expect(csrf_cookie.length).toBe(CSRF_SECRET_LENGTH)
    expect(csrf_cookie).not.toBe(token)
  })

  test('test_masked_unmasked_combinations', () => {
    // Masked or unmasked cookie, masked or unmasked token, in POST or the header: all accepted.
    const cases: Array<[string, string | undefined, string | undefined]> = [
      [TEST_SECRET, TEST_SECRET, undefined],
      [TEST_SECRET, MASKED_TEST_SECRET2, undefined],
      [TEST_SECRET, undefined, TEST_SECRET],
      [TEST_SECRET, undefined, MASKED_TEST_SECRET2],
      [MASKED_TEST_SECRET1, TEST_SECRET, undefined],
      [MASKED_TEST_SECRET1, MASKED_TEST_SECRET2, undefined],
      [MASKED_TEST_SECRET1, undefined, TEST_SECRET],
      [MASKED_TEST_SECRET1, undefined, MASKED_TEST_SECRET2],
    ]
    for (const [cookie, post_token, meta_token] of cases) {
      const req = m._get_POST_csrf_cookie_request({ cookie, post_token, meta_token })
      const mw = new CsrfViewMiddleware(token_view)
      mw.process_request(req)
      expect(mw.process_view(req, token_view, [], {})).toBeNull()
    }
  })

  test('test_set_cookie_called_only_once', () => {
    // ensure_csrf_cookie inside csrf_protect sets the cookie once.
    const req = m._get_POST_request_with_token()
    const resp = ensured_and_protected_view(req) as TestingHttpResponse
    assertContains(resp, 'OK')
    expect(read(req, resp)).toBe(TEST_SECRET)
    expect(resp._cookies_set).toEqual([TEST_SECRET])
  })

  test('test_invalid_cookie_replaced_on_GET', () => {
    const req = m._get_request({ cookie: 'badvalue' })
    const resp = protected_view(req) as HttpResponseBase
    assertContains(resp, 'OK')
    const csrf_cookie = read(req, resp)
    expect(csrf_cookie, 'No CSRF cookie was sent.').toBeTruthy()
    expect((csrf_cookie as string).length).toBe(CSRF_SECRET_LENGTH)
  })

  test('test_valid_secret_not_replaced_on_GET', () => {
    for (const cookie of [TEST_SECRET, MASKED_TEST_SECRET1]) {
      const req = m._get_request({ cookie })
      const resp = protected_view(req) as HttpResponseBase
      assertContains(resp, 'OK')
      expect(read(req, resp), 'A CSRF cookie was sent.').toBe(false)
    }
  })

  test('test_masked_secret_accepted_and_replaced', () => {
    // A view using the token replaces a masked cookie with the bare secret.
    const req = m._get_POST_request_with_token({ cookie: MASKED_TEST_SECRET1 })
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_request(req)
    expect(mw.process_view(req, token_view, [], {})).toBeNull()
    const resp = mw.__call__(req) as HttpResponseBase
    const csrf_cookie = read(req, resp)
    expect(csrf_cookie).toBe(TEST_SECRET)
    m._check_token_present(resp, csrf_cookie as string)
  })

  test('test_bare_secret_accepted_and_not_replaced', () => {
    const req = m._get_POST_request_with_token({ cookie: TEST_SECRET })
    const mw = new CsrfViewMiddleware(token_view)
    mw.process_request(req)
    expect(mw.process_view(req, token_view, [], {})).toBeNull()
    const resp = mw.__call__(req) as HttpResponseBase
    const csrf_cookie = read(req, resp)
    expect(csrf_cookie).toBe(TEST_SECRET)
    m._check_token_present(resp, csrf_cookie as string)
  })

  test('test_https_good_referer_behind_proxy', () => _test_https_good_referer_behind_proxy(m), {
    ALLOWED_HOSTS: ['www.example.com'],
    CSRF_COOKIE_DOMAIN: '.example.com',
    USE_X_FORWARDED_PORT: true,
  })

  test('test_https_good_referer_matches_cookie_domain', () => _test_https_good_referer_matches_cookie_domain(m), {
    ALLOWED_HOSTS: ['www.example.com'],
    CSRF_COOKIE_DOMAIN: '.example.com',
  })

  test(
    'test_https_good_referer_matches_cookie_domain_with_different_port',
    () => _test_https_good_referer_matches_cookie_domain_with_different_port(m),
    { ALLOWED_HOSTS: ['www.example.com'], CSRF_COOKIE_DOMAIN: '.example.com' },
  )

  test('test_https_reject_insecure_referer', () => _test_https_reject_insecure_referer(m), {
    CSRF_COOKIE_DOMAIN: '.example.com',
    DEBUG: true,
  })
})

describe('CsrfViewMiddlewareUseSessionsTests', () => {
  const session_of = (req: HttpRequest) => req.session as TestingSessionStore
  const _read_csrf_cookie = (req: HttpRequest) =>
    session_of(req).has(CSRF_SESSION_KEY) ? (session_of(req).getitem(CSRF_SESSION_KEY) as string) : false
  const m = mixin_tests({
    overrides: { CSRF_USE_SESSIONS: true, CSRF_COOKIE_DOMAIN: null },
    _set_csrf_cookie: (req, cookie) => session_of(req).setitem(CSRF_SESSION_KEY, cookie),
    _read_csrf_cookie,
    _get_cookies_set: (req) => session_of(req)._cookies_set,
  })
  const { test } = m

  test('test_no_session_on_request', () => {
    const msg =
      'CSRF_USE_SESSIONS is enabled, but request.session is not set. ' +
      'SessionMiddleware must appear before CsrfViewMiddleware in MIDDLEWARE.'
    const mw = new CsrfViewMiddleware(() => new HttpResponse())
    expect(() => mw.process_request(new HttpRequest())).toThrow(ImproperlyConfigured)
    expect(() => mw.process_request(new HttpRequest())).toThrow(msg)
  })

  test('test_masked_unmasked_combinations', () => {
    // Bare secrets are not allowed as the stored value with CSRF_USE_SESSIONS.
    const cases: Array<[string, string | undefined, string | undefined]> = [
      [MASKED_TEST_SECRET1, TEST_SECRET, undefined],
      [MASKED_TEST_SECRET1, MASKED_TEST_SECRET2, undefined],
      [MASKED_TEST_SECRET1, undefined, TEST_SECRET],
      [MASKED_TEST_SECRET1, undefined, MASKED_TEST_SECRET2],
    ]
    for (const [cookie, post_token, meta_token] of cases) {
      const req = m._get_POST_csrf_cookie_request({ cookie, post_token, meta_token })
      const mw = new CsrfViewMiddleware(token_view)
      mw.process_request(req)
      expect(mw.process_view(req, token_view, [], {})).toBeNull()
    }
  })

  test('test_process_response_get_token_used', () => {
    // ensure_csrf_cookie() works without the middleware.
    const req = m._get_request()
    ensure_csrf_cookie_view(req)
    expect(_read_csrf_cookie(req)).toBeTruthy()
  })

  test('test_session_modify', () => {
    // The session is not saved when the secret did not change.
    const req = m._get_request()
    const mw = new CsrfViewMiddleware(ensure_csrf_cookie_view)
    mw.process_view(req, ensure_csrf_cookie_view, [], {})
    mw.__call__(req)
    expect(_read_csrf_cookie(req)).toBeTruthy()
    session_of(req).modified = false
    mw.process_view(req, ensure_csrf_cookie_view, [], {})
    mw.__call__(req)
    expect(session_of(req).modified).toBe(false)
  })

  test('test_ensures_csrf_cookie_with_middleware', () => {
    const req = m._get_request()
    const mw = new CsrfViewMiddleware(ensure_csrf_cookie_view)
    mw.process_view(req, ensure_csrf_cookie_view, [], {})
    mw.__call__(req)
    expect(_read_csrf_cookie(req)).toBeTruthy()
  })

  test('test_https_good_referer_behind_proxy', () => _test_https_good_referer_behind_proxy(m), {
    ALLOWED_HOSTS: ['www.example.com'],
    SESSION_COOKIE_DOMAIN: '.example.com',
    USE_X_FORWARDED_PORT: true,
    DEBUG: true,
  })

  test('test_https_good_referer_matches_cookie_domain', () => _test_https_good_referer_matches_cookie_domain(m), {
    ALLOWED_HOSTS: ['www.example.com'],
    SESSION_COOKIE_DOMAIN: '.example.com',
  })

  test(
    'test_https_good_referer_matches_cookie_domain_with_different_port',
    () => _test_https_good_referer_matches_cookie_domain_with_different_port(m),
    { ALLOWED_HOSTS: ['www.example.com'], SESSION_COOKIE_DOMAIN: '.example.com' },
  )

  test('test_https_reject_insecure_referer', () => _test_https_reject_insecure_referer(m), {
    SESSION_COOKIE_DOMAIN: '.example.com',
    DEBUG: true,
  })
})
