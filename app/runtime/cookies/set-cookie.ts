/**
 * A Set-Cookie value as Chromium parses it (RFC 6265bis §5.6): the name, the value and the attributes a
 * browser keeps, or why it drops the line whole. The rules that decide whether it is stored are in browser.ts.
 */
import { defaultPath, parseDate } from 'tough-cookie'
import type { JarCookie } from '../protocol.ts'

type Attrs = JarCookie['attrs']

const MAX_NAME_VALUE_BYTES = 4096
const MAX_ATTRIBUTE_BYTES = 1024
const utf8 = new TextEncoder()

const byteLength = (text: string): number => utf8.encode(text).length

// Cookie parsing trims spaces and tabs only, not every Unicode space.
const trimWs = (text: string): string => text.replace(/^[ \t]+|[ \t]+$/g, '')

/** Any control character but tab: Chromium drops such a line whole rather than truncating it. */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true
  }
  return false
}

/** A Set-Cookie line as Chromium parses it (RFC 6265bis §5.6). */
export interface Parsed {
  key: string
  value: string
  attrs: Attrs
  /** A Domain attribute was there, even an empty one: `__Host-` forbids any. */
  hasDomain: boolean
  /** The last Path attribute as sent, or null. */
  pathAttr: string | null
}

export type Parse = { ok: true; cookie: Parsed } | { ok: false; key: string; value: string; reason: string }

/** Parses one Set-Cookie value received for a request to `requestPath` (the default-path comes from it). */
export function parseSetCookie(text: string, requestPath: string): Parse {
  const semi = text.indexOf(';')
  const pair = semi === -1 ? text : text.slice(0, semi)
  const eq = pair.indexOf('=')
  // Without '=', the whole pair is the value of a nameless cookie.
  const key = eq === -1 ? '' : trimWs(pair.slice(0, eq))
  const value = trimWs(eq === -1 ? pair : pair.slice(eq + 1))
  const refuse = (reason: string): Parse => ({ ok: false, key, value, reason: `Refused: ${reason}` })
  if (hasControl(text)) return refuse('the header contains a control character, so the browser ignores it')
  if (key === '' && value === '') return refuse('the header has neither a cookie name nor a value')
  const size = byteLength(key) + byteLength(value)
  if (size > MAX_NAME_VALUE_BYTES) {
    return refuse(`the name and value are ${size} bytes together, over the ${MAX_NAME_VALUE_BYTES}-byte limit`)
  }
  let expires: string | undefined
  let maxAge: number | undefined
  let domain: string | undefined
  let path: string | undefined
  let sameSite: string | undefined
  let hasDomain = false
  let pathAttr: string | null = null
  const flags: Attrs = {}
  for (const av of semi === -1 ? [] : text.slice(semi + 1).split(';')) {
    const sep = av.indexOf('=')
    const name = trimWs(sep === -1 ? av : av.slice(0, sep)).toLowerCase()
    const raw = sep === -1 ? '' : trimWs(av.slice(sep + 1))
    if (byteLength(raw) > MAX_ATTRIBUTE_BYTES) continue
    // The last occurrence of an attribute wins, and only then is its value checked: Chromium keeps a
    // cookie whose last Max-Age is not a number even after an earlier Max-Age=0 (seen against Chromium).
    if (name === 'expires') {
      expires = parseDate(raw) ? raw : undefined
    } else if (name === 'max-age') {
      maxAge = /^-?\d+$/.test(raw) ? parseInt(raw, 10) : undefined
    } else if (name === 'domain') {
      hasDomain = true
      domain = raw.replace(/^\./, '') === '' ? undefined : raw
    } else if (name === 'path') {
      pathAttr = raw
      path = raw.startsWith('/') ? raw : undefined
    } else if (name === 'samesite') {
      sameSite = raw === '' ? undefined : raw
    } else if (name === 'secure' || name === 'httponly' || name === 'partitioned') {
      flags[name] = true
    }
  }
  const attrs: Attrs = { path: path ?? defaultPath(requestPath) }
  if (domain !== undefined) attrs.domain = domain
  if (expires !== undefined) attrs.expires = expires
  if (maxAge !== undefined) attrs['max-age'] = maxAge
  Object.assign(attrs, flags)
  if (sameSite !== undefined) attrs.samesite = sameSite
  return { ok: true, cookie: { key, value, attrs, hasDomain, pathAttr } }
}
