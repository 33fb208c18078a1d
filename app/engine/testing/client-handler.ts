/** Port of django/test/client.py's ClientHandler and the server behaviours it emulates. */
import { request_started } from '../core/signals.ts'
import { BaseHandler } from '../handlers/base.ts'
import { WSGIRequest, type WsgiEnviron } from '../handlers/wsgi.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { HttpResponse } from '../http/response.ts'
import type { StreamingHttpResponse } from '../http/streaming.ts'

/** What servers do: no body for 1xx, 204 and 304 responses, nor for a HEAD request. */
export function conditional_content_removal(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
  const status = response.status_code
  if ((status >= 100 && status < 200) || status === 204 || status === 304 || request.method === 'HEAD') {
    if (response.streaming) (response as StreamingHttpResponse).streaming_content = []
    else (response as HttpResponse).content = new Uint8Array(0)
  }
  return response
}

/** Iterates `iterable`, then calls `close` (as a WSGI server closes a streamed response when done). */
export function* closing_iterator_wrapper<T>(iterable: Iterable<T>, close: () => void): Generator<T> {
  try {
    yield* iterable
  } finally {
    close()
  }
}

/** The async twin of `closing_iterator_wrapper`. */
export async function* aclosing_iterator_wrapper<T>(iterable: AsyncIterable<T>, close: () => void): AsyncGenerator<T> {
  try {
    yield* iterable
  } finally {
    close()
  }
}

/** Has the response stream close itself when iterated to the end; a plain response is closed at once. */
export function close_when_done(response: HttpResponseBase): void {
  if (!response.streaming) {
    response.close()
    return
  }
  const streaming = response as StreamingHttpResponse
  const close = () => response.close()
  streaming.streaming_content = streaming.is_async
    ? aclosing_iterator_wrapper(streaming.streaming_content as AsyncIterable<Uint8Array>, close)
    : closing_iterator_wrapper(streaming.streaming_content as Iterable<Uint8Array>, close)
}

/** Runs a test client's environ through the middleware and view, synchronously, as a WSGI server would. */
export class ClientHandler extends BaseHandler {
  constructor(readonly enforce_csrf_checks = true) {
    super()
  }

  /** Django's `__call__(environ)`. */
  __call__(environ: WsgiEnviron): HttpResponseBase {
    // The chain is built on first use, with the settings then in force.
    if (this._middleware_chain === null) this.load_middleware()
    request_started.send(ClientHandler, { environ })
    const request = new WSGIRequest(environ)
    // The client skips CSRF checks unless asked to enforce them.
    request._dont_enforce_csrf_checks = !this.enforce_csrf_checks
    const response = this.get_response(request)
    conditional_content_removal(request, response)
    ;(response as HttpResponseBase & { wsgi_request?: HttpRequest }).wsgi_request = request
    close_when_done(response)
    return response
  }
}

