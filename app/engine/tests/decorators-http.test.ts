/** Django's require_http_methods tests: allowed methods pass, others get a 405 naming the allowed ones; sync and async views. */
// django: tests/decorators/test_http.py (RequireHttpMethodsTest, RequireSafeDecoratorTest)
// Skipped: ConditionDecoratorTest, ETagDecoratorTest, LastModifiedDecoratorTest (condition() is not ported).
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { iscoroutinefunction } from '../core/coroutines.ts'
import { set_log_sink, type LogRecord } from '../core/log.ts'
import { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponseNotAllowed } from '../http/response-subclasses.ts'
import { HttpResponse } from '../http/response.ts'
import { Client } from '../testing/client.ts'
import { AsyncClient } from '../testing/async-client.ts'
import { path } from '../urls/conf.ts'
import { register_import } from '../core/module-loading.ts'
import { require_GET, require_http_methods, require_POST, require_safe } from '../views/decorators/http.ts'

function request_with(method: string): HttpRequest {
  const request = new HttpRequest()
  request.method = method
  request.path = '/view/'
  return request
}

/** The response of `view` for each method: 'ok' for the view's own, the Allow header for a 405. */
async function answers(view: (request: HttpRequest) => HttpResponseBase | Promise<HttpResponseBase>, methods: string[]) {
  const out: Record<string, string> = {}
  for (const method of methods) {
    const response = await view(request_with(method))
    out[method] = response instanceof HttpResponseNotAllowed ? `405 ${response.get('Allow')}` : `${response.status_code}`
  }
  return out
}

describe('RequireHttpMethodsTest', () => {
  it('test_wrapped_sync_function_is_not_coroutine_function', () => {
    const sync_view = (_request: HttpRequest) => new HttpResponse()
    expect(iscoroutinefunction(require_http_methods(['GET'])(sync_view))).toBe(false)
  })

  it('test_wrapped_async_function_is_coroutine_function', () => {
    const async_view = async (_request: HttpRequest) => new HttpResponse()
    expect(iscoroutinefunction(require_http_methods(['GET'])(async_view))).toBe(true)
  })

  it('test_require_http_methods_methods', async () => {
    const my_view = require_http_methods(['GET', 'PUT'])((_request: HttpRequest) => new HttpResponse('OK'))
    expect(my_view(request_with('GET'))).toBeInstanceOf(HttpResponse)
    expect(my_view(request_with('HEAD'))).toBeInstanceOf(HttpResponseNotAllowed)
    expect(await answers(my_view, ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'])).toEqual({
      GET: '200',
      PUT: '200',
      HEAD: '405 GET, PUT',
      POST: '405 GET, PUT',
      DELETE: '405 GET, PUT',
    })
  })

  it('test_require_http_methods_methods_async_view', async () => {
    const my_view = require_http_methods(['GET', 'PUT'])(async (_request: HttpRequest) => new HttpResponse('OK'))
    // An async view stays async, also when it refuses.
    const refused = my_view(request_with('POST'))
    expect(refused).toBeInstanceOf(Promise)
    expect(await refused).toBeInstanceOf(HttpResponseNotAllowed)
    expect(await answers(my_view, ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'])).toEqual({
      GET: '200',
      PUT: '200',
      HEAD: '405 GET, PUT',
      POST: '405 GET, PUT',
      DELETE: '405 GET, PUT',
    })
  })

  it('logs a refusal on django.request, as log_response does', () => {
    // log_response: 'Method Not Allowed (POST): /view/' at WARNING on django.request.
    const records: LogRecord[] = []
    const previous = set_log_sink((record) => void records.push(record))
    try {
      require_GET((_request: HttpRequest) => new HttpResponse())(request_with('POST'))
    } finally {
      set_log_sink(previous)
    }
    expect(records.map((r) => [r.name, r.levelname, r.message, r.extra?.status_code])).toEqual([
      ['django.request', 'WARNING', 'Method Not Allowed (POST): /view/', 405],
    ])
  })

  it('require_GET and require_POST allow one method each', async () => {
    const view = (_request: HttpRequest) => new HttpResponse()
    expect(await answers(require_GET(view), ['GET', 'HEAD', 'POST'])).toEqual({ GET: '200', HEAD: '405 GET', POST: '405 GET' })
    expect(await answers(require_POST(view), ['GET', 'POST'])).toEqual({ GET: '405 POST', POST: '200' })
  })
})

// django: tests/decorators/tests.py (DecoratorsTest.test_attributes: the wrapper keeps the view's name)
describe('DecoratorsTest', () => {
  it('test_attributes', () => {
    function my_named_view(_request: HttpRequest) {
      return new HttpResponse()
    }
    expect(require_http_methods(['GET'])(my_named_view).name).toBe('my_named_view')
    expect(require_POST(my_named_view).name).toBe('my_named_view')
  })

})

describe('RequireSafeDecoratorTest', () => {
  const my_view = (_request: HttpRequest) => new HttpResponse('OK')

  it('test_require_safe_accepts_only_safe_methods', async () => {
    expect(await answers(require_safe(my_view), ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'])).toEqual({
      GET: '200',
      HEAD: '200',
      POST: '405 GET, HEAD',
      PUT: '405 GET, HEAD',
      DELETE: '405 GET, HEAD',
    })
  })

  it('test_require_safe_accepts_only_safe_methods_async_view', async () => {
    const async_view = require_safe(async (_request: HttpRequest) => new HttpResponse('OK'))
    expect(await answers(async_view, ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'])).toEqual({
      GET: '200',
      HEAD: '200',
      POST: '405 GET, HEAD',
      PUT: '405 GET, HEAD',
      DELETE: '405 GET, HEAD',
    })
  })
})

register_import('decorators_http_tests.urls', {
  urlpatterns: [
    path('safe/', require_safe(() => new HttpResponse('safe'))),
    path('async_post/', require_POST(async () => new HttpResponse('posted'))),
  ],
})

describe('require_http_methods through the handler', () => {
  const settings = make_settings({ ROOT_URLCONF: 'decorators_http_tests.urls', ALLOWED_HOSTS: ['testserver'] })

  it('a refused method is a 405 with Allow, HEAD of a safe view has no body', () =>
    with_settings(settings, () => {
      const client = new Client()
      const refused = client.post('/safe/') as unknown as HttpResponse
      expect(refused.status_code).toBe(405)
      expect(refused.get('Allow')).toBe('GET, HEAD')
      expect(refused.content).toEqual(new Uint8Array(0))
      const head = client.head('/safe/') as unknown as HttpResponse
      expect([head.status_code, head.content.length]).toEqual([200, 0])
    }))

  it('an async view behind require_POST runs under AsyncClient', () =>
    with_settings(settings, async () => {
      const client = new AsyncClient()
      const posted = (await client.post('/async_post/')) as unknown as HttpResponse
      expect([posted.status_code, posted.text]).toEqual([200, 'posted'])
      expect((await client.get('/async_post/')).get('Allow')).toBe('POST')
    }))
})
