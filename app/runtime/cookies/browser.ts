/**
 * The shared cookie jar as Chromium sees it: the Cookie header it sends, what `document.cookie` shows, and what it
 * keeps from a response or a script write. Pure functions over `JarCookie[]`. The jar stays keyed by name, as
 * Django's SimpleCookie is, so one name holds one cookie whatever its path or domain.
 */
import { canonicalDomain, domainMatch, getPublicSuffix, parseDate, pathMatch } from 'tough-cookie'
import type { JarCookie } from '../protocol.ts'
import { hasControl, parseSetCookie, type Parsed } from './set-cookie.ts'

/** The site's origin, as both the composer's test client and the preview pane see it. */
export const SITE_ORIGIN = 'http://testserver'

/** What a browser made of one cookie: `note` is a one-sentence reason. */
export interface CookieNote {
  key: string
  note: string
}

/** A jar after cookies were stored, with a note for each refused one. */
export interface JarUpdate {
  jar: JarCookie[]
  notes: CookieNote[]
}


// A cookie without a Domain attribute belongs to the host that set it, and only the site sets cookies here.
const SITE_HOST = new URL(SITE_ORIGIN).hostname
// Chromium caps every cookie's lifetime at 400 days from when it was stored.
const MAX_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000

/** Python-style truthiness for morsel flags (`secure`, `httponly`): unset is absent, '' or false. */
const isSet = (value: unknown): boolean => value !== undefined && value !== false && value !== ''

/** Max-Age as whole seconds, or null when it is not an integer (a browser ignores it then). */
function maxAgeOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return parseInt(value, 10)
  return null
}

/** Whether the cookie has expired at `now`: Max-Age wins over Expires, and an unparsable Expires is ignored. */
export function isExpired(cookie: JarCookie, now: number): boolean {
  const maxAge = maxAgeOf(cookie.attrs['max-age'])
  let expiry: number | null
  if (maxAge !== null) {
    if (maxAge <= 0) return true
    // Without a store time the countdown cannot have started.
    if (cookie.set_at === undefined) return false
    expiry = cookie.set_at + maxAge * 1000
  } else {
    const expires = cookie.attrs.expires
    expiry = typeof expires === 'string' ? (parseDate(expires)?.getTime() ?? null) : null
  }
  if (expiry === null) return false
  if (cookie.set_at !== undefined) expiry = Math.min(expiry, cookie.set_at + MAX_LIFETIME_MS)
  return now >= expiry
}

/** The parts of a request URL that cookies care about. */
interface Target {
  host: string
  path: string
  secure: boolean
}

function targetOf(url: string): Target {
  const parsed = new URL(url, SITE_ORIGIN)
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:'
  // tough-cookie's canonical domains drop an IPv6 address's brackets.
  const host = parsed.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return { host, path: parsed.pathname || '/', secure }
}

/** A cookie's path; a missing or relative one (set by hand or through Django) counts as '/'. */
function pathOf(cookie: JarCookie): string {
  const path = cookie.attrs.path
  return typeof path === 'string' && path.startsWith('/') ? path : '/'
}

/** A Domain attribute without its leading dot, canonical; null when absent, empty or not a host name. */
function canonicalOf(domain: unknown): string | null {
  if (typeof domain !== 'string') return null
  try {
    return canonicalDomain(domain) || null
  } catch {
    return null
  }
}

/** The registrable domain (eTLD+1), undefined for an IP, an intranet name such as `testserver` or a public suffix. */
function registrableOf(host: string): string | undefined {
  try {
    return getPublicSuffix(host, { ignoreError: true })
  } catch {
    return undefined
  }
}

function suffixMatch(host: string, domain: string): boolean {
  try {
    return domainMatch(host, domain) === true
  } catch {
    return false
  }
}

/** Whether a stored cookie's domain covers `host`. */
function domainCovers(cookie: JarCookie, host: string): boolean {
  const domain = canonicalOf(cookie.attrs.domain)
  if (domain === null) return host === SITE_HOST
  if (domain === host) return true
  // Chromium stores a Domain that has no registrable part (testserver, an IP) as a host-only cookie.
  return registrableOf(domain) !== undefined && suffixMatch(host, domain)
}

/** The cookies a browser would hand out for `url`, in RFC 6265 §5.4 order. */
function sendable(jar: readonly JarCookie[], url: string, now: number, forScript: boolean): JarCookie[] {
  const target = targetOf(url)
  const picked = jar
    .map((cookie, index) => ({ cookie, index, path: pathOf(cookie) }))
    .filter(({ cookie, path }) => {
      if (cookie.refused || isExpired(cookie, now)) return false
      if (isSet(cookie.attrs.secure) && !target.secure) return false
      if (forScript && isSet(cookie.attrs.httponly)) return false
      return pathMatch(target.path, path) && domainCovers(cookie, target.host)
    })
  // Longer paths first, then the earlier stored; the jar's order breaks ties (cookies from one response).
  picked.sort(
    (a, b) => b.path.length - a.path.length || (a.cookie.set_at ?? 0) - (b.cookie.set_at ?? 0) || a.index - b.index,
  )
  return picked.map(({ cookie }) => cookie)
}

// A nameless cookie is sent as its bare value, as Chromium does.
const pairOf = (cookie: JarCookie): string => (cookie.key === '' ? cookie.value : `${cookie.key}=${cookie.value}`)

/** The Cookie header Chromium would send with a top-level, same-site request to `url`; '' when none. */
export function browserCookieHeader(jar: JarCookie[], url: string, now: number): string {
  return sendable(jar, url, now, false).map(pairOf).join('; ')
}

/** What `document.cookie` reads on a page at `url`: the same cookies, without the HttpOnly ones. */
export function scriptCookies(jar: JarCookie[], url: string, now: number): string {
  return sendable(jar, url, now, true).map(pairOf).join('; ')
}

/** Why the Domain attribute keeps the cookie out, or null when it is absent or allowed. */
function domainRefusal(cookie: Parsed, host: string): string | null {
  const raw = cookie.attrs.domain
  if (typeof raw !== 'string') return null
  const domain = canonicalOf(raw)
  if (domain === null) return `Refused: Domain=${raw} is not a valid host name`
  if (domain === host) return null
  const mismatch = `Refused: Domain=${raw} does not match the request host ${host}`
  const site = registrableOf(host)
  // An IP or intranet host may only name itself.
  if (site === undefined || !suffixMatch(host, domain)) return mismatch
  if (registrableOf(domain) !== site) return `Refused: Domain=${raw} is a public suffix, which ${host} cannot use`
  return null
}

/** Whether an existing cookie and a new one could be the same cookie to Chromium (RFC 6265bis §5.7 step 16). */
function overlaps(existing: JarCookie, cookie: Parsed, host: string): boolean {
  const oldDomain = canonicalOf(existing.attrs.domain) ?? SITE_HOST
  const newDomain = canonicalOf(cookie.attrs.domain) ?? host
  const domainsMeet = suffixMatch(oldDomain, newDomain) || suffixMatch(newDomain, oldDomain)
  return domainsMeet && pathMatch(String(cookie.attrs.path), pathOf(existing))
}

interface Context {
  target: Target
  script: boolean
  /** The accepted cookie of that name, if any. */
  existing: JarCookie | undefined
}

/** Why Chromium would refuse a parsed cookie, or null when it would store it. */
function refusal(cookie: Parsed, { target, script, existing }: Context): string | null {
  const { key, attrs } = cookie
  const secure = attrs.secure === true
  if (script && attrs.httponly === true) return 'Refused: document.cookie cannot set an HttpOnly cookie'
  if (secure && !target.secure) return 'Refused: Secure cookies cannot be set from an http:// page'
  const lower = key.toLowerCase()
  if (key === '' && /^__(secure|host)-/i.test(cookie.value)) {
    return 'Refused: a cookie without a name cannot have a value that starts with __Secure- or __Host-'
  }
  if (lower.startsWith('__secure-') && !secure) return 'Refused: __Secure- cookies must be set with Secure'
  if (lower.startsWith('__host-')) {
    if (!secure) return 'Refused: __Host- cookies must be set with Secure'
    if (cookie.hasDomain) return 'Refused: __Host- cookies must not have a Domain attribute'
    if (cookie.pathAttr !== '/') return 'Refused: __Host- cookies must be set with Path=/'
  }
  const domainReason = domainRefusal(cookie, target.host)
  if (domainReason !== null) return domainReason
  if (typeof attrs.samesite === 'string' && attrs.samesite.toLowerCase() === 'none' && !secure) {
    return 'Refused: SameSite=None cookies must also be Secure'
  }
  if (attrs.partitioned === true && !secure) return 'Refused: Partitioned cookies must also be Secure'
  if (existing !== undefined) {
    if (script && isSet(existing.attrs.httponly)) return `Refused: a script cannot overwrite the HttpOnly cookie ${key}`
    if (!secure && !target.secure && isSet(existing.attrs.secure) && overlaps(existing, cookie, target.host)) {
      return `Refused: an http:// page cannot overwrite the Secure cookie ${key}`
    }
  }
  return null
}

interface Stored extends JarUpdate {
  /** Per cookie name, the outcome of its last Set-Cookie: the refusal reason, or null when accepted. */
  outcomes: Map<string, string | null>
}

/** Stores each line in order, as Chromium does with the Set-Cookie headers of one response. */
function store(jar: readonly JarCookie[], texts: readonly string[], url: string, now: number, script: boolean): Stored {
  const target = targetOf(url)
  const next = [...jar]
  const notes: CookieNote[] = []
  const outcomes = new Map<string, string | null>()
  for (const text of texts) {
    const parsed = parseSetCookie(String(text), target.path)
    const key = parsed.ok ? parsed.cookie.key : parsed.key
    const index = next.findIndex((entry) => entry.key === key)
    const current = index === -1 ? undefined : next[index]
    // An expired cookie is already gone from a browser's store.
    const existing = current !== undefined && !current.refused && !isExpired(current, now) ? current : undefined
    const reason = parsed.ok ? refusal(parsed.cookie, { target, script, existing }) : parsed.reason
    if (reason !== null) {
      notes.push({ key, note: reason })
      // A line with no usable name has nothing to list under.
      if (!parsed.ok && (key === '' || hasControl(key))) continue
      outcomes.set(key, reason)
      // A refusal never displaces the cookie the browser kept, only an earlier refusal.
      if (existing !== undefined) continue
      const [value, attrs] = parsed.ok ? [parsed.cookie.value, parsed.cookie.attrs] : [parsed.value, {}]
      const refused: JarCookie = { key, value, attrs, set_at: now, refused: reason }
      if (index === -1) next.push(refused)
      else next[index] = refused
      continue
    }
    // Unreachable (an unparsed line always has a reason); it narrows `parsed`.
    if (!parsed.ok) continue
    outcomes.set(key, null)
    const cookie: JarCookie = { key, value: parsed.cookie.value, attrs: parsed.cookie.attrs, set_at: now }
    // An already-expired cookie is how a server deletes one: drop the stored one, keep nothing.
    if (isExpired(cookie, now)) {
      if (index !== -1) next.splice(index, 1)
    } else if (index === -1) {
      next.push(cookie)
    } else {
      next[index] = cookie
    }
  }
  return { jar: next, notes, outcomes }
}

/** The jar after a browser receives these Set-Cookie header values in a response to `url`. */
export function storeResponseCookies(jar: JarCookie[], setCookies: string[], url: string, now: number): JarUpdate {
  const { jar: next, notes } = store(jar, setCookies, url, now, false)
  return { jar: next, notes }
}

/** The jar after `document.cookie = text` on a page at `url`: HttpOnly cookies are out of a script's reach. */
export function storeScriptCookie(jar: JarCookie[], text: string, url: string, now: number): JarUpdate {
  const { jar: next, notes } = store(jar, [text], url, now, true)
  return { jar: next, notes }
}

function withState(cookie: JarCookie, setAt: number | undefined, refused: string | undefined): JarCookie {
  const next: JarCookie = { key: cookie.key, value: cookie.value, attrs: cookie.attrs }
  if (setAt !== undefined) next.set_at = setAt
  if (refused) next.refused = refused
  return next
}

/**
 * The jar after a composer (test client) request: Django's jar (`after`) as is, in its order, with `set_at` and
 * `refused` saying what a browser would have made of the cookies this response set.
 */
export function mergeClientJar(
  before: JarCookie[],
  after: JarCookie[],
  setCookies: string[],
  url: string,
  now: number,
): JarUpdate {
  // Run the response through a browser's jar only to learn which cookies it would refuse, and why.
  const { outcomes } = store(before, setCookies, url, now, false)
  const previous = new Map(before.map((cookie) => [cookie.key, cookie]))
  const notes: CookieNote[] = []
  const jar = after.map((cookie) => {
    const outcome = outcomes.get(cookie.key)
    if (outcome !== undefined) {
      if (outcome !== null) notes.push({ key: cookie.key, note: outcome })
      return withState(cookie, now, outcome ?? undefined)
    }
    const old = previous.get(cookie.key)
    return old === undefined ? cookie : withState(cookie, old.set_at, old.refused)
  })
  return { jar, notes }
}
