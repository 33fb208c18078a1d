/**
 * Parity with Django's handler tests: the exception funnel, error views, signals, middleware
 * hooks and their order, and sync versus async views.
 */
// django: tests/handlers/tests.py, tests/middleware_exceptions/tests.py
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { MiddlewareMixin } from '../core/deprecation.ts'
import {
  BadRequest,
  ImproperlyConfigured,
  MiddlewareNotUsed,
  PermissionDenied,
  RuntimeError,
  SuspiciousOperation,
  ValueError,
} from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { request_finished, request_started } from '../core/signals.ts'
import { Database, set_database } from '../db/connection.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponse } from '../http/response.ts'
import { Http404 } from '../http/response-subclasses.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import { AsyncClient } from '../testing/async-client.ts'
import { Client } from '../testing/client.ts'
import { path } from '../urls/conf.ts'

const log: string[] = []
const text = (r: HttpResponseBase) => new TextDecoder().decode((r as HttpResponse).content)

register_import('handlers.urls', {
  urlpatterns: [
    path('regular/', () => new HttpResponse('regular content')),
    path('no_response_fbv/', () => null as unknown as HttpResponse),
    path('suspicious/', () => {
      throw new SuspiciousOperation('dubious')
    }),
    path('bad_request/', () => {
      throw new BadRequest('bad')
    }),
    path('denied/', () => {
      throw new PermissionDenied()
    }),
    path('missing/', () => {
      throw new Http404('gone')
    }),
    path('error/', () => {
      throw new ValueError('boom')
    }),
    path('streaming/', () => new StreamingHttpResponse(['streaming', ' ', 'content'])),
    path('async_regular/', async () => new HttpResponse('async content')),
    path('view/', () => {
      log.push('view')
      return new HttpResponse('view')
    }),
  ],
})

function run<T>(fn: () => T, overrides: SettingsOverrides = {}): T {
  return with_settings(make_settings({ ROOT_URLCONF: 'handlers.urls', ALLOWED_HOSTS: ['testserver'], ...overrides }), fn)
}

beforeEach(() => {
  log.length = 0
  set_database(new Database())
})

describe('HandlerRequestTests', () => {
  it('test_suspiciousop_in_view_returns_400', () =>
    run(() => expect(new Client().get('/suspicious/').status_code).toBe(400)))

  it('test_bad_request_in_view_returns_400', () =>
    run(() => expect(new Client().get('/bad_request/').status_code).toBe(400)))

  it('PermissionDenied → 403 and Http404 → 404, with the default pages', () =>
    run(() => {
      const denied = new Client().get('/denied/')
      expect(denied.status_code).toBe(403)
      expect(text(denied)).toContain('<title>403 Forbidden</title>')
      const missing = new Client().get('/missing/')
      expect(missing.status_code).toBe(404)
      expect(text(missing)).toBe(
        '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
      )
    }))

  it('test_no_response', () =>
    run(() => {
      expect(() => new Client().get('/no_response_fbv/')).toThrow(
        new ValueError("The view <lambda> didn't return an HttpResponse object. It returned None instead."),
      )
    }))

  it('an uncaught error is a 500 page, or re-raised by the client', () =>
    run(() => {
      expect(() => new Client().get('/error/')).toThrow(new ValueError('boom'))
      const response = new Client({ raise_request_exception: false }).get('/error/')
      expect(response.status_code).toBe(500)
      expect(text(response)).toContain('<title>Server Error (500)</title>')
      expect(response.exc_info![1]).toEqual(new ValueError('boom'))
    }))

  it('DEBUG shows the technical 404 with the patterns tried, and the technical 500', () =>
    run(
      () => {
        const missing = new Client().get('/nowhere/')
        expect(missing.status_code).toBe(404)
        expect(text(missing)).toContain('regular/')
        expect(text(missing)).toContain('The path <code>nowhere/</code> matched none of these.')
        const error = new Client({ raise_request_exception: false }).get('/error/', null, { HTTP_ACCEPT: 'text/html' })
        expect(error.status_code).toBe(500)
        expect(text(error)).toContain('ValueError')
        expect(text(error)).toContain('boom')
        const plain = new Client({ raise_request_exception: false }).get('/error/', null, { HTTP_ACCEPT: 'application/json' })
        expect(plain.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
        expect(text(plain)).toMatch(/^ValueError at \/error\/\nboom\n/)
      },
      { DEBUG: true },
    ))

  it('DEBUG_PROPAGATE_EXCEPTIONS re-raises instead of answering 500', () =>
    run(() => expect(() => new Client({ raise_request_exception: false }).get('/error/')).toThrow(ValueError), {
      DEBUG_PROPAGATE_EXCEPTIONS: true,
    }))

  it('a URLconf handler404 answers instead of the default', () => {
    register_import('handlers.urls_404', {
      urlpatterns: [],
      handler404: (_r: HttpRequest, e: unknown) => new HttpResponse(`custom ${(e as Error).name}`, { status: 404 }),
    })
    run(() => expect(text(new Client().get('/x/'))).toBe('custom Resolver404'), { ROOT_URLCONF: 'handlers.urls_404' })
  })
})

describe('SignalsTests', () => {
  const events: unknown[] = []
  const started = ({ sender }: SignalKwargs) => events.push(['started', (sender as { name: string }).name])
  const finished = () => events.push('finished')

  it('test_request_signals', () =>
    run(() => {
      events.length = 0
      request_started.connect(started)
      request_finished.connect(finished)
      try {
        const response = new Client().get('/regular/')
        expect(events).toEqual([['started', 'ClientHandler'], 'finished'])
        expect(text(response)).toBe('regular content')
      } finally {
        request_started.disconnect(started)
        request_finished.disconnect(finished)
      }
    }))

  it('test_request_signals_streaming_response', () =>
    run(() => {
      events.length = 0
      request_finished.connect(finished)
      try {
        const response = new Client().get('/streaming/') as unknown as StreamingHttpResponse
        expect(events).toEqual([])
        expect([...(response.streaming_content as Iterable<Uint8Array>)].map((b) => new TextDecoder().decode(b as Uint8Array)).join('')).toBe(
          'streaming content',
        )
        expect(events).toEqual(['finished'])
      } finally {
        request_finished.disconnect(finished)
      }
    }))
})

describe('AsyncHandlerRequestTests', () => {
  it('test_async_view (AsyncClient)', async () => {
    const settings = make_settings({ ROOT_URLCONF: 'handlers.urls', ALLOWED_HOSTS: ['testserver'] })
    const response = await with_settings(settings, () => new AsyncClient().get('/async_regular/'))
    expect(text(response)).toBe('async content')
  })

  it('test_sync_view under AsyncClient', async () => {
    const settings = make_settings({ ROOT_URLCONF: 'handlers.urls', ALLOWED_HOSTS: ['testserver'] })
    const response = await with_settings(settings, () => new AsyncClient().get('/regular/'))
    expect(text(response)).toBe('regular content')
  })

  it('a sync Client meeting an async view points to AsyncClient', () =>
    run(() => {
      expect(() => new Client().get('/async_regular/')).toThrow(RuntimeError)
      expect(() => new Client().get('/async_regular/')).toThrow(/Use AsyncClient/)
    }))
})

// Middleware whose hooks record the order they run in.
function recorder(name: string, hooks: { view?: boolean; exception?: (e: unknown) => HttpResponseBase | null } = {}) {
  return class extends MiddlewareMixin {
    override process_request(): null {
      log.push(`${name}.request`)
      return null
    }
    override process_response(_r: HttpRequest, response: HttpResponseBase): HttpResponseBase {
      log.push(`${name}.response`)
      return response
    }
    override process_view(): HttpResponseBase | null {
      log.push(`${name}.view`)
      return hooks.view ? new HttpResponse(`${name} short-circuit`) : null
    }
    override process_exception(_r: HttpRequest, e: unknown): HttpResponseBase | null {
      log.push(`${name}.exception`)
      return hooks.exception ? hooks.exception(e) : null
    }
  }
}

describe('MiddlewareTests', () => {
  it('runs process_request and process_view in order, process_response and process_exception in reverse', () => {
    register_import('mw.A', recorder('A'))
    register_import('mw.B', recorder('B'))
    run(() => new Client().get('/view/'), { MIDDLEWARE: ['mw.A', 'mw.B'] })
    expect(log).toEqual(['A.request', 'B.request', 'A.view', 'B.view', 'view', 'B.response', 'A.response'])
  })

  it('test_process_view_return_response', () => {
    register_import('mw.short', recorder('S', { view: true }))
    const response = run(() => new Client().get('/view/'), { MIDDLEWARE: ['mw.short'] })
    expect(text(response)).toBe('S short-circuit')
    expect(log).not.toContain('view')
  })

  it('test_process_exception: innermost first, the first response wins', () => {
    register_import('mw.outer', recorder('O', { exception: () => new HttpResponse('outer handled') }))
    register_import('mw.inner', recorder('I'))
    const response = run(() => new Client().get('/error/'), { MIDDLEWARE: ['mw.outer', 'mw.inner'] })
    expect(text(response)).toBe('outer handled')
    expect(log.filter((e) => e.endsWith('.exception'))).toEqual(['I.exception', 'O.exception'])
  })

  it('test_middleware_not_used: MiddlewareNotUsed skips the layer', () => {
    register_import('mw.unused', () => {
      throw new MiddlewareNotUsed()
    })
    const response = run(() => new Client().get('/regular/'), { MIDDLEWARE: ['mw.unused'] })
    expect(text(response)).toBe('regular content')
  })

  it('test_middleware_returns_none: a factory returning None is refused', () => {
    register_import('mw.none', () => null)
    expect(() => run(() => new Client().get('/regular/'), { MIDDLEWARE: ['mw.none'] })).toThrow(
      new ImproperlyConfigured('Middleware factory mw.none returned None.'),
    )
  })

  it('function middleware: a factory returning a callable', () => {
    register_import('mw.fn', (get_response: (r: HttpRequest) => HttpResponseBase) => (request: HttpRequest) => {
      const response = get_response(request)
      response.headers.setitem('X-Fn', 'yes')
      return response
    })
    const response = run(() => new Client().get('/regular/'), { MIDDLEWARE: ['mw.fn'] })
    expect(response.headers.get('X-Fn')).toBe('yes')
  })

  it('an error inside a middleware becomes a response at that layer', () => {
    register_import('mw.raises', class extends MiddlewareMixin {
      override process_request(): null {
        throw new PermissionDenied()
      }
    })
    register_import('mw.A2', recorder('A'))
    const response = run(() => new Client().get('/regular/'), { MIDDLEWARE: ['mw.A2', 'mw.raises'] })
    expect(response.status_code).toBe(403)
    expect(log).toEqual(['A.request', 'A.response'])
  })
})
