/** Django's RequestFactoryTest, AsyncClientTest and AsyncRequestFactoryTest, and the factories' documented quirks. */
// django: tests/test_client/tests.py (RequestFactoryTest, AsyncClientTest, AsyncRequestFactoryTest)
import { beforeEach, describe, expect, it } from 'vitest'
import { User } from '../auth/models.ts'
import { with_settings } from '../conf/context.ts'
import { KeyError, RuntimeError } from '../core/exceptions.ts'
import { Database, set_database } from '../db/connection.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponseNotAllowed } from '../http/response-subclasses.ts'
import { HttpResponse } from '../http/response.ts'
import { AsyncClient } from '../testing/async-client.ts'
import { AsyncRequestFactory } from '../testing/async-request-factory.ts'
import { Client } from '../testing/client.ts'
import { RequestFactory } from '../testing/request-factory.ts'
import { assertContains, text } from './fixtures/test_client/assertions.ts'
import { site_settings, TEST_MIDDLEWARE } from './fixtures/test_client/urls.ts'
import { get_view, post_view, trace_view } from './fixtures/test_client/views.ts'

const settings = site_settings('test_client.urls')
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'] as const
type Factory = RequestFactory | AsyncRequestFactory
type Build = (path: string, data?: unknown, options?: object) => HttpRequest

const method_of = (factory: Factory, name: string): Build =>
  ((factory as unknown as Record<string, Build>)[name] as Build).bind(factory)

const run = (fn: () => void | Promise<void>, using = settings) => () => with_settings(using, fn)

beforeEach(() => set_database(new Database()))

const _generic_view = () => new HttpResponse('', { status: 200 })

describe('RequestFactoryTest', () => {
  const views: Record<(typeof METHODS)[number], (request: HttpRequest) => HttpResponse> = {
    get: get_view,
    post: post_view,
    put: _generic_view,
    patch: _generic_view,
    delete: _generic_view,
    head: _generic_view,
    options: _generic_view,
    trace: trace_view,
  }
  const request_factory = new RequestFactory()

  it('test_request_factory', run(() => {
    // The request factory implements every HTTP/1.1 method.
    for (const method of METHODS) {
      const request = method_of(request_factory, method)('/somewhere/')
      expect(request.method).toBe(method.toUpperCase())
      expect(views[method](request).status_code, method).toBe(200)
    }
  }))

  it('test_get_request_from_factory', run(() => {
    assertContains(get_view(request_factory.get('/somewhere/') as HttpRequest), 'This is a test')
  }))

  it('test_trace_request_from_factory', run(() => {
    const request = request_factory.trace('/somewhere/') as HttpRequest
    assertContains(trace_view(request), `TRACE /somewhere/ ${request.META.SERVER_PROTOCOL}`)
  }))

  it('test_request_factory_default_headers', run(() => {
    for (const headers of <Array<Record<string, string>>>[
      { authorization: 'Bearer faketoken', 'x-another-header': 'some other value' },
      { Authorization: 'Bearer faketoken', 'X-Another-Header': 'some other value' },
    ]) {
      const request = new RequestFactory({ headers }).get('/somewhere/') as HttpRequest
      expect(request.headers.getitem('authorization')).toBe('Bearer faketoken')
      expect(request.META).toHaveProperty('HTTP_AUTHORIZATION')
      expect(request.headers.getitem('x-another-header')).toBe('some other value')
      expect(request.META).toHaveProperty('HTTP_X_ANOTHER_HEADER')
    }
  }))

  it('test_request_factory_sets_headers', run(() => {
    const request = request_factory.get('/somewhere/', null, {
      headers: { authorization: 'Bearer faketoken', 'x-another-header': 'some other value' },
    }) as HttpRequest
    expect(request.headers.getitem('authorization')).toBe('Bearer faketoken')
    expect(request.META.HTTP_AUTHORIZATION).toBe('Bearer faketoken')
    expect(request.headers.getitem('x-another-header')).toBe('some other value')
    expect(request.META.HTTP_X_ANOTHER_HEADER).toBe('some other value')
  }))

  it('test_request_factory_query_params', run(() => {
    for (const method of METHODS) {
      const request = method_of(request_factory, method)('/somewhere', undefined, { query_params: { example: 'data', empty: [] } })
      expect(request.GET.getitem('example'), method).toBe('data')
      expect(request.GET.has('empty')).toBe(false)
    }
  }))

  it('test_cannot_use_data_and_query_params_together', run(() => {
    for (const method of ['get', 'head']) {
      expect(() => method_of(request_factory, method)('/somewhere', { example: 'data' }, { query_params: { q: 'terms' } })).toThrow(
        'query_params and data arguments are mutually exclusive.',
      )
    }
  }))

  it('QUIRK: a constructor query_params is overridden by the URL query (spec §1.3)', run(() => {
    expect((new RequestFactory({ query_params: { a: '1' } }).get('/x/') as HttpRequest).META.QUERY_STRING).toBe('')
    // PATH_INFO is the percent-decoded path as a latin-1 "native" string; QueryDict re-decodes the query.
    const request = request_factory.get('/caf%C3%A9/?q=é') as HttpRequest
    expect(request.META.PATH_INFO).toBe('/café/')
    expect(request.META.QUERY_STRING).toBe('q=Ã©')
    expect(request.GET.getitem('q')).toBe('é')
    expect(request.get_full_path()).toBe('/caf%C3%A9/?q=%C3%83%C2%A9')
  }))
})

describe('AsyncRequestFactoryTest', () => {
  const request_factory = new AsyncRequestFactory()

  it('test_request_factory', run(async () => {
    for (const method_name of METHODS) {
      const async_generic_view = async (request: HttpRequest) =>
        request.method!.toLowerCase() !== method_name ? new HttpResponseNotAllowed([method_name]) : new HttpResponse('', { status: 200 })
      const request = method_of(request_factory, method_name)('/somewhere/')
      expect((await async_generic_view(request)).status_code, method_name).toBe(200)
    }
  }))

  it('test_request_factory_data', run(async () => {
    const async_generic_view = async (request: HttpRequest) => new HttpResponse(request.body, { status: 200 })
    const request = request_factory.post('/somewhere/', { example: 'data' }, { content_type: 'application/json' }) as HttpRequest
    expect(request.headers.getitem('content-length')).toBe('19')
    expect(request.headers.getitem('content-type')).toBe('application/json')
    const response = await async_generic_view(request)
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('{"example": "data"}')
  }))

  it('test_request_factory_sets_headers', run(() => {
    const request = request_factory.get('/somewhere/', null, {
      AUTHORIZATION: 'Bearer faketoken',
      X_ANOTHER_HEADER: 'some other value',
    }) as HttpRequest
    expect(request.headers.getitem('authorization')).toBe('Bearer faketoken')
    expect(request.META).toHaveProperty('HTTP_AUTHORIZATION')
    expect(request.headers.getitem('x-another-header')).toBe('some other value')
    expect(request.META).toHaveProperty('HTTP_X_ANOTHER_HEADER')
  }))

  it('test_request_factory_query_string', run(() => {
    const request = request_factory.get('/somewhere/', { example: 'data' }) as HttpRequest
    expect(request.headers.has('Query-String')).toBe(false)
    expect(request.GET.getitem('example')).toBe('data')
  }))

  it('test_request_factory_query_params', run(() => {
    for (const method of METHODS) {
      const request = method_of(request_factory, method)('/somewhere', undefined, { query_params: { example: 'data', empty: [] } })
      expect(request.GET.getitem('example'), method).toBe('data')
      expect(request.GET.has('empty')).toBe(false)
    }
  }))

  it('test_cannot_use_data_and_query_params_together', run(() => {
    for (const method of ['get', 'head']) {
      expect(() => method_of(request_factory, method)('/somewhere', { example: 'data' }, { query_params: { q: 'terms' } })).toThrow(
        'query_params and data arguments are mutually exclusive.',
      )
    }
  }))

  it('QUIRK: constructor defaults are header names, query_params is honoured, SERVER_NAME is 127.0.0.1 (spec §1.9)', run(() => {
    const factory = new AsyncRequestFactory({ AUTHORIZATION: 'Bearer x', query_params: { a: '1' } })
    const request = factory.get('/x/') as HttpRequest
    expect(request.META.HTTP_AUTHORIZATION).toBe('Bearer x')
    expect(request.META.QUERY_STRING).toBe('a=1')
    expect(request.META.SERVER_NAME).toBe('127.0.0.1')
    expect(request.get_host()).toBe('testserver')
    // The cookie header is always sent, empty when the jar is.
    expect(request.META.HTTP_COOKIE).toBe('')
  }))
})

describe('AsyncClientTest', () => {
  it('test_response_resolver_match', run(async () => {
    const response = await new AsyncClient().get('/async_get_view/')
    expect(response.resolver_match.url_name).toBe('async_get_view')
    expect(text(response)).toBe('GET content.')
    expect(response.asgi_request.method).toBe('GET')
  }))

  it(
    'test_response_resolver_match_middleware_urlconf',
    run(async () => {
      const response = await new AsyncClient().get('/middleware_urlconf_view/')
      expect(response.resolver_match.url_name).toBe('middleware_urlconf_view')
    }, site_settings('test_client.urls', { MIDDLEWARE: ['test_client.tests.async_middleware_urlconf', ...TEST_MIDDLEWARE] })),
  )

  it('test_follow_redirect', run(async () => {
    const response = await new AsyncClient().get('/redirect_view/', { var: 'value' }, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.redirect_chain).toEqual([['/get_view/?var=value', 302]])
    expect(text(response)).toBe('This is a test. value is the value.')
  }))

  it('test_follow_double_redirect', run(async () => {
    const response = await new AsyncClient().get('/double_redirect_view/', null, { follow: true })
    expect(response.status_code).toBe(200)
    expect(response.redirect_chain).toEqual([
      ['/permanent_redirect_view/', 302],
      ['/get_view/', 301],
    ])
  }))

  it('QUIRK: following a 307/308 or a relative Location raises KeyError, as Django 5.2\'s AsyncClient does', run(async () => {
    // Django's _follow_redirect reads response.request["REQUEST_METHOD"] and ["PATH_INFO"], keys a
    // scope dict does not have.
    const client = new AsyncClient()
    for (const code of [307, 308]) {
      await expect(client.post(`/redirect_view_${code}/`, { value: 'test' }, { follow: true })).rejects.toThrow(
        new KeyError("'REQUEST_METHOD'"),
      )
    }
    await expect(client.get('/accounts/', null, { follow: true })).rejects.toThrow(new KeyError("'PATH_INFO'"))
  }))

  it('test_get_data', run(async () => {
    assertContains(await new AsyncClient().get('/get_view/', { var: 'val' }), 'This is a test. val is the value.')
  }))

  it('test_post_data', run(async () => {
    assertContains(await new AsyncClient().post('/post_view/', { value: 37 }), 'Data received: 37 is the value.')
  }))

  it('test_body_read_on_get_data', run(async () => {
    assertContains(await new AsyncClient().get('/post_view/'), 'Viewing GET page.')
  }))

  it('test_query_params', run(async () => {
    const client = new AsyncClient()
    for (const method of METHODS) {
      const send = (client as unknown as Record<string, (p: string, d: unknown, o: object) => Promise<{ asgi_request: HttpRequest }>>)[method]!
      const response = await send.call(client, '/async_get_view/', undefined, { query_params: { example: 'data' } })
      expect(response.asgi_request.GET.getitem('example'), method).toBe('data')
    }
  }))

  it('test_cannot_use_data_and_query_params_together', run(async () => {
    const client = new AsyncClient()
    await expect(client.get('/get_view/', { example: 'data' }, { query_params: { q: 'terms' } })).rejects.toThrow(
      'query_params and data arguments are mutually exclusive.',
    )
  }))

  it('test_alogin', run(async () => {
    await User.objects.acreate_user('testclient', null, 'password')
    const client = new AsyncClient()
    const anonymous = await client.get('/async_login_protected_view/')
    expect(anonymous.get('Location')).toBe('/accounts/login/?next=/async_login_protected_view/')
    expect(await client.alogin({ username: 'testclient', password: 'wrong' })).toBe(false)
    expect(await client.alogin({ username: 'testclient', password: 'password' })).toBe(true)
    const response = await client.get('/async_login_protected_view/')
    expect(text(response)).toBe('This is a login protected test. Username is testclient.')
  }))

  it('test_aforce_login', run(async () => {
    const user = await User.objects.acreate_user('testclient', null, 'password')
    const client = new AsyncClient()
    await client.aforce_login(user)
    expect(text(await client.get('/async_login_protected_view/'))).toBe('This is a login protected test. Username is testclient.')
    await client.alogout()
    expect((await client.get('/async_login_protected_view/')).status_code).toBe(302)
    // Logging out empties the whole jar.
    expect(client.cookies.keys()).toEqual([])
  }))

  it('test_asession', run(async () => {
    const client = new AsyncClient()
    await expect((async () => (await client.asession()).getitem('tobacconist'))()).rejects.toThrow(KeyError)
    await client.post('/async_session_view/')
    expect((await client.asession()).getitem('tobacconist')).toBe('hovercraft')
  }))

  it('test_exc_info', run(async () => {
    await expect(new AsyncClient().get('/async_broken_view/')).rejects.toThrow(KeyError)
    const response = await new AsyncClient({ raise_request_exception: false }).get('/async_broken_view/')
    expect(response.status_code).toBe(500)
    expect(response.exc_info![0]).toBe(KeyError)
    expect((response.exc_info![1] as Error).message).toBe("'Oops! Looks like you wrote some bad code.'")
  }))

  it('DEVIATION: a sync Client meeting an async view raises an error pointing to AsyncClient', run(() => {
    let caught: unknown
    try {
      new Client().get('/async_get_view/')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(RuntimeError)
    expect((caught as Error).message).toContain('Use AsyncClient')
  }))
})
