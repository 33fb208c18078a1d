import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import { path } from '../urls/conf.ts'
import { get_script_prefix } from '../urls/base.ts'
import { ASGIHandler } from './asgi.ts'
import { fetch_handler, request_scope } from './fetch.ts'

const decoder = new TextDecoder()

register_import('fetch_tests.urls', {
  urlpatterns: [
    path('hello/', (request: HttpRequest) => new HttpResponse(`Hello ${request.GET.get('name') || 'World'}!`)),
    path('meta/', (request: HttpRequest) =>
      new HttpResponse(
        JSON.stringify({
          path: request.path,
          path_info: request.path_info,
          script_name: request.META.SCRIPT_NAME,
          query: request.META.QUERY_STRING,
          host: request.get_host(),
          secure: request.is_secure(),
          remote: request.META.REMOTE_ADDR ?? null,
          x: request.META.HTTP_X_THING ?? null,
          prefix: get_script_prefix(),
        }),
        { content_type: 'application/json' },
      ),
    ),
    path('café/', () => new HttpResponse('unicode path')),
    path('cookies/', () => {
      const response = new HttpResponse('two cookies', { reason: 'Custom Reason' })
      response.set_cookie('a', '1')
      response.set_cookie('b', '2', { httponly: true })
      return response
    }),
    path('echo/', (request: HttpRequest) => new HttpResponse(request.body, { content_type: 'application/octet-stream' })),
    path('size/', (request: HttpRequest) => new HttpResponse(String(request.body.length))),
    path('empty/', () => new HttpResponse('', { status: 204 })),
    path(
      'stream/',
      () =>
        new StreamingHttpResponse(
          (async function* () {
            yield 'a'
            yield 'b'
          })(),
        ),
    ),
  ],
})

const settings = make_settings({
  ROOT_URLCONF: 'fetch_tests.urls',
  ALLOWED_HOSTS: ['example.com', 'localhost'],
  DATA_UPLOAD_MAX_MEMORY_SIZE: null,
})
const run = (fn: () => Promise<void>) => () => with_settings(settings, fn)
const app = (options = {}) => fetch_handler(with_settings(settings, () => new ASGIHandler()), options)

describe('request_scope', () => {
  it('builds the ASGI scope an ASGI server would', () => {
    const scope = request_scope(
      new Request('https://example.com:8443/app/caf%C3%A9/x%2Fy?q=1&r=%E9', { headers: { 'X-Thing': 'v', Cookie: 'a=1' } }),
      { root_path: '/app', client: ['10.0.0.1', 5000] },
    )
    expect(scope.type).toBe('http')
    expect(scope.method).toBe('GET')
    expect(scope.scheme).toBe('https')
    expect(scope.path).toBe('/app/café/x/y')
    expect(decoder.decode(scope.raw_path!)).toBe('/app/caf%C3%A9/x%2Fy')
    expect(decoder.decode(scope.query_string as Uint8Array)).toBe('q=1&r=%E9')
    expect(scope.root_path).toBe('/app')
    expect(scope.server).toEqual(['example.com', 8443])
    expect(scope.client).toEqual(['10.0.0.1', 5000])
    const headers = scope.headers!.map(([k, v]) => [decoder.decode(k), decoder.decode(v)])
    expect(headers).toEqual([
      ['host', 'example.com:8443'],
      ['cookie', 'a=1'],
      ['x-thing', 'v'],
    ])
  })

  it('uses the default port of the scheme and no client by default', () => {
    const scope = request_scope(new Request('http://localhost/'))
    expect(scope.server).toEqual(['localhost', 80])
    expect(scope.client).toBeNull()
    expect(scope.root_path).toBe('')
  })
})

describe('fetch_handler', () => {
  it(
    'answers a Request with a Response',
    run(async () => {
      const response = await app()(new Request('http://example.com/hello/?name=Andrew'))
      expect(response).toBeInstanceOf(Response)
      expect(response.status).toBe(200)
      expect(response.statusText).toBe('OK')
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toBe('Hello Andrew!')
    }),
  )

  it(
    'mounts the site under root_path, which becomes the script prefix',
    run(async () => {
      const response = await app({ root_path: '/site', client: ['192.0.2.1', 1234] })(
        new Request('https://example.com/site/meta/?a=%20b', { headers: { 'X-Thing': 'yes' } }),
      )
      expect(await response.json()).toEqual({
        path: '/site/meta/',
        path_info: '/meta/',
        script_name: '/site',
        query: 'a=%20b',
        host: 'example.com',
        secure: true,
        remote: '192.0.2.1',
        x: 'yes',
        prefix: '/site/',
      })
    }),
  )

  it(
    'percent-decodes the path as UTF-8',
    run(async () => {
      const response = await app()(new Request('http://example.com/caf%C3%A9/'))
      expect(await response.text()).toBe('unicode path')
    }),
  )

  it(
    'keeps each Set-Cookie as its own header, and the reason phrase',
    run(async () => {
      const response = await app()(new Request('http://example.com/cookies/'))
      expect(response.statusText).toBe('Custom Reason')
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly; Path=/'])
    }),
  )

  it(
    'strips the body of HEAD responses, keeping the headers',
    run(async () => {
      const response = await app()(new Request('http://example.com/hello/', { method: 'HEAD' }))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.body).toBeNull()
      expect(await response.text()).toBe('')
    }),
  )

  it(
    'gives null-body statuses no body',
    run(async () => {
      const response = await app()(new Request('http://example.com/empty/'))
      expect(response.status).toBe(204)
      expect(await response.text()).toBe('')
    }),
  )

  it(
    'answers a 404 for an unknown path',
    run(async () => {
      const response = await app()(new Request('http://example.com/nowhere/'))
      expect(response.status).toBe(404)
      expect(response.statusText).toBe('Not Found')
    }),
  )

  it(
    'buffers a streaming response',
    run(async () => {
      const response = await app()(new Request('http://example.com/stream/'))
      expect(await response.text()).toBe('ab')
    }),
  )

  it(
    'delivers a 1 MiB body split across many receive() chunks intact',
    run(async () => {
      const body = new Uint8Array(1024 * 1024).map((_, i) => (i * 31 + (i >> 8)) & 0xff)
      let pulls = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const start = pulls * 10_000
          if (start >= body.length) return controller.close()
          controller.enqueue(body.slice(start, start + 10_000))
          pulls++
        },
      })
      const request = new Request('http://example.com/echo/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
      const response = await app()(request)
      expect(pulls).toBe(105)
      const echoed = new Uint8Array(await response.arrayBuffer())
      expect(echoed.length).toBe(body.length)
      // Byte by byte, without a deep-equality diff over a million elements.
      expect(echoed.findIndex((b, i) => b !== body[i])).toBe(-1)
    }),
  )

  it(
    'answers Response.error() when the client went away before the body was read',
    run(async () => {
      const controller = new AbortController()
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(10))
        },
        pull(c) {
          c.error(new Error('connection reset'))
        },
      })
      const request = new Request('http://example.com/size/', {
        method: 'POST',
        body: stream,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit)
      const response = await app()(request)
      expect(response.type).toBe('error')
    }),
  )
})
