/** Port of django/core/handlers/asgi.py (ASGIHandler) and django/core/asgi.py (get_asgi_application). */

// DEVIATION(django): Python cancels the view's task when the client disconnects. JavaScript
// cannot cancel a promise: the handler aborts `request.abortSignal` instead (a view may stop
// early by listening to it), waits for the view as asgiref waits for a sync view, drops its
// response, and stops sending a response already under way.
import { BytesIO } from '../core/bytes-io.ts'
import { encode, latin1_encode, UnicodeDecodeError } from '../core/encoding.ts'
import { RequestAborted, RequestDataTooBig, ValueError } from '../core/exceptions.ts'
import { getLogger } from '../core/log.ts'
import { request_finished, request_started } from '../core/signals.ts'
import { FileResponse } from '../http/file-response.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { HttpResponseBadRequest } from '../http/response-subclasses.ts'
import { HttpResponse } from '../http/response.ts'
import type { StreamingHttpResponse } from '../http/streaming.ts'
import { set_script_prefix } from '../urls/base.ts'
import { BaseHandler } from './base.ts'
import {
  ASGIRequest,
  get_script_prefix,
  type AsgiBodyFile,
  type AsgiReceive,
  type AsgiScope,
  type AsgiSend,
  type ASGIRequestOptions,
} from './asgi-request.ts'
import { AssertionError, CancelledError, cancellable, Task } from './asgi-tasks.ts'

export { ASGIRequest, get_script_prefix } from './asgi-request.ts'
export { AssertionError, CancelledError } from './asgi-tasks.ts'
export type {
  AsgiBodyFile,
  AsgiMessage,
  AsgiReceive,
  AsgiReceiveMessage,
  AsgiScope,
  AsgiSend,
  AsgiSendMessage,
  ASGIRequestOptions,
} from './asgi-request.ts'

const logger = getLogger('django.request')

/** A request class the handler can build: `new request_class(scope, body_file)`. */
export type ASGIRequestClass = new (scope: AsgiScope, body_file: AsgiBodyFile, options?: ASGIRequestOptions) => ASGIRequest

/** Keyword arguments of `send_response()`; not in Django. */
export interface SendResponseOptions {
  /** Aborted when the response task is cancelled: sending stops with CancelledError. */
  signal?: AbortSignal | null
}

/** Django's ASGI handler: `await handler.__call__(scope, receive, send)` serves one connection. */
export class ASGIHandler extends BaseHandler {
  /** The request class built from each scope. */
  static request_class: ASGIRequestClass = ASGIRequest
  /** Size of the response body messages (and of FileResponse reads). */
  static chunk_size = 2 ** 16

  constructor() {
    super()
    this.load_middleware(true)
  }

  get #cls(): typeof ASGIHandler {
    return this.constructor as typeof ASGIHandler
  }

  /** The ASGI application: refuses non-`http` scopes with Django's ValueError. */
  async __call__(scope: AsgiScope, receive: AsgiReceive, send: AsgiSend): Promise<void> {
    if (scope.type !== 'http') {
      throw new ValueError(`Django can only handle ASGI/HTTP connections, not ${scope.type}.`)
    }
    await this.handle(scope, receive, send)
  }

  /** Reads the body, builds the request, runs it while listening for a disconnect, sends the response. */
  async handle(scope: AsgiScope, receive: AsgiReceive, send: AsgiSend): Promise<void> {
    let body_file: BytesIO
    try {
      body_file = await this.read_body(receive)
    } catch (error) {
      if (error instanceof RequestAborted) return
      throw error
    }
    set_script_prefix(get_script_prefix(scope))
    await request_started.asend(this.constructor, { scope })
    const [request, error_response] = this.create_request(scope, body_file)
    if (request === null) {
      body_file.close()
      await this.send_response(error_response!, send)
      error_response!.close()
      return
    }

    const process_request = async (signal: AbortSignal): Promise<HttpResponseBase> => {
      request.abortSignal = signal
      // Not raced: like asgiref's sync_to_async, the view is waited for even once cancelled
      // (it may still read the body); a response it gives after that is dropped.
      const response = await this.run_get_response(request)
      if (signal.aborted) throw new CancelledError()
      try {
        await this.send_response(response, send, { signal })
      } catch (error) {
        // The client disconnected while the response was being sent.
        if (!(error instanceof CancelledError)) throw error
      }
      return response
    }
    // Checked, and cancelled, in this order: the listener raises nothing that should stop us
    // from cancelling the response task.
    const tasks = [
      new Task((signal) => cancellable(this.listen_for_disconnect(receive), signal)),
      new Task(process_request),
    ] as const
    await Promise.race(tasks.map((task) => task.promise)).catch(() => {})
    for (const task of tasks) {
      if (task.done) {
        try {
          task.result()
        } catch (error) {
          if (error instanceof AssertionError) {
            body_file.close()
            throw error
          }
          if (!(error instanceof RequestAborted)) throw error
        }
      } else {
        // The view sees the cancellation through request.abortSignal; wait for the task to end.
        task.cancel()
        try {
          await task.promise
        } catch (error) {
          if (!(error instanceof CancelledError)) throw error
        }
      }
    }
    let response: HttpResponseBase
    try {
      response = tasks[1].result()
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error
      await request_finished.asend(this.constructor)
      body_file.close()
      return
    }
    response.close()
    body_file.close()
  }

  /** Waits for one message after the body: a disconnect raises RequestAborted, anything else AssertionError. */
  async listen_for_disconnect(receive: AsgiReceive): Promise<never> {
    const message = await receive()
    if (message.type === 'http.disconnect') throw new RequestAborted()
    throw new AssertionError(`Invalid ASGI message after request body: ${message.type}`)
  }

  /** Runs the async middleware chain and marks the response as this handler's. */
  async run_get_response(request: ASGIRequest): Promise<HttpResponseBase> {
    const response = await this.get_response_async(request)
    response._handler_class = this.constructor
    // The server does the low-level chunking, so files are read in bigger blocks.
    if (response instanceof FileResponse) response.block_size = this.#cls.chunk_size
    return response
  }

  /**
   * Reads the `http.request` messages into a file; a disconnect first raises RequestAborted.
   * Django spools to disk past FILE_UPLOAD_MAX_MEMORY_SIZE; the engine has no disk, so the
   * body stays in memory (nothing else differs).
   */
  async read_body(receive: AsgiReceive): Promise<BytesIO> {
    const body_file = new BytesIO()
    for (;;) {
      const message = await receive()
      if (message.type === 'http.disconnect') {
        body_file.close()
        throw new RequestAborted()
      }
      if (message.body !== undefined && message.body !== null) body_file.write(message.body)
      if (!message.more_body) break
    }
    body_file.seek(0)
    return body_file
  }

  /** `[request, null]`, or `[null, response]`: 400 for a non-UTF-8 query string, 413 for RequestDataTooBig. */
  create_request(scope: AsgiScope, body_file: AsgiBodyFile): [ASGIRequest, null] | [null, HttpResponseBase] {
    try {
      return [new this.#cls.request_class(scope, body_file), null]
    } catch (error) {
      if (error instanceof UnicodeDecodeError) {
        logger.warning('Bad Request (UnicodeDecodeError)', { status_code: 400 })
        return [null, new HttpResponseBadRequest()]
      }
      if (error instanceof RequestDataTooBig) return [null, new HttpResponse('413 Payload too large', { status: 413 })]
      throw error
    }
  }

  /**
   * Sends `http.response.start` (headers in their own case, then one Set-Cookie per cookie) and
   * the body in chunks; a streaming response is iterated asynchronously, then closed by an empty
   * final message.
   */
  async send_response(response: HttpResponseBase, send: AsgiSend, options: SendResponseOptions = {}): Promise<void> {
    const { signal = null } = options
    const headers: Array<[Uint8Array, Uint8Array]> = []
    for (const [header, value] of response.items()) headers.push([encode(header, 'ascii'), latin1_encode(value)])
    for (const morsel of response.cookies.values()) {
      headers.push([encode('Set-Cookie', 'ascii'), encode(morsel.output(null, '').trim(), 'ascii')])
    }
    await cancellable(send({ type: 'http.response.start', status: response.status_code, headers }), signal)
    const chunk_bytes = (data: Uint8Array) => this.#cls.chunk_bytes(data)
    if (response.streaming) {
      // Through the response's async iterator, so sync content is mapped (with Django's warning).
      const content = (response as StreamingHttpResponse)[Symbol.asyncIterator]()
      try {
        for (;;) {
          const part = await cancellable(content.next(), signal)
          if (part.done) break
          for (const [chunk] of chunk_bytes(part.value)) {
            await cancellable(send({ type: 'http.response.body', body: chunk, more_body: true }), signal)
          }
        }
      } finally {
        // aclosing(): don't wait, the iterator may still be inside an await of its own.
        content.return(undefined).catch(() => {})
      }
      await cancellable(send({ type: 'http.response.body' }), signal)
    } else {
      for (const [chunk, last] of chunk_bytes((response as HttpResponse).content)) {
        await cancellable(send({ type: 'http.response.body', body: chunk, more_body: !last }), signal)
      }
    }
  }

  /** `(chunk, last)` pairs of at most `chunk_size` bytes; empty data gives one empty last chunk. */
  static *chunk_bytes(data: Uint8Array): Generator<[Uint8Array, boolean]> {
    const size = this.chunk_size
    if (!data.length) {
      yield [data, true]
      return
    }
    for (let position = 0; position < data.length; position += size) {
      yield [data.slice(position, position + size), position + size >= data.length]
    }
  }
}

/** `django.core.asgi.get_asgi_application()`: a handler whose middleware comes from the active settings. */
export function get_asgi_application(): ASGIHandler {
  return new ASGIHandler()
}
