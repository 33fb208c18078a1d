/** The CSRF view decorators on sync and async views. */
// django: tests/decorators/test_csrf.py
import { describe, expect, it } from 'vitest'
import { get_settings } from '../conf/context.ts'
import { iscoroutinefunction } from '../core/coroutines.ts'
import type { View } from '../core/decorators.ts'
import { set_log_sink } from '../core/log.ts'
import { csrf_exempt, csrf_protect, ensure_csrf_cookie, requires_csrf_token } from '../csrf/decorators.ts'
import { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'

const CSRF_TOKEN = '1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD'

function get_request(token: string | null = CSRF_TOKEN): HttpRequest {
  const request = new HttpRequest()
  request.method = 'POST'
  if (token) {
    request.POST.setitem('csrfmiddlewaretoken', token)
    request.COOKIES[get_settings().CSRF_COOKIE_NAME] = token
  }
  return request
}

// The warnings logged on django.security.csrf while `fn` runs (assertLogs / assertNoLogs).
async function csrf_warnings(fn: () => unknown): Promise<string[]> {
  const warnings: string[] = []
  const previous = set_log_sink((record) => {
    if (record.name === 'django.security.csrf' && record.levelname === 'WARNING') warnings.push(record.message)
  })
  try {
    await fn()
  } finally {
    set_log_sink(previous)
  }
  return warnings
}

const sync_view = (_request: HttpRequest) => new HttpResponse()
const async_view = async (_request: HttpRequest) => new HttpResponse()

type Decorator = <V extends View>(view: V) => V

function decorator_tests(decorator: Decorator, name: string, rejects: boolean): void {
  it('test_wrapped_sync_function_is_not_coroutine_function', () => {
    expect(iscoroutinefunction(decorator(sync_view))).toBe(false)
  })

  it('test_wrapped_async_function_is_coroutine_function', () => {
    expect(iscoroutinefunction(decorator(async_view))).toBe(true)
  })

  for (const [suffix, view] of [
    ['', sync_view],
    ['_async_view', async_view],
  ] as const) {
    it(`test_${name}_decorator${suffix}`, async () => {
      const wrapped = decorator(view as View)
      let request = get_request()
      let response = (await wrapped(request)) as HttpResponseBase
      expect(response.status_code).toBe(200)
      expect(request.csrf_processing_done).toBe(true)

      const warnings = await csrf_warnings(async () => {
        request = get_request(null)
        response = (await wrapped(request)) as HttpResponseBase
        expect(response.status_code).toBe(rejects ? 403 : 200)
      })
      expect(warnings.length > 0).toBe(rejects)
    })
  }
}

describe('CsrfProtectTests', () => decorator_tests(csrf_protect, 'csrf_protect', true))

describe('RequiresCsrfTokenTests', () => decorator_tests(requires_csrf_token, 'requires_csrf_token', false))

describe('EnsureCsrfCookieTests', () => decorator_tests(ensure_csrf_cookie, 'ensure_csrf_cookie', false))

describe('CsrfExemptTests', () => {
  it('test_wrapped_sync_function_is_not_coroutine_function', () => {
    expect(iscoroutinefunction(csrf_exempt(sync_view))).toBe(false)
  })

  it('test_wrapped_async_function_is_coroutine_function', () => {
    expect(iscoroutinefunction(csrf_exempt(async_view))).toBe(true)
  })

  it('test_csrf_exempt_decorator', () => {
    const view = csrf_exempt(sync_view)
    expect(view.csrf_exempt).toBe(true)
    expect(view(new HttpRequest())).toBeInstanceOf(HttpResponse)
    // A new wrapper: the view itself is left unmarked.
    expect((sync_view as { csrf_exempt?: boolean }).csrf_exempt).toBeUndefined()
  })

  it('test_csrf_exempt_decorator_async_view', async () => {
    const view = csrf_exempt(async_view)
    expect(view.csrf_exempt).toBe(true)
    expect(await view(new HttpRequest())).toBeInstanceOf(HttpResponse)
  })

  it('the mark survives csrf_protect around it (functools.wraps copies attributes)', () => {
    expect((csrf_protect(csrf_exempt(sync_view)) as { csrf_exempt?: boolean }).csrf_exempt).toBe(true)
  })
})
