/** Runs one composed request through the site with a test client and returns the exchange snapshot. */
import { blank_exchange } from '../blank-exchange.ts'
import { BOUNDARY, encode_multipart, MULTIPART_CONTENT, with_settings, type HttpResponseBase } from '../../engine/index.ts'
import { quote_plus } from '../../engine/core/urllib.ts'
import type { ComposedRequest, ConsoleEntry, Exchange, JarCookie } from '../protocol.ts'
import { capturing_console } from './console-capture.ts'
import { seen_error } from './errors.ts'
import { recording, type Recording } from './instrument.ts'
import { cookie_to_jar } from './jar.ts'
import { jar_session, make_client, type SiteClient } from './clients.ts'
import type { Site } from './site.ts'
import { seen_response, type StreamHooks } from './snapshot.ts'

const CLIENT_METHODS = new Set(['get', 'post', 'head', 'options', 'put', 'patch', 'delete', 'trace'])
const QUERY_METHODS = new Set(['get', 'head'])

/** The `data` and content type a client method gets for a composed body (null content type: the method's default). */
export function body_arguments(method: string, body: ComposedRequest['body']): { data: unknown; content_type: string | null } {
  switch (body.kind) {
    case 'none':
      return { data: method === 'post' ? null : '', content_type: null }
    case 'urlencoded': {
      const text = body.fields.map(([k, v]) => `${quote_plus(k)}=${quote_plus(v)}`).join('&')
      return { data: text, content_type: 'application/x-www-form-urlencoded' }
    }
    case 'multipart': {
      const data: Record<string, unknown[]> = {}
      for (const [k, v] of body.fields) (data[k] ??= []).push(v)
      for (const f of body.files) {
        const content = f.content
        ;(data[f.field] ??= []).push({ name: f.name, content_type: f.content_type, read: () => content })
      }
      // Django's client.post() encodes a dict itself; other methods take the encoded bytes.
      if (method === 'post') return { data, content_type: MULTIPART_CONTENT }
      return { data: encode_multipart(BOUNDARY, data), content_type: MULTIPART_CONTENT }
    }
    case 'json':
      return { data: body.text, content_type: 'application/json' }
    case 'raw':
      return { data: body.text, content_type: body.content_type }
    case 'binary':
      return { data: body.content, content_type: body.content_type || 'application/octet-stream' }
  }
}

/** Header pairs as the client's `headers` option (repeated names joined as a browser would). */
function header_record(headers: ReadonlyArray<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {}
  const names = new Map<string, string>()
  for (const [name, value] of headers) {
    if (!name.trim()) continue
    const lower = name.trim().toLowerCase()
    const key = names.get(lower) ?? name.trim()
    names.set(lower, key)
    out[key] = key in out ? `${out[key]}${lower === 'cookie' ? '; ' : ', '}${value}` : value
  }
  return out
}

/** Sends the request with the client: a client method by name, a custom method through `generic()`. */
function send(client: SiteClient, composed: ComposedRequest): unknown {
  const method = composed.method.trim()
  const lower = method.toLowerCase()
  const { data, content_type } = body_arguments(lower, composed.body)
  const options: Record<string, unknown> = { follow: composed.follow, secure: composed.secure, headers: header_record(composed.headers) }
  if (content_type !== null) options.content_type = content_type
  const call = client as unknown as Record<string, (...args: unknown[]) => unknown>
  const known = CLIENT_METHODS.has(lower) && method === method.toUpperCase()
  // GET and HEAD put their data in the query string; a body sent with them needs generic().
  if (known && !(QUERY_METHODS.has(lower) && composed.body.kind !== 'none')) {
    return call[lower]!.call(client, composed.url, QUERY_METHODS.has(lower) ? null : data, options)
  }
  return client.generic(method, composed.url, data ?? '', options)
}

export { blank_exchange }

/** Runs `composed` with `jar` through `site`; never throws (a crash becomes `failure`). `stream` sees a streaming body as it comes. */
export async function run_request(site: Site, composed: ComposedRequest, jar: JarCookie[], stream?: StreamHooks): Promise<Exchange> {
  const exchange = blank_exchange(composed, jar)
  const console: ConsoleEntry[] = exchange.console
  const started = performance.now()
  const rec: Recording = { sent_body: null, request: null, session_before: null }
  await with_settings(site.settings, () =>
    capturing_console(console, () =>
      recording(rec, async () => {
        const client = make_client(site, composed.enforce_csrf_checks, jar, rec)
        const fallback_before = jar_session(site, client.cookies)
        try {
          const response = (await send(client, composed)) as HttpResponseBase & {
            exc_info?: unknown[] | null
            redirect_chain?: Array<[string, number]>
          }
          exchange.response = await seen_response(response, stream)
          exchange.redirect_chain = (response.redirect_chain ?? []).map(([url, status]) => [String(url), status])
          const raised = response.exc_info?.[1]
          if (response.exc_info) exchange.error = seen_error(raised, site.file_names)
        } catch (error) {
          // Not a view's exception (those become 500s): the client itself failed (a redirect loop, bad input).
          exchange.error = seen_error(error, site.file_names)
          exchange.failure = { kind: 'crash', message: `${exchange.error.type}: ${exchange.error.message}` }
        }
        exchange.request = rec.request
        exchange.session_before = rec.request ? rec.session_before : fallback_before
        exchange.jar = cookie_to_jar(client.cookies)
        exchange.session_after = jar_session(site, client.cookies)
      }),
    ),
  )
  exchange.duration_ms = performance.now() - started
  return exchange
}
