/**
 * The runtime's answer as the browser gets it in the preview: sandboxed (so a page from a shared
 * link cannot reach the playground), its redirects pointed back under the prefix, and, for HTML, the
 * page bridge injected first so the page's own fetch/XHR and `document.cookie` reach the site.
 */
import type { WireResponse } from '../runtime/protocol.ts'
import { shimTag } from './page-shim.ts'
import { SITE_ORIGIN, SITE_PREFIX, toPreviewPath } from './prefix.ts'

/** An opaque origin for every preview document: no storage, cookies or DOM of the playground. */
export const PREVIEW_CSP = 'sandbox allow-scripts allow-forms allow-downloads'

/** Statuses whose Response has no body (Fetch's null body statuses). */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

const latin1 = new TextDecoder('latin1')

/** Where the bridge goes in an HTML body: after `<head>`, else after `<html>` or the doctype, else first. */
export function injectionOffset(body: Uint8Array): number {
  // latin-1 maps each byte to one character, so string offsets are byte offsets whatever the charset.
  const text = latin1.decode(body.subarray(0, 64 * 1024))
  for (const pattern of [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i]) {
    const match = pattern.exec(text)
    if (match) return match.index + match[0].length
  }
  return 0
}

/** `body` with the page bridge inserted for a page at `siteUrl`. */
export function withShim(body: Uint8Array, siteUrl: string, cookies: string): Uint8Array {
  const tag = new TextEncoder().encode(shimTag({ siteOrigin: SITE_ORIGIN, prefix: SITE_PREFIX, url: siteUrl, cookies }))
  const at = injectionOffset(body)
  const out = new Uint8Array(body.length + tag.length)
  out.set(body.subarray(0, at), 0)
  out.set(tag, at)
  out.set(body.subarray(at), at + tag.length)
  return out
}

/** A streamed body with the bridge injected into its first chunk. */
function shimFirstChunk(body: ReadableStream<Uint8Array>, siteUrl: string, cookies: string): ReadableStream<Uint8Array> {
  let first = true
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(first ? withShim(chunk, siteUrl, cookies) : chunk)
        first = false
      },
    }),
  )
}

/**
 * The Response the service worker gives the browser for `wire`, answering the site URL `siteUrl`;
 * `stream`, when given, is the body as a streaming view yields it (wire.body is then unused).
 */
export function previewResponse(wire: WireResponse, siteUrl: string, stream?: ReadableStream<Uint8Array>): Response {
  const headers = new Headers()
  for (const [name, value] of wire.headers) {
    if (name.toLowerCase() === 'location') headers.append(name, toPreviewPath(value, siteUrl) ?? value)
    else headers.append(name, value)
  }
  headers.append('Content-Security-Policy', PREVIEW_CSP)
  const html = /^text\/html\b/i.test(headers.get('content-type') ?? '')
  let body: Uint8Array | ReadableStream<Uint8Array> | null = NULL_BODY.has(wire.status) ? null : (stream ?? wire.body)
  if (body && html) {
    body = body instanceof Uint8Array ? withShim(body, siteUrl, wire.script_cookies ?? '') : shimFirstChunk(body, siteUrl, wire.script_cookies ?? '')
    headers.delete('content-length')
  }
  // A Response takes 200–599 only; anything else a view invents is shown, not thrown.
  if (wire.status < 200 || wire.status > 599) {
    const text = `The view answered with status ${wire.status}, which a browser cannot show.`
    return new Response(text, { status: 502, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': PREVIEW_CSP } })
  }
  return new Response(body as BodyInit | null, { status: wire.status, statusText: wire.statusText, headers })
}
