/**
 * A browser request (`WireRequest`) as the composer keeps requests, and the answer for one that never
 * reached a view. Engine-free: both the worker and the page's host use it.
 */
import { blank_exchange } from './blank-exchange.ts'
import type { ComposedBody, ComposedRequest, Exchange, HostMessage, RuntimeMessage, WireRequest } from './protocol.ts'

/** Headers the client computes itself, from the body and the jar. */
const CLIENT_HEADERS = new Set(['cookie', 'content-type', 'content-length', 'host'])
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)\b)/i
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The body as the composer keeps it: text when it is text, else the exact bytes. */
function composed_body(body: Uint8Array | null, content_type: string): ComposedBody {
  if (!body || body.length === 0) return content_type ? { kind: 'raw', text: '', content_type } : { kind: 'none' }
  if (TEXT_TYPES.test(content_type)) {
    try {
      return { kind: 'raw', text: utf8.decode(body), content_type }
    } catch {
      // Not UTF-8: keep the bytes.
    }
  }
  return { kind: 'binary', content: body.slice(), content_type, name: '' }
}

/** The browser's request as a composed one: what "Send again" and "Edit in the composer" replay. */
export function composed_of(wire: WireRequest): ComposedRequest {
  const url = new URL(wire.url)
  const content_type = wire.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? ''
  const method = wire.method.toUpperCase()
  const body = method === 'GET' || method === 'HEAD' ? { kind: 'none' as const } : composed_body(wire.body, content_type)
  return {
    method,
    url: url.pathname + url.search,
    headers: wire.headers.filter(([name]) => !CLIENT_HEADERS.has(name.toLowerCase())),
    body,
    follow: false,
    secure: url.protocol === 'https:',
    enforce_csrf_checks: true,
  }
}

/** The `fetched` answer for a browser request no view answered (no site, a crash, a timeout). */
export function fetch_failure(
  message: Extract<HostMessage, { type: 'fetch' }>,
  status: number,
  statusText: string,
  kind: NonNullable<Exchange['failure']>['kind'],
  text: string,
  duration_ms = 0,
): RuntimeMessage {
  const exchange = blank_exchange(composed_of(message.request), message.jar, {
    id: `${message.id}-${kind}`,
    duration_ms,
    failure: { kind, message: text },
    source: 'preview',
  })
  const headers: Array<[string, string]> = [['Content-Type', 'text/plain; charset=utf-8']]
  return { type: 'fetched', id: message.id, response: { status, statusText, headers, body: new TextEncoder().encode(text) }, exchange }
}
