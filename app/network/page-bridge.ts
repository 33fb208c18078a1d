/**
 * The playground's end of the page bridge (page-shim.js): a preview page's own fetch()/XHR arrive
 * here over postMessage, are served by the site like any browser request (each one an exchange),
 * with redirects followed as fetch() follows them, and `document.cookie` writes reach the one jar.
 * Only windows the preview opened are listened to.
 */
import type { WireRequest, WireResponse } from '../runtime/protocol.ts'
import { SITE_ORIGIN } from './prefix.ts'

export interface PageBridgeOptions {
  /** Serves one request (the same path the service worker uses). */
  serve(request: WireRequest): Promise<WireResponse>
  /** A `document.cookie = text` write from the page at `pageUrl`; answers the new `document.cookie`. */
  writeCookie(text: string, pageUrl: string): string
  /** True for the preview's own windows (its iframe, tabs it opened). */
  isPreviewWindow(source: MessageEventSource | null): boolean
  /** A page finished parsing: its site URL and title. */
  onLoaded?(pageUrl: string, title: string): void
}

interface PageRequest {
  id: number
  page: string
  url: string
  method: string
  headers: Array<[string, string]>
  body: ArrayBuffer | null
  redirect: RequestRedirect
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 20

/** The headers a browser adds to a page's fetch: what the page's own code cannot set. */
function browserHeaders(request: PageRequest): Array<[string, string]> {
  const headers = request.headers.filter(([name]) => !/^(cookie|host|origin|referer|user-agent)$/i.test(name))
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name)
  if (!has('accept')) headers.push(['accept', '*/*'])
  headers.push(['user-agent', globalThis.navigator?.userAgent ?? 'Mozilla/5.0'])
  headers.push(['referer', request.page])
  // A same-origin fetch() sends Origin on everything but GET and HEAD.
  if (request.method !== 'GET' && request.method !== 'HEAD') headers.push(['origin', SITE_ORIGIN])
  return headers
}

/** Serves a page's request, following redirects unless it asked not to (fetch's `redirect`). */
export async function servePageRequest(
  request: PageRequest,
  serve: PageBridgeOptions['serve'],
): Promise<{ response: WireResponse; url: string; redirected: boolean } | { error: string }> {
  let wire: WireRequest = {
    url: request.url,
    method: request.method,
    headers: browserHeaders(request),
    body: request.body ? new Uint8Array(request.body) : null,
  }
  for (let hop = 0; ; hop++) {
    const response = await serve(wire)
    const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1]
    if (!REDIRECTS.has(response.status) || location === undefined || request.redirect === 'manual') {
      return { response, url: wire.url, redirected: hop > 0 }
    }
    if (request.redirect === 'error') return { error: `redirected (${response.status}) while redirect is "error"` }
    if (hop >= MAX_REDIRECTS) return { error: 'too many redirects' }
    const next = new URL(location, wire.url)
    if (next.origin !== SITE_ORIGIN) return { error: `redirected to another site (${next.origin}), which the preview cannot reach` }
    // Fetch's rules: 303 becomes GET (but HEAD), and so does a POST answered 301 or 302.
    const toGet = (response.status === 303 && wire.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && wire.method === 'POST')
    const headers = toGet ? wire.headers.filter(([name]) => !/^content-/i.test(name)) : wire.headers
    wire = { url: next.href, method: toGet ? 'GET' : wire.method, headers, body: toGet ? null : wire.body }
  }
}

/** Starts listening to preview pages; returns the function that stops it. */
export function listenToPreviewPages(options: PageBridgeOptions): () => void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { __preview?: string } | null
    if (!data || typeof data !== 'object' || !data.__preview || !options.isPreviewWindow(event.source)) return
    const source = event.source as Window
    if (data.__preview === 'loaded') {
      const loaded = data as { page: string; title: string }
      options.onLoaded?.(String(loaded.page), String(loaded.title ?? ''))
    } else if (data.__preview === 'cookie') {
      const write = data as { text: string; page: string }
      source.postMessage({ __preview: 'cookies', cookies: options.writeCookie(String(write.text), String(write.page)) }, '*')
    } else if (data.__preview === 'request') {
      const request = data as unknown as PageRequest
      void servePageRequest(request, options.serve)
        .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
        .then((result) => {
          if ('error' in result) {
            source.postMessage({ __preview: 'response', id: request.id, error: result.error }, '*')
            return
          }
          const { response, url, redirected } = result
          const body = response.body ? response.body.slice().buffer : null
          const message = {
            __preview: 'response',
            id: request.id,
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
            body,
            url,
            redirected,
            cookies: response.script_cookies,
          }
          source.postMessage(message, '*', body ? [body] : [])
        })
    }
  }
  window.addEventListener('message', onMessage)
  return () => window.removeEventListener('message', onMessage)
}
