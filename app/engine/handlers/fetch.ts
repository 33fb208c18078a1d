/** The fetch bridge, not in Django: a standard `Request` served through an ASGIHandler, answered as a `Response`. */

// For the service worker and any fetch-style host, this plays the ASGI server's part: it builds
// the scope, feeds the body to `receive()` and collects what `send()` is given.
import { concat_copy } from '../core/bytes.ts'
import { latin1_decode, latin1_encode, utf8_encode } from '../core/encoding.ts'
import { responses } from '../core/http-client.ts'
import { unquote } from '../core/urllib.ts'
import type { AsgiReceiveMessage, AsgiScope, AsgiSend, AsgiSendMessage, ASGIHandler } from './asgi.ts'

/** Options of `fetch_handler()`. */
export interface FetchHandlerOptions {
  /** The prefix the site is mounted under (the scope's root_path; the URL path includes it). */
  root_path?: string
  /** The scope's `client` (`[host, port]`); none by default, as a browser-local host knows no peer. */
  client?: [string, number] | null
}

/** Statuses whose Response must have no body (the Fetch standard's null body statuses). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

/** A header name or value as bytes: latin-1 when it fits, else UTF-8 (Headers may hold either). */
function header_bytes(text: string): Uint8Array {
  try {
    return latin1_encode(text)
  } catch {
    return utf8_encode(text, 'replace')
  }
}

/** The ASGI scope of a fetch Request, as an ASGI server would build it. */
export function request_scope(request: Request, options: FetchHandlerOptions = {}): AsgiScope {
  const url = new URL(request.url)
  const headers: Array<[Uint8Array, Uint8Array]> = []
  // Headers yields lower-case names, repeated ones already joined with ', '.
  for (const [name, value] of request.headers) headers.push([header_bytes(name), header_bytes(value)])
  // A constructed Request has no Host header (the network layer adds it); the URL's host is it.
  if (!request.headers.has('host')) headers.unshift([utf8_encode('host'), header_bytes(url.host)])
  const port = url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 80)
  return {
    type: 'http',
    asgi: { version: '3.0', spec_version: '2.3' },
    http_version: '1.1',
    method: request.method,
    scheme: url.protocol.slice(0, -1),
    // ASGI servers percent-decode the path (UTF-8, invalid sequences replaced), as Python's unquote does.
    path: unquote(url.pathname),
    raw_path: utf8_encode(url.pathname),
    root_path: options.root_path ?? '',
    query_string: utf8_encode(url.search.slice(1)),
    headers,
    client: options.client ?? null,
    server: [url.hostname.replace(/^\[(.*)\]$/, '$1'), port],
  }
}

/** `receive()` over the Request body: one `http.request` message per chunk, then `http.disconnect` when aborted. */
function body_receiver(request: Request): () => Promise<AsgiReceiveMessage> {
  const reader = request.body?.getReader() ?? null
  let finished = false
  let disconnected: Promise<AsgiReceiveMessage> | null = null
  return async () => {
    if (reader === null && !finished) {
      finished = true
      return { type: 'http.request', body: new Uint8Array(0), more_body: false }
    }
    if (finished) {
      // Nothing more will come until the client goes away (which may be never).
      disconnected ??= new Promise((resolve) => {
        const fire = () => resolve({ type: 'http.disconnect' })
        if (request.signal.aborted) fire()
        else request.signal.addEventListener('abort', fire, { once: true })
      })
      return disconnected
    }
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader!.read()
    } catch {
      finished = true
      return { type: 'http.disconnect' }
    }
    if (chunk.done) {
      finished = true
      return { type: 'http.request', body: new Uint8Array(0), more_body: false }
    }
    return { type: 'http.request', body: chunk.value, more_body: true }
  }
}

/** The reason phrase each `send` was given, noted by the wrapped `send_response` (ASGI carries no reason). */
const reasons = new WeakMap<AsgiSend, string>()
const wrapped = new WeakSet<ASGIHandler>()

function note_reasons(handler: ASGIHandler): void {
  if (wrapped.has(handler)) return
  wrapped.add(handler)
  const send_response = handler.send_response.bind(handler)
  handler.send_response = (response, send, options) => {
    reasons.set(send, response.reason_phrase)
    return send_response(response, send, options)
  }
}

/**
 * `(request) => Promise<Response>` over `handler`. The whole body is collected before the
 * Response is made, so a streaming response arrives buffered. A request the handler answers
 * with nothing (the client went away) gives `Response.error()`; HEAD responses lose their body.
 */
export function fetch_handler(
  handler: ASGIHandler,
  options: FetchHandlerOptions = {},
): (request: Request) => Promise<Response> {
  note_reasons(handler)
  return async (request: Request): Promise<Response> => {
    const scope = request_scope(request, options)
    let start: AsgiSendMessage | null = null
    const chunks: Uint8Array[] = []
    const send: AsgiSend = async (message) => {
      if (message.type === 'http.response.start') start = message
      else if (message.type === 'http.response.body' && message.body) chunks.push(message.body)
    }
    await handler.__call__(scope, body_receiver(request), send)
    if (start === null) return Response.error()
    const { status = 200, headers: raw_headers = [] } = start as AsgiSendMessage
    const headers = new Headers()
    // append(), not set(): each Set-Cookie stays its own header.
    for (const [name, value] of raw_headers) headers.append(latin1_decode(name), latin1_decode(value))
    const empty = scope.method === 'HEAD' || NULL_BODY_STATUSES.has(status)
    return new Response(empty ? null : (concat_copy(chunks) as Uint8Array<ArrayBuffer>), {
      status,
      statusText: reasons.get(send) ?? responses[status] ?? '',
      headers,
    })
  }
}
