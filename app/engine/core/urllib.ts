/**
 * The parts of Python's urllib.parse that Django's behaviour depends on: quote/unquote,
 * urlsplit/urljoin and parse_qsl, with CPython's exact rules.
 */
import { decode, encode, is_utf8_codec, type CodecErrors } from './encoding.ts'
import { ValueError } from './exceptions.ts'

const HEX = '0123456789ABCDEF'
const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/

function toBytes(value: string | Uint8Array, encoding: string, errors: CodecErrors): Uint8Array {
  return typeof value === 'string' ? encode(value, encoding, errors) : value
}

/** `quote(string, safe='/', encoding='utf-8')`: percent-encode all but unreserved and `safe`. */
export function quote(value: string | Uint8Array, safe = '/', encoding = 'utf-8', errors: CodecErrors = 'strict'): string {
  const keep = new Set<number>()
  for (const ch of safe) if (ch.charCodeAt(0) < 128) keep.add(ch.charCodeAt(0))
  let out = ''
  for (const byte of toBytes(value, encoding, errors)) {
    const ch = String.fromCharCode(byte)
    out += byte < 128 && (ALWAYS_SAFE.test(ch) || keep.has(byte)) ? ch : '%' + HEX[byte >> 4] + HEX[byte & 15]
  }
  return out
}

/** `quote_plus(string, safe='')`: as quote, with spaces as `+`. */
export function quote_plus(value: string | Uint8Array, safe = '', encoding = 'utf-8', errors: CodecErrors = 'strict'): string {
  const hasSpace = typeof value === 'string' ? value.includes(' ') : value.includes(0x20)
  if (!hasSpace) return quote(value, safe, encoding, errors)
  return quote(value, safe + ' ', encoding, errors).replace(/ /g, '+')
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 70) return code - 55
  if (code >= 97 && code <= 102) return code - 87
  return -1
}

/** `unquote_to_bytes`: `%XX` escapes to bytes, the rest UTF-8; malformed escapes stay literal. */
export function unquote_to_bytes(text: string): Uint8Array {
  const raw = encode(text, 'utf-8')
  const out = new Uint8Array(raw.length)
  let n = 0
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!
    if (b === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw[i + 1]!)
      const lo = hexValue(raw[i + 2]!)
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo
        i += 2
        continue
      }
    }
    out[n++] = b
  }
  return out.slice(0, n)
}

/** `unquote(string, encoding, errors='replace')`. */
export function unquote(text: string, encoding = 'utf-8', errors: CodecErrors = 'replace'): string {
  if (!text.includes('%')) return text
  // Python decodes each run of escapes on its own, so literal text between runs is kept as is.
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decode(unquote_to_bytes(run), encoding, errors))
}

/** `unquote_plus`: `+` as space, then unquote. */
export function unquote_plus(text: string, encoding = 'utf-8', errors: CodecErrors = 'replace'): string {
  return unquote(text.replace(/\+/g, ' '), encoding, errors)
}

/** The result of `urlsplit`. */
export interface SplitResult {
  scheme: string
  netloc: string
  path: string
  query: string
  fragment: string
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/

/** `urlsplit(url)` with CPython 3.11+ rules (leading C0/space stripped, tabs and newlines removed). */
export function urlsplit(input: string, defaultScheme = ''): SplitResult {
  // eslint-disable-next-line no-control-regex
  let url = input.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '')
  let scheme = defaultScheme
  let netloc = ''
  let query = ''
  let fragment = ''
  const colon = url.indexOf(':')
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase()
    url = url.slice(colon + 1)
  }
  if (url.startsWith('//')) {
    const rest = url.slice(2)
    const end = rest.search(/[/?#]/)
    netloc = end < 0 ? rest : rest.slice(0, end)
    url = end < 0 ? '' : rest.slice(end)
    if ((netloc.includes('[') && !netloc.includes(']')) || (netloc.includes(']') && !netloc.includes('['))) {
      throw new ValueError('Invalid IPv6 URL')
    }
  }
  const hash = url.indexOf('#')
  if (hash >= 0) {
    fragment = url.slice(hash + 1)
    url = url.slice(0, hash)
  }
  const q = url.indexOf('?')
  if (q >= 0) {
    query = url.slice(q + 1)
    url = url.slice(0, q)
  }
  return { scheme, netloc, path: url, query, fragment }
}

/** `urlunsplit`. */
/** Python's `urllib.parse.uses_netloc`: schemes whose URLs carry `//netloc`. */
const USES_NETLOC = new Set([
  '', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp', 'snews',
  'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss', 'itms-services',
])

export function urlunsplit({ scheme, netloc, path, query, fragment }: SplitResult): string {
  let url = path
  if (netloc) {
    if (url && !url.startsWith('/')) url = '/' + url
    url = '//' + netloc + url
  } else if (url.startsWith('//')) {
    url = '//' + url
  } else if (scheme && USES_NETLOC.has(scheme) && (!url || url.startsWith('/'))) {
    // Python keeps the `//` of a netloc scheme with an empty host: `https:///login/`.
    url = '//' + url
  }
  if (scheme) url = scheme + ':' + url
  if (query) url += '?' + query
  if (fragment) url += '#' + fragment
  return url
}

/** The host part of a netloc as `SplitResult.hostname` gives it: no userinfo or port, lower case. */
export function split_hostname(netloc: string): string | null {
  const host = netloc.slice(netloc.lastIndexOf('@') + 1)
  let name: string
  if (host.startsWith('[')) {
    const end = host.indexOf(']')
    name = host.slice(1, end < 0 ? undefined : end)
  } else {
    const colon = host.indexOf(':')
    name = colon < 0 ? host : host.slice(0, colon)
  }
  return name ? name.toLowerCase() : null
}

/**
 * Python's `SplitResult.port` for a netloc: the number after the host, null when there is none;
 * ValueError for a port that is not a number or out of range.
 */
export function split_port(netloc: string): number | null {
  const host = netloc.slice(netloc.lastIndexOf('@') + 1)
  const after = host.startsWith('[') ? host.slice(host.indexOf(']') + 1) : host
  const colon = after.indexOf(':')
  const port = colon < 0 ? '' : after.slice(colon + 1)
  if (!port) return null
  if (!/^[0-9]+$/.test(port)) throw new ValueError(`Port could not be cast to integer value as '${port}'`)
  const value = Number(port)
  if (value > 65535) throw new ValueError('Port out of range 0-65535')
  return value
}

const USES_RELATIVE = new Set(['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss'])

/** `urljoin(base, url)`: RFC 3986 reference resolution with CPython's quirks. */
export function urljoin(base: string, url: string): string {
  if (!base) return url
  if (!url) return base
  const b = urlsplit(base)
  const r = urlsplit(url, b.scheme)
  const scheme = r.scheme
  if (scheme !== b.scheme || !USES_RELATIVE.has(scheme)) return url
  if (r.netloc) return urlunsplit({ ...r, scheme })
  const netloc = b.netloc
  if (!r.path && !r.fragment && !r.query) {
    return urlunsplit({ scheme, netloc, path: b.path, query: b.query, fragment: r.fragment })
  }
  if (!r.path) {
    return urlunsplit({ scheme, netloc, path: b.path, query: r.query || b.query, fragment: r.fragment })
  }
  const baseParts = b.path.split('/')
  if (baseParts[baseParts.length - 1] !== '') baseParts.pop()
  let segments: string[]
  if (r.path.startsWith('/')) {
    segments = r.path.split('/')
  } else {
    segments = [...baseParts, ...r.path.split('/')]
    // Empty middle segments are dropped (CPython: filter(None, segments[1:-1])).
    segments = [segments[0]!, ...segments.slice(1, -1).filter((s) => s !== ''), segments[segments.length - 1]!]
  }
  const resolved: string[] = []
  for (const seg of segments) {
    if (seg === '..') {
      if (resolved.length > 0) resolved.pop()
    } else if (seg !== '.') {
      resolved.push(seg)
    }
  }
  const last = segments[segments.length - 1]
  if (last === '.' || last === '..') resolved.push('')
  return urlunsplit({ scheme, netloc, path: resolved.join('/') || '/', query: r.query, fragment: r.fragment })
}

/** Options for `parse_qsl`. */
export interface ParseQslOptions {
  keep_blank_values?: boolean
  encoding?: string
  errors?: CodecErrors
  max_num_fields?: number | null
  separator?: string
}

/**
 * `unquote_plus(qs.slice(start, end))` for UTF-8 (any `errors`) when every well-formed escape is an
 * ASCII byte: such escapes decode to that character whatever follows, and the rest is kept as is.
 * Null when an escape is a byte above 0x7F (the caller then takes the general path).
 */
export function unquotePlusAscii(qs: string, start: number, end: number): string | null {
  let out = ''
  let last = start
  for (let i = start; i < end; i++) {
    const c = qs.charCodeAt(i)
    if (c === 0x2b) {
      out += qs.slice(last, i) + ' '
      last = i + 1
    } else if (c === 0x25 && i + 2 < end) {
      const hi = hexValue(qs.charCodeAt(i + 1))
      const lo = hexValue(qs.charCodeAt(i + 2))
      if (hi < 0 || lo < 0) continue
      if (hi >= 8) return null
      out += qs.slice(last, i) + String.fromCharCode(hi * 16 + lo)
      i += 2
      last = i + 1
    }
  }
  return last === start ? qs.slice(start, end) : out + qs.slice(last, end)
}

/** Python's `s.count(sub)` for a non-empty `sub`. */
function countOf(s: string, sub: string): number {
  let n = 0
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++
  return n
}

/** `parse_qsl`: `&`-separated pairs, `+` as space, percent-decoding with `encoding`. */
export function parse_qsl(qs: string, options: ParseQslOptions = {}): Array<[string, string]> {
  const { keep_blank_values = false, encoding = 'utf-8', errors = 'replace', max_num_fields = null, separator = '&' } = options
  if (!qs) return []
  if (!separator) return parseQslSplit(qs, keep_blank_values, encoding, errors, max_num_fields, separator)
  if (max_num_fields !== null && max_num_fields < 1 + countOf(qs, separator)) {
    throw new ValueError('Max number of fields exceeded')
  }
  const utf8 = is_utf8_codec(encoding)
  const unquote = (start: number, end: number): string =>
    (utf8 ? unquotePlusAscii(qs, start, end) : null) ?? unquote_plus(qs.slice(start, end), encoding, errors)
  const pairs: Array<[string, string]> = []
  // Scans in place (no split into segment strings); the same fields as `qs.split(separator)`.
  const step = separator.length
  // The first '=' at or after the last search start (-1: none left), so the scan stays linear.
  let nextEq = -2
  for (let start = 0; start <= qs.length; ) {
    let end = qs.indexOf(separator, start)
    if (end < 0) end = qs.length
    if (end > start) {
      if (nextEq !== -1 && nextEq < start) nextEq = qs.indexOf('=', start)
      const eq = nextEq >= 0 && nextEq < end ? nextEq : -1
      if (eq >= 0 ? eq + 1 < end || keep_blank_values : keep_blank_values) {
        pairs.push(eq < 0 ? [unquote(start, end), ''] : [unquote(start, eq), unquote(eq + 1, end)])
      }
    }
    start = end + step
  }
  return pairs
}

// The straightforward form, kept for an empty separator (split into single characters).
function parseQslSplit(
  qs: string,
  keepBlank: boolean,
  encoding: string,
  errors: CodecErrors,
  maxNumFields: number | null,
  separator: string,
): Array<[string, string]> {
  if (maxNumFields !== null && maxNumFields < qs.split(separator).length) {
    throw new ValueError('Max number of fields exceeded')
  }
  const pairs: Array<[string, string]> = []
  for (const segment of qs.split(separator)) {
    if (!segment) continue
    const eq = segment.indexOf('=')
    const name = eq < 0 ? segment : segment.slice(0, eq)
    const value = eq < 0 ? '' : segment.slice(eq + 1)
    if (!value && !keepBlank) continue
    pairs.push([unquote_plus(name, encoding, errors), unquote_plus(value, encoding, errors)])
  }
  return pairs
}
