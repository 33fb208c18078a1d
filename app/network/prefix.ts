/**
 * Where the site lives in the real browser. The app serves the user's site under one URL prefix
 * (`/site/`); the views see it at the root of `http://testserver`, as `runserver` would serve it,
 * so the adapter maps each URL between the two, the way a reverse proxy maps a mounted site.
 */
import { SITE_ORIGIN } from '../runtime/cookies/index.ts'

/** The prefix the service worker answers; nothing else of the app's origin ever reaches it. */
export const SITE_PREFIX = '/site/'

export { SITE_ORIGIN }

/** The real URL's path and query as the site's URL (`/site/echo/?a=1` → `http://testserver/echo/?a=1`). */
export function toSiteUrl(real: string): string {
  const url = new URL(real)
  const root = SITE_PREFIX.slice(0, -1)
  const path = url.pathname === root ? '/' : url.pathname.startsWith(SITE_PREFIX) ? url.pathname.slice(root.length) : url.pathname
  return `${SITE_ORIGIN}${path}${url.search}`
}

/**
 * The real path for a site URL or path (`/echo/` → `/site/echo/`), resolved against `base` (a site
 * URL); null when it points elsewhere (another host), which a browser would leave as it is.
 */
export function toPreviewPath(target: string, base: string = `${SITE_ORIGIN}/`): string | null {
  let url: URL
  try {
    url = new URL(target, base)
  } catch {
    return null
  }
  if (url.origin !== SITE_ORIGIN) return null
  return `${SITE_PREFIX.slice(0, -1)}${url.pathname}${url.search}${url.hash}`
}
