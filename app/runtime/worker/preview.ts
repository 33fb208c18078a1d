/**
 * Requests from the preview pane: a real browser's requests (handed over by the service worker, or
 * by the page bridge for a page's own fetch/XHR), served by the same site and test client as the
 * composer so the inspector shows them alike. The browser's profile is the one shared jar: the
 * runtime sends the Cookie header a browser would send for the URL, and stores the response's
 * cookies as a browser would, refused ones listed with why. CSRF checks are enforced: a browser
 * gets no test-client exemption. Redirects are not followed here; the browser follows them.
 */
import { browserCookieHeader, scriptCookies, storeResponseCookies } from '../cookies/index.ts'
import type { Exchange, FetchStream, JarCookie, WireRequest, WireResponse } from '../protocol.ts'
import { composed_of } from '../wire.ts'
import { run_request } from './exchange.ts'
import type { Site } from './site.ts'
import type { StreamHooks } from './snapshot.ts'

/** The response as the browser gets it: the view's, without Set-Cookie (the shared jar took those). */
function wire_response(exchange: Exchange, method: string, script_cookies: string): WireResponse {
  const response = exchange.response
  if (!response) {
    const text = exchange.failure?.message ?? 'The view did not answer.'
    return {
      status: 500,
      statusText: 'Internal Server Error',
      headers: [['Content-Type', 'text/plain; charset=utf-8']],
      body: new TextEncoder().encode(text),
      script_cookies,
    }
  }
  return {
    status: response.status_code,
    statusText: response.reason_phrase,
    headers: response.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie'),
    body: method === 'HEAD' ? null : response.body,
    script_cookies,
  }
}

/**
 * Answers one browser request with `jar` as the browser's cookies; the exchange carries the new jar.
 * A streaming response goes to `stream` as it comes (its head as soon as the view returned).
 */
export async function run_fetch(
  site: Site,
  wire: WireRequest,
  jar: JarCookie[],
  stream?: FetchStream,
): Promise<{ response: WireResponse; exchange: Exchange }> {
  const now = Date.now()
  const composed = composed_of(wire)
  const cookie = browserCookieHeader(jar, wire.url, now)
  // The sync client takes the browser's exact Cookie header; AsyncClient builds its own from a jar.
  const sent = site.is_async
    ? { request: composed, jar: jar.filter((c) => cookie.split('; ').includes(`${c.key}=${c.value}`)) }
    : { request: { ...composed, headers: cookie ? [...composed.headers, ['Cookie', cookie] as [string, string]] : composed.headers }, jar: [] }
  const head_only = composed.method === 'HEAD'
  const hooks: StreamHooks | undefined = stream && {
    head: (head) => {
      const stored = storeResponseCookies(jar, head.set_cookies.map((c) => c.header), wire.url, now).jar
      stream.head({
        status: head.status_code,
        statusText: head.reason_phrase,
        headers: head.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie'),
        body: null,
        script_cookies: scriptCookies(stored, wire.url, now),
      })
    },
    chunk: (bytes: Uint8Array) => {
      if (!head_only) stream.chunk(bytes)
    },
  }
  const exchange = await run_request(site, sent.request, sent.jar, hooks)
  exchange.composed = composed
  exchange.source = 'preview'
  const set_cookies = exchange.response?.set_cookies.map((c) => c.header) ?? []
  const stored = storeResponseCookies(jar, set_cookies, wire.url, now)
  exchange.jar = exchange.failure ? jar : stored.jar
  exchange.cookie_notes = stored.notes
  return { response: wire_response(exchange, composed.method, scriptCookies(exchange.jar, wire.url, now)), exchange }
}
