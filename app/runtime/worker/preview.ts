/**
 * Real browser requests from the preview pane (handed over by the service worker) served through an
 * ASGIHandler with `fetch_handler`. The service worker cannot see the browser's Cookie header, and a
 * `Request`/`Response` built in script drops Cookie and Set-Cookie, so the runtime keeps the preview's
 * own cookie jar: it adds the Cookie header to each scope and takes Set-Cookie from what is sent back.
 */
import { ASGIHandler, fetch_handler, SimpleCookie, with_settings } from '../../engine/index.ts'
import type { AsgiReceive, AsgiScope, AsgiSend } from '../../engine/handlers/asgi-request.ts'
import type { WireRequest, WireResponse } from '../protocol.ts'
import type { Site } from './site.ts'

const enc = new TextEncoder()
const dec = new TextDecoder('latin1')

/** An ASGIHandler that reads cookies from and writes them to the preview's jar. */
class PreviewHandler extends ASGIHandler {
  jar = new SimpleCookie()
  set_cookies: string[] = []

  override async __call__(scope: AsgiScope, receive: AsgiReceive, send: AsgiSend): Promise<void> {
    const cookie = this.jar
      .values()
      .map((m) => `${m.key}=${m.coded_value}`)
      .join('; ')
    if (cookie) scope.headers = [...(scope.headers ?? []).filter(([n]) => dec.decode(n).toLowerCase() !== 'cookie'), [enc.encode('cookie'), enc.encode(cookie)]]
    this.set_cookies = []
    const capture: AsgiSend = async (message) => {
      if (message.type === 'http.response.start') {
        for (const [name, value] of message.headers ?? []) {
          if (dec.decode(name).toLowerCase() === 'set-cookie') this.#keep(dec.decode(value))
        }
      }
      await send(message)
    }
    await super.__call__(scope, receive, capture)
  }

  #keep(header: string): void {
    this.set_cookies.push(header)
    const parsed = new SimpleCookie()
    parsed.load(header)
    for (const [key, morsel] of parsed.items()) {
      const max_age = morsel.get('max-age', '')
      // Django deletes with `Max-Age=0` and an expiry in 1970.
      if (String(max_age) === '0' || /1970/.test(String(morsel.get('expires', '')))) this.jar.delete(key)
      else this.jar.setitem(key, morsel)
    }
  }
}

/** The preview's handler for a site (one per site, so its jar lives as long as the site). */
const handlers = new WeakMap<Site, { handler: PreviewHandler; serve: (r: Request) => Promise<Response> }>()

/** Answers one preview request. */
export async function run_fetch(site: Site, wire: WireRequest): Promise<WireResponse> {
  return with_settings(site.settings, async () => {
    let entry = handlers.get(site)
    if (!entry) {
      const handler = new PreviewHandler()
      entry = { handler, serve: fetch_handler(handler) }
      handlers.set(site, entry)
    }
    const method = wire.method.toUpperCase()
    const body = method === 'GET' || method === 'HEAD' ? null : wire.body
    const request = new Request(wire.url, { method, headers: wire.headers, body: body as BodyInit | null })
    const response = await entry.serve(request)
    const headers: Array<[string, string]> = [...response.headers].filter(([n]) => n.toLowerCase() !== 'set-cookie')
    for (const value of entry.handler.set_cookies) headers.push(['Set-Cookie', value])
    const bytes = response.body ? new Uint8Array(await response.arrayBuffer()) : null
    return { status: response.status, statusText: response.statusText, headers, body: bytes }
  })
}
