// django: tests/asgi/tests.py (ASGITest), tests/handlers/tests.py (AsyncHandlerRequestTests, ASGI parts)
import { setTimeout } from 'node:timers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type Settings } from '../conf/settings.ts'
import { BytesIO } from '../core/bytes-io.ts'
import { BadRequest, RequestDataTooBig, SuspiciousOperation } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { request_finished, request_started } from '../core/signals.ts'
import { catch_warnings } from '../core/warnings.ts'
import { BytesFile, FileResponse } from '../http/file-response.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import '../middleware/common.ts'
import { clear_script_prefix, get_script_prefix } from '../urls/base.ts'
import { path } from '../urls/conf.ts'
import { AssertionError, ASGIHandler, ASGIRequest, get_asgi_application, type AsgiScope } from '../handlers/asgi.ts'
import type { AsgiBodyFile, AsgiReceiveMessage, AsgiSendMessage } from '../handlers/asgi-request.ts'

class TimeoutError extends Error {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const text = (body: Uint8Array | undefined) => new TextDecoder().decode(body)
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const headerSet = (message: AsgiSendMessage) => new Set(message.headers!.map(([k, v]) => `${text(k)}: ${text(v)}`))

/** asgiref's ApplicationCommunicator: feeds `receive()` and collects `send()` with timeouts. */
class ApplicationCommunicator {
  #input: AsgiReceiveMessage[] = []
  #inputWaiters: Array<(message: AsgiReceiveMessage) => void> = []
  #output: AsgiSendMessage[] = []
  #outputWaiters: Array<() => void> = []
  #error: unknown = undefined
  #done = false
  readonly future: Promise<void>

  constructor(application: ASGIHandler, scope: AsgiScope) {
    const receive = () =>
      new Promise<AsgiReceiveMessage>((resolve) => {
        const next = this.#input.shift()
        if (next) resolve(next)
        else this.#inputWaiters.push(resolve)
      })
    const send = async (message: AsgiSendMessage) => {
      this.#output.push(message)
      this.#outputWaiters.splice(0).forEach((wake) => wake())
    }
    this.future = application.__call__(scope, receive, send).then(
      () => {
        this.#done = true
        this.#outputWaiters.splice(0).forEach((wake) => wake())
      },
      (error: unknown) => {
        this.#done = true
        this.#error = error
        this.#outputWaiters.splice(0).forEach((wake) => wake())
      },
    )
  }

  async send_input(message: AsgiReceiveMessage): Promise<void> {
    const waiter = this.#inputWaiters.shift()
    if (waiter) waiter(message)
    else this.#input.push(message)
  }

  /** The next message sent; the application's error if it failed; TimeoutError when nothing comes. */
  async receive_output(timeout = 1): Promise<AsgiSendMessage> {
    const deadline = Date.now() + timeout * 1000
    for (;;) {
      const message = this.#output.shift()
      if (message) return message
      if (this.#done) {
        if (this.#error !== undefined) throw this.#error
        throw new TimeoutError('application finished without output')
      }
      const left = deadline - Date.now()
      if (left <= 0) throw new TimeoutError()
      await new Promise<void>((wake) => {
        this.#outputWaiters.push(wake)
        setTimeout(wake, left)
      })
    }
  }

  /** Waits for the application to finish, raising its error. */
  async wait(timeout = 1): Promise<void> {
    await Promise.race([this.future, sleep(timeout * 1000).then(() => Promise.reject(new TimeoutError()))])
    if (this.#error !== undefined) throw this.#error
  }
}

/** AsyncRequestFactory's `_base_scope()`. */
function base_scope(extra: Partial<AsgiScope> = {}): AsgiScope {
  return {
    asgi: { version: '3.0' },
    type: 'http',
    http_version: '1.1',
    client: ['127.0.0.1', 0],
    server: ['testserver', '80'],
    scheme: 'http',
    method: 'GET',
    headers: [],
    path: '/',
    ...extra,
  }
}

/** AsyncRequestFactory.request(**scope): an ASGIRequest over an empty body. */
function factory_request(extra: Partial<AsgiScope>): ASGIRequest {
  return new ASGIRequest(base_scope(extra), new BytesIO())
}

/** Records signal calls (SignalHandler in Django's test). */
function signal_handler() {
  const calls: Array<Record<string, unknown>> = []
  const receiver = ({ signal: _signal, ...kwargs }: Record<string, unknown>) => {
    calls.push(kwargs)
  }
  return { calls, receiver }
}

// tests/asgi/urls.py
const test_file_contents = new Uint8Array(100_000).map((_, i) => 97 + (i % 26))
const urls = {
  urlpatterns: [
    path('', (request: HttpRequest) => new HttpResponse(`Hello ${request.GET.get('name') || 'World'}!`)),
    path('cookie/', () => {
      const response = new HttpResponse('Hello World!')
      response.set_cookie('key', 'value')
      return response
    }),
    path('file/', () => new FileResponse(new BytesFile(test_file_contents, 'urls.py'))),
    path('meta/', (request: HttpRequest) => {
      const content_type = request.META.CONTENT_TYPE as string | undefined
      return new HttpResponse(`From ${request.META.HTTP_REFERER || ''}`, { content_type })
    }),
    path('post/', (request: HttpRequest) =>
      request.GET.get('echo') ? new HttpResponse(request.body) : new HttpResponse('', { status: 204 }),
    ),
    path('delayed_hello/', async (request: HttpRequest) => {
      await sleep(100)
      return new HttpResponse(`Hello ${request.GET.get('name') || 'World'}!`)
    }),
    path('streaming/', async (request: HttpRequest) => {
      const sleep_time = Number(request.GET.get('sleep', '0'))
      async function* streaming_inner() {
        yield bytes('first\n')
        await sleep(sleep_time * 1000)
        yield bytes('last\n')
      }
      return new StreamingHttpResponse(streaming_inner())
    }),
    path('wait/', async (request: HttpRequest) => {
      await sync_waiter.wait()
      return new HttpResponse(`Hello ${request.GET.get('name') || 'World'}!`)
    }),
  ],
}
register_import('asgi.urls', urls)

/** threading.Barrier(2) with a timeout, as an async barrier. */
const sync_waiter = {
  waiting: [] as Array<() => void>,
  arrived: 0,
  async wait(): Promise<void> {
    this.arrived++
    if (this.arrived >= 2) {
      this.waiting.splice(0).forEach((release) => release())
      return
    }
    await new Promise<void>((resolve, reject) => {
      this.waiting.push(resolve)
      setTimeout(() => reject(new Error('barrier timed out')), 500)
    })
  },
}

const settings: Settings = make_settings({
  ROOT_URLCONF: 'asgi.urls',
  ALLOWED_HOSTS: ['testserver'],
  MIDDLEWARE: ['django.middleware.common.CommonMiddleware'],
})

/** Runs a test body with the ASGITest settings in force (override_settings(ROOT_URLCONF='asgi.urls')). */
const run = (fn: () => Promise<void>) => () => with_settings(settings, fn)

describe('ASGITest', () => {
  const cleanups: Array<() => void> = []
  beforeEach(() => clear_script_prefix())
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))
  const track = (signal: typeof request_finished) => {
    const handler = signal_handler()
    signal.connect(handler.receiver)
    cleanups.push(() => signal.disconnect(handler.receiver))
    return handler
  }

  it(
    'test_get_asgi_application',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/' }))
      await communicator.send_input({ type: 'http.request' })
      const response_start = await communicator.receive_output()
      expect(response_start.type).toBe('http.response.start')
      expect(response_start.status).toBe(200)
      expect(headerSet(response_start)).toEqual(new Set(['Content-Length: 12', 'Content-Type: text/html; charset=utf-8']))
      const response_body = await communicator.receive_output()
      expect(response_body.type).toBe('http.response.body')
      expect(text(response_body.body)).toBe('Hello World!')
      await communicator.wait()
    }),
  )

  it(
    'test_file_response',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/file/' }))
      await communicator.send_input({ type: 'http.request' })
      // Django ignores the warning a sync file iterator served asynchronously gives; it is checked here.
      const { result, warnings } = catch_warnings(async () => {
        const response_start = await communicator.receive_output()
        expect(response_start.status).toBe(200)
        expect(response_start.headers).toHaveLength(3)
        expect(headerSet(response_start)).toEqual(
          new Set([
            `Content-Length: ${test_file_contents.length}`,
            'Content-Type: text/x-python',
            'Content-Disposition: inline; filename="urls.py"',
          ]),
        )
        // block_size is raised to chunk_size: 100,000 bytes arrive in two messages, not 25.
        const first = await communicator.receive_output()
        const second = await communicator.receive_output()
        expect(first.body).toHaveLength(65536)
        expect([...first.body!, ...second.body!]).toEqual([...test_file_contents])
        expect(await communicator.receive_output()).toEqual({ type: 'http.response.body' })
        await communicator.wait()
      })
      await result
      expect(warnings.map((w) => w.message)).toEqual([
        'StreamingHttpResponse must consume synchronous iterators in order to serve them asynchronously. ' +
          'Use an asynchronous iterator instead.',
      ])
    }),
  )

  it(
    'test_headers',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(
        application,
        base_scope({
          path: '/meta/',
          headers: [
            [bytes('content-type'), bytes('text/plain; charset=utf-8')],
            [bytes('content-length'), bytes('77')],
            [bytes('referer'), bytes('Scotland')],
            [bytes('referer'), bytes('Wales')],
          ],
        }),
      )
      await communicator.send_input({ type: 'http.request' })
      const response_start = await communicator.receive_output()
      expect(response_start.status).toBe(200)
      expect(headerSet(response_start)).toEqual(new Set(['Content-Length: 19', 'Content-Type: text/plain; charset=utf-8']))
      const response_body = await communicator.receive_output()
      expect(text(response_body.body)).toBe('From Scotland,Wales')
      await communicator.wait()
    }),
  )

  it(
    'test_post_body',
    run(async () => {
      const application = get_asgi_application()
      const scope = base_scope({ method: 'POST', path: '/post/', query_string: 'echo=1' })
      const communicator = new ApplicationCommunicator(application, scope)
      await communicator.send_input({ type: 'http.request', body: bytes('Echo!') })
      const response_start = await communicator.receive_output()
      expect(response_start.status).toBe(200)
      const response_body = await communicator.receive_output()
      expect(text(response_body.body)).toBe('Echo!')
    }),
  )

  it(
    'test_create_request_error',
    run(async () => {
      const handler = track(request_finished)
      // A request class whose construction always fails with RequestDataTooBig.
      class TestASGIRequest extends ASGIRequest {
        constructor(scope: AsgiScope, body_file: AsgiBodyFile) {
          super(scope, body_file)
          throw new RequestDataTooBig()
        }
      }
      class TestASGIHandler extends ASGIHandler {
        static override request_class = TestASGIRequest
      }
      const application = new TestASGIHandler()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/not-important/' }))
      await communicator.send_input({ type: 'http.request' })
      await communicator.wait()
      expect(handler.calls).toHaveLength(1)
      // The 413 answer (not asserted by Django's test).
      const start = await communicator.receive_output()
      expect(start.status).toBe(413)
      expect(text((await communicator.receive_output()).body)).toBe('413 Payload too large')
    }),
  )

  it(
    'test_cancel_post_request_with_sync_processing',
    run(async () => {
      // The body stays readable in the view, even once the handler gave up on it.
      const outcome: unknown[] = []
      let view_started!: () => void
      const view_started_event = new Promise<void>((resolve) => (view_started = resolve))
      let view_finished!: () => void
      const view_finished_event = new Promise<void>((resolve) => (view_finished = resolve))
      const post_view = async (request: HttpRequest) => {
        try {
          view_started()
          await sleep(100)
          outcome.push({ request_body: text(request.body) })
          return new HttpResponse('ok')
        } catch (e) {
          outcome.push({ exception: e })
          throw e
        } finally {
          view_finished()
        }
      }
      class TestASGIRequest extends ASGIRequest {
        override urlconf = [path('post/', post_view)]
      }
      class TestASGIHandler extends ASGIHandler {
        static override request_class = TestASGIRequest
      }
      const application = new TestASGIHandler()
      const communicator = new ApplicationCommunicator(application, base_scope({ method: 'POST', path: '/post/' }))
      await communicator.send_input({ type: 'http.request', body: bytes('Body data!') })
      await view_started_event
      await communicator.send_input({ type: 'http.disconnect' })
      await view_finished_event
      await expect(communicator.receive_output(0.2)).rejects.toThrow(TimeoutError)
      expect(outcome).toEqual([{ request_body: 'Body data!' }])
    }),
  )

  it(
    'test_untouched_request_body_gets_closed',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ method: 'POST', path: '/post/' }))
      await communicator.send_input({ type: 'http.request' })
      const response_start = await communicator.receive_output()
      expect(response_start.status).toBe(204)
      const response_body = await communicator.receive_output()
      expect(response_body.body).toEqual(new Uint8Array(0))
      await communicator.wait()
    }),
  )

  it(
    'test_get_query_string',
    run(async () => {
      const application = get_asgi_application()
      for (const query_string of [bytes('name=Andrew'), 'name=Andrew']) {
        const communicator = new ApplicationCommunicator(application, base_scope({ path: '/', query_string }))
        await communicator.send_input({ type: 'http.request' })
        const response_start = await communicator.receive_output()
        expect(response_start.status).toBe(200)
        expect(text((await communicator.receive_output()).body)).toBe('Hello Andrew!')
        await communicator.wait()
      }
    }),
  )

  it(
    'test_disconnect',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/' }))
      await communicator.send_input({ type: 'http.disconnect' })
      await expect(communicator.receive_output(0.1)).rejects.toThrow(TimeoutError)
    }),
  )

  it(
    'test_disconnect_both_return',
    run(async () => {
      // The disconnect arrives as the response finishes: both tasks end, nothing fails.
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/' }))
      await communicator.send_input({ type: 'http.request', body: bytes('some body') })
      await communicator.receive_output()
      await communicator.receive_output()
      await communicator.send_input({ type: 'http.disconnect' })
      await communicator.wait()
    }),
  )

  it(
    'test_disconnect_with_body',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/' }))
      await communicator.send_input({ type: 'http.request', body: bytes('some body'), more_body: true })
      await communicator.send_input({ type: 'http.disconnect' })
      await expect(communicator.receive_output(0.1)).rejects.toThrow(TimeoutError)
    }),
  )

  it(
    'test_assert_in_listen_for_disconnect',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/delayed_hello/' }))
      await communicator.send_input({ type: 'http.request' })
      await communicator.send_input({ type: 'http.not_a_real_message' })
      const msg = 'Invalid ASGI message after request body: http.not_a_real_message'
      await expect(communicator.wait()).rejects.toThrow(AssertionError)
      await expect(communicator.wait()).rejects.toThrow(msg)
    }),
  )

  it(
    'test_delayed_disconnect_with_body',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/delayed_hello/' }))
      await communicator.send_input({ type: 'http.request', body: bytes('some body') })
      await communicator.send_input({ type: 'http.disconnect' })
      await expect(communicator.receive_output(0.3)).rejects.toThrow(TimeoutError)
    }),
  )

  it(
    'test_wrong_connection_type',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/', type: 'other' }))
      await communicator.send_input({ type: 'http.request' })
      const msg = 'Django can only handle ASGI/HTTP connections, not other.'
      await expect(communicator.receive_output()).rejects.toThrow(msg)
      await expect(communicator.receive_output()).rejects.toMatchObject({ name: 'ValueError' })
    }),
  )

  it(
    'test_non_unicode_query_string',
    run(async () => {
      const application = get_asgi_application()
      const communicator = new ApplicationCommunicator(application, base_scope({ path: '/', query_string: Uint8Array.of(0xff) }))
      await communicator.send_input({ type: 'http.request' })
      const response_start = await communicator.receive_output()
      expect(response_start.status).toBe(400)
      const response_body = await communicator.receive_output()
      expect(response_body.body).toEqual(new Uint8Array(0))
    }),
  )

  it(
    'test_request_lifecycle_signals_dispatched_with_thread_sensitive',
    run(async () => {
      const started = track(request_started)
      const finished = track(request_finished)
      const order: string[] = []
      const note = (name: string) => () => void order.push(name)
      const onStarted = note('started')
      const onFinished = note('finished')
      request_started.connect(onStarted)
      request_finished.connect(onFinished)
      cleanups.push(() => request_started.disconnect(onStarted), () => request_finished.disconnect(onFinished))
      const application = get_asgi_application()
      const scope = base_scope({ path: '/' })
      const communicator = new ApplicationCommunicator(application, scope)
      await communicator.send_input({ type: 'http.request' })
      expect((await communicator.receive_output()).status).toBe(200)
      expect(text((await communicator.receive_output()).body)).toBe('Hello World!')
      await communicator.wait()
      expect(order).toEqual(['started', 'finished'])
      expect(started.calls).toEqual([{ sender: ASGIHandler, scope }])
      expect(finished.calls).toEqual([{ sender: ASGIHandler }])
    }),
  )

  it(
    'test_concurrent_async_uses_multiple_thread_pools',
    run(async () => {
      // Two requests in flight at once: each view waits for the other at a barrier of two.
      sync_waiter.arrived = 0
      const application = get_asgi_application()
      const communicators: ApplicationCommunicator[] = []
      for (let i = 0; i < 2; i++) {
        communicators.push(new ApplicationCommunicator(application, base_scope({ path: '/wait/' })))
        await communicators.at(-1)!.send_input({ type: 'http.request' })
      }
      for (const communicator of communicators) {
        expect((await communicator.receive_output()).status).toBe(200)
        expect(text((await communicator.receive_output()).body)).toBe('Hello World!')
        await communicator.wait()
      }
    }),
  )

  it(
    'test_asyncio_cancel_error',
    run(async () => {
      let view_started!: () => void
      let view_did_cancel = false
      const handler = track(request_finished)
      // A view that stops when the client goes away (Python throws CancelledError into it).
      const view = async (request: HttpRequest) => {
        view_started()
        const signal = (request as ASGIRequest).abortSignal
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 100)
          signal.addEventListener('abort', () => {
            clearTimeout(timer)
            view_did_cancel = true
            reject(new Error('cancelled'))
          })
        })
        return new HttpResponse('Hello World!')
      }
      class TestASGIRequest extends ASGIRequest {
        override urlconf = [path('cancel/', view)]
      }
      class TestASGIHandler extends ASGIHandler {
        static override request_class = TestASGIRequest
      }

      // The cycle completes when no disconnect comes.
      view_started = () => {}
      let communicator = new ApplicationCommunicator(new TestASGIHandler(), base_scope({ path: '/cancel/' }))
      await communicator.send_input({ type: 'http.request' })
      expect((await communicator.receive_output()).status).toBe(200)
      expect(text((await communicator.receive_output()).body)).toBe('Hello World!')
      await communicator.wait()
      expect(view_did_cancel).toBe(false)
      expect(handler.calls).toEqual([{ sender: TestASGIHandler }])
      handler.calls.length = 0

      // A disconnect before the view answers: no response, one request_finished.
      const started = new Promise<void>((resolve) => (view_started = resolve))
      communicator = new ApplicationCommunicator(new TestASGIHandler(), base_scope({ path: '/cancel/' }))
      await communicator.send_input({ type: 'http.request' })
      await started
      await communicator.send_input({ type: 'http.disconnect' })
      await expect(communicator.receive_output(0.2)).rejects.toThrow(TimeoutError)
      await communicator.wait()
      expect(view_did_cancel).toBe(true)
      expect(handler.calls).toEqual([{ sender: TestASGIHandler }])
    }),
  )

  it(
    'test_asyncio_streaming_cancel_error',
    run(async () => {
      let view_did_cancel = false
      const handler = track(request_finished)
      const view = async (request: HttpRequest) => {
        const signal = (request as ASGIRequest).abortSignal
        async function* streaming_response() {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 200)
            signal.addEventListener('abort', () => {
              clearTimeout(timer)
              view_did_cancel = true
              resolve()
            })
          })
          if (!signal.aborted) yield bytes('Hello World!')
        }
        return new StreamingHttpResponse(streaming_response())
      }
      class TestASGIRequest extends ASGIRequest {
        override urlconf = [path('cancel/', view)]
      }
      class TestASGIHandler extends ASGIHandler {
        static override request_class = TestASGIRequest
      }

      let communicator = new ApplicationCommunicator(new TestASGIHandler(), base_scope({ path: '/cancel/' }))
      await communicator.send_input({ type: 'http.request' })
      expect((await communicator.receive_output()).status).toBe(200)
      expect(text((await communicator.receive_output()).body)).toBe('Hello World!')
      await communicator.wait()
      expect(view_did_cancel).toBe(false)
      expect(handler.calls).toEqual([{ sender: TestASGIHandler }])
      handler.calls.length = 0

      communicator = new ApplicationCommunicator(new TestASGIHandler(), base_scope({ path: '/cancel/' }))
      await communicator.send_input({ type: 'http.request' })
      expect((await communicator.receive_output()).status).toBe(200)
      await sleep(100)
      await communicator.send_input({ type: 'http.disconnect' })
      await expect(communicator.receive_output(0.2)).rejects.toThrow(TimeoutError)
      await communicator.wait()
      expect(view_did_cancel).toBe(true)
      expect(handler.calls).toEqual([{ sender: TestASGIHandler }])
    }),
  )

  it(
    'test_streaming',
    run(async () => {
      const scope = base_scope({ path: '/streaming/', query_string: bytes('sleep=0.001') })
      const communicator = new ApplicationCommunicator(get_asgi_application(), scope)
      await communicator.send_input({ type: 'http.request' })
      await communicator.receive_output()
      expect(text((await communicator.receive_output()).body)).toBe('first\n')
      expect(text((await communicator.receive_output()).body)).toBe('last\n')
      expect(await communicator.receive_output()).toEqual({ type: 'http.response.body' })
      await expect(communicator.receive_output(0.1)).rejects.toThrow(TimeoutError)
    }),
  )

  it(
    'test_streaming_disconnect',
    run(async () => {
      const scope = base_scope({ path: '/streaming/', query_string: bytes('sleep=0.1') })
      const communicator = new ApplicationCommunicator(get_asgi_application(), scope)
      await communicator.send_input({ type: 'http.request' })
      await communicator.receive_output()
      expect(text((await communicator.receive_output()).body)).toBe('first\n')
      await communicator.send_input({ type: 'http.disconnect' })
      // 'last\n' isn't sent.
      await expect(communicator.receive_output(0.2)).rejects.toThrow(TimeoutError)
    }),
  )

  // Not in Django's file: the script prefix the handler sets, and cookies as Set-Cookie headers.
  it(
    'sets the script prefix from root_path',
    run(async () => {
      const communicator = new ApplicationCommunicator(get_asgi_application(), base_scope({ path: '/app/', root_path: '/app' }))
      await communicator.send_input({ type: 'http.request' })
      expect((await communicator.receive_output()).status).toBe(200)
      await communicator.wait()
      expect(get_script_prefix()).toBe('/app/')
    }),
  )

  it(
    'sends each cookie as its own Set-Cookie header',
    run(async () => {
      const communicator = new ApplicationCommunicator(get_asgi_application(), base_scope({ path: '/cookie/' }))
      await communicator.send_input({ type: 'http.request' })
      const start = await communicator.receive_output()
      expect(headerSet(start).has('Set-Cookie: key=value; Path=/')).toBe(true)
      await communicator.wait()
    }),
  )
})

// tests/handlers/urls.py views the ASGI handler serves.
const handler_urls = {
  urlpatterns: [
    path('regular/', () => new HttpResponse('regular content')),
    path('async_regular/', async () => new HttpResponse('regular content')),
    path('suspicious/', () => {
      throw new SuspiciousOperation('dubious')
    }),
    path('bad_request/', () => {
      throw new BadRequest('bad')
    }),
    path('streaming/', () => new StreamingHttpResponse(['streaming', ' ', 'content'])),
    path(
      'async_streaming/',
      () =>
        new StreamingHttpResponse(
          (async function* () {
            yield 'streaming'
            yield ' '
            yield 'content'
          })(),
        ),
    ),
  ],
}
register_import('handlers.urls', handler_urls)

/** Serves one GET through a fresh ASGIHandler; returns the status and the body. */
async function asgi_get(path_: string): Promise<{ status: number; body: string }> {
  const sent: AsgiSendMessage[] = []
  let received = false
  await new ASGIHandler().__call__(
    base_scope({ path: path_ }),
    async () => {
      if (received) return new Promise<never>(() => {})
      received = true
      return { type: 'http.request' }
    },
    async (message) => void sent.push(message),
  )
  const body = sent.slice(1).map((m) => text(m.body)).join('')
  return { status: sent[0]!.status!, body }
}

describe('AsyncHandlerRequestTests', () => {
  const handler_settings = make_settings({ ROOT_URLCONF: 'handlers.urls', ALLOWED_HOSTS: ['testserver'] })
  const run_h = (fn: () => Promise<void> | void) => () => with_settings(handler_settings, fn)

  it(
    'test_sync_view',
    run_h(async () => {
      expect(await asgi_get('/regular/')).toEqual({ status: 200, body: 'regular content' })
    }),
  )

  it(
    'test_async_view',
    run_h(async () => {
      expect(await asgi_get('/async_regular/')).toEqual({ status: 200, body: 'regular content' })
    }),
  )

  it(
    'test_suspiciousop_in_view_returns_400',
    run_h(async () => {
      expect((await asgi_get('/suspicious/')).status).toBe(400)
    }),
  )

  it(
    'test_bad_request_in_view_returns_400',
    run_h(async () => {
      expect((await asgi_get('/bad_request/')).status).toBe(400)
    }),
  )

  it(
    'test_root_path',
    run_h(() => {
      const request = factory_request({ path: '/root/somepath/', root_path: '/root' })
      expect(request.path).toBe('/root/somepath/')
      expect(request.script_name).toBe('/root')
      expect(request.path_info).toBe('/somepath/')
    }),
  )

  it('test_force_script_name', () => {
    with_settings(make_settings({ FORCE_SCRIPT_NAME: '/FORCED_PREFIX' }), () => {
      const request = factory_request({ path: '/FORCED_PREFIX/somepath/' })
      expect(request.path).toBe('/FORCED_PREFIX/somepath/')
      expect(request.script_name).toBe('/FORCED_PREFIX')
      expect(request.path_info).toBe('/somepath/')
    })
  })

  it(
    'test_sync_streaming',
    run_h(async () => {
      const msg =
        'StreamingHttpResponse must consume synchronous iterators in order to serve them asynchronously. ' +
        'Use an asynchronous iterator instead.'
      const { result, warnings } = catch_warnings(() => asgi_get('/streaming/'))
      expect(await result).toEqual({ status: 200, body: 'streaming content' })
      expect(warnings.map((w) => w.message)).toContain(msg)
    }),
  )

  it(
    'test_async_streaming',
    run_h(async () => {
      expect(await asgi_get('/async_streaming/')).toEqual({ status: 200, body: 'streaming content' })
    }),
  )
})
