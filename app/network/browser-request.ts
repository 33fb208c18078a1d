/** A request the browser made to the preview (through the service worker) as the runtime takes it. */
import type { WireRequest } from '../runtime/protocol.ts'
import { SITE_ORIGIN, toSiteUrl } from './prefix.ts'

/** Marks a navigation (its value the destination: `iframe`, `document`); set by the patched worker. */
export const NAVIGATE_HEADER = 'x-playground-navigate'

/** Headers never passed on: the app's own cookies, and the worker's marker. */
const DROPPED = new Set(['cookie', NAVIGATE_HEADER])

/**
 * The site's view of a browser request. A preview page is sandboxed (opaque origin), so its browser
 * sends `Origin: null`; as the page stands for the site, Origin and Referer name the site instead,
 * just as they would for a page served by the site itself.
 */
export async function wireRequestOf(request: Request, realOrigin: string): Promise<WireRequest> {
  const headers: Array<[string, string]> = []
  for (const [name, value] of request.headers) {
    if (DROPPED.has(name)) continue
    if (name === 'origin') headers.push([name, SITE_ORIGIN])
    else if (name === 'referer') {
      if (value.startsWith(`${realOrigin}/`)) headers.push([name, toSiteUrl(value)])
    } else headers.push([name, value])
  }
  const method = request.method.toUpperCase()
  const body = method === 'GET' || method === 'HEAD' ? null : new Uint8Array(await request.arrayBuffer())
  return { url: toSiteUrl(request.url), method, headers, body }
}
