/**
 * The browser's view of a composer exchange. The composer is Django's test client, which sends every
 * cookie in the jar whatever its path, domain or expiry; the jar is also the preview's browser
 * profile, so each cookie the response set is stamped (when, and whether a browser would refuse it),
 * and the exchange says when a browser would have sent another Cookie header for the same URL.
 */
import { browserCookieHeader, mergeClientJar, SITE_ORIGIN } from '../cookies/index.ts'
import type { Exchange, JarCookie } from '../protocol.ts'

/**
 * `k=v; k2=v2` as the view would read it: sorted, and a value's surrounding double quotes dropped
 * (the test client quotes an empty value as `""`), so neither order nor quoting alone is a difference.
 */
const pairs = (header: string): string[] =>
  header
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => pair.replace(/^([^=]*=)"(.*)"$/, '$1$2'))
    .sort()

/** Adds the browser's notes to a composer exchange run with `before` as the jar. */
export function with_browser_view(exchange: Exchange, before: JarCookie[], now = Date.now()): Exchange {
  if (exchange.failure) return exchange
  const path = exchange.composed.url.startsWith('/') ? exchange.composed.url : `/${exchange.composed.url}`
  const url = `${exchange.composed.secure ? SITE_ORIGIN.replace('http:', 'https:') : SITE_ORIGIN}${path}`
  const set_cookies = exchange.response?.set_cookies.map((c) => c.header) ?? []
  const merged = mergeClientJar(before, exchange.jar, set_cookies, url, now)
  exchange.jar = merged.jar
  if (merged.notes.length) exchange.cookie_notes = merged.notes
  const sent = exchange.request?.META.HTTP_COOKIE
  if (sent !== undefined) {
    const browser = browserCookieHeader(before, url, now)
    if (pairs(sent).join('\n') !== pairs(browser).join('\n')) exchange.browser_cookie = { sent, browser }
  }
  return exchange
}
