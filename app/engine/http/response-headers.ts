/** Port of django/http/response.py (ResponseHeaders, BadHeaderError) and the MIME encoded-word rule of email.header. */
import { UnicodeDecodeError, UnicodeEncodeError, latin1_decode, utf8_encode } from '../core/encoding.ts'
import { KeyError, ValueError } from '../core/exceptions.ts'
import { pyrepr, pystr, str_repr } from '../core/python.ts'

/** Raised for a header name or value containing CR or LF (header injection). */
export class BadHeaderError extends ValueError {}

/** A header name as Django accepts it: str, or ASCII bytes. */
export type HeaderName = string | Uint8Array

/** What `ResponseHeaders(data)` accepts: a mapping, or an iterable of `[name, value]` pairs. */
export type ResponseHeadersInit =
  | ResponseHeaders
  | Map<HeaderName, unknown>
  | Record<string, unknown>
  | Iterable<readonly unknown[]>

const HEX = '0123456789ABCDEF'
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]]
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!
    out += c === undefined ? '=' : B64[c & 63]!
  }
  return out
}

// email.quoprimime header-safe bytes: letters, digits and `-!*+/`; space becomes `_`.
const Q_SAFE = new Set(utf8_encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-!*+/'))
const isQSafe = (b: number) => Q_SAFE.has(b)

/**
 * `email.header.Header(value, 'utf-8', maxlinelen=sys.maxsize).encode()`: one RFC 2047 encoded
 * word, base64 when strictly shorter than Q encoding.
 * DEVIATION(django): a value holding other line separators (\x0b, \x85, \u2028, ...) that Python
 * would fold into several words is encoded as one word.
 */
export function mime_encode_header(value: string): string {
  const bytes = utf8_encode(value)
  let qlen = 0
  for (const b of bytes) qlen += isQSafe(b) || b === 0x20 ? 1 : 3
  if (4 * Math.ceil(bytes.length / 3) < qlen) return `=?utf-8?b?${base64(bytes)}?=`
  let q = ''
  for (const b of bytes) q += b === 0x20 ? '_' : isQSafe(b) ? String.fromCharCode(b) : '=' + HEX[b >> 4] + HEX[b & 15]
  return `=?utf-8?q?${q}?=`
}

// Python's repr of one character inside a UnicodeEncodeError message.
function charEscape(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0')
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0')
  return '\\U' + cp.toString(16).padStart(8, '0')
}

/** The UnicodeEncodeError Python raises for `text.encode(codec)` where `limit` is the highest encodable code point. */
function encodeError(text: string, codec: string, limit: number, range: number): UnicodeEncodeError | null {
  let fits = true
  for (let i = 0; i < text.length && fits; i++) fits = text.charCodeAt(i) <= limit
  if (fits) return null
  const cps = [...text].map((ch) => ch.codePointAt(0)!)
  const start = cps.findIndex((cp) => cp > limit)
  if (start < 0) return null
  let end = start
  while (end < cps.length && cps[end]! > limit) end++
  const what =
    end - start === 1
      ? `character '${charEscape(cps[start]!)}' in position ${start}`
      : `characters in position ${start}-${end - 1}`
  return new UnicodeEncodeError(`'${codec}' codec can't encode ${what}: ordinal not in range(${range})`)
}

const hasNewline = (v: string | Uint8Array) =>
  typeof v === 'string' ? /[\r\n]/.test(v) : v.includes(0x0a) || v.includes(0x0d)

/**
 * Django's `_convert_to_charset`: a header name (`ascii`) or value (`latin-1`, MIME-encoded when
 * it is not) as a native string; CR/LF anywhere raise BadHeaderError.
 */
function convert(value: unknown, charset: 'ascii' | 'latin-1', mime_encode: boolean): string {
  let v: string | Uint8Array = value instanceof Uint8Array ? value : typeof value === 'string' ? value : pystr(value)
  let error: UnicodeEncodeError | UnicodeDecodeError | null = null
  if (typeof v === 'string') {
    error = encodeError(v, charset, charset === 'ascii' ? 0x7f : 0xff, charset === 'ascii' ? 128 : 256)
  } else if (charset === 'ascii') {
    const bad = v.findIndex((b) => b > 0x7f)
    if (bad >= 0) {
      const byte = v[bad]!.toString(16)
      const reason = 'ordinal not in range(128)'
      error = new UnicodeDecodeError(`'ascii' codec can't decode byte 0x${byte} in position ${bad}: ${reason}`)
    } else v = latin1_decode(v)
  } else v = latin1_decode(v)
  if (error === null) {
    if (hasNewline(v)) throw new BadHeaderError(`Header values can't contain newlines (got ${pyrepr(v)})`)
    return v as string
  }
  // The newline check comes first so an unencodable value cannot smuggle a newline through.
  if (hasNewline(v)) throw new BadHeaderError(`Header values can't contain newlines (got ${pyrepr(v)})`)
  if (mime_encode && typeof v === 'string') return mime_encode_header(v)
  error.message += `, HTTP response headers must be in ${charset} format`
  throw error
}

/**
 * Django's `ResponseHeaders`: case-insensitive, case-preserving header storage that converts
 * names to ASCII and values to latin-1 (or an RFC 2047 encoded word) on the way in.
 */
export class ResponseHeaders {
  // lower-cased name -> [name as last set, value]
  #store = new Map<string, [string, string]>()

  constructor(data: ResponseHeadersInit | null = null) {
    if (data) for (const [header, value] of ResponseHeaders._unpack_items(data)) this.setitem(header, value)
  }

  /** @internal CaseInsensitiveMapping._unpack_items: mapping items, or validated 2-item pairs. */
  static _unpack_items(data: ResponseHeadersInit): Array<[HeaderName, unknown]> {
    if (data instanceof ResponseHeaders) return data.items()
    if (data instanceof Map) return [...data.entries()]
    if (!(Symbol.iterator in data)) return Object.entries(data)
    const out: Array<[HeaderName, unknown]> = []
    let i = 0
    for (const elem of data as Iterable<readonly unknown[]>) {
      if (elem.length !== 2) {
        throw new ValueError(`dictionary update sequence element #${i} has length ${elem.length}; 2 is required.`)
      }
      if (typeof elem[0] !== 'string') {
        throw new ValueError(`Element key ${pyrepr(elem[0])} invalid, only strings are allowed`)
      }
      out.push([elem[0], elem[1]])
      i++
    }
    return out
  }

  /** `headers[key] = value`, converting both (see BadHeaderError, UnicodeError). */
  setitem(key: HeaderName, value: unknown): void {
    const name = convert(key, 'ascii', false)
    const converted = convert(value, 'latin-1', true)
    this.#store.set(name.toLowerCase(), [name, converted])
  }

  /** `headers[key]`, case-insensitive; KeyError when absent. */
  getitem(key: string): string {
    const entry = this.#store.get(key.toLowerCase())
    if (entry === undefined) throw new KeyError(str_repr(key))
    return entry[1]
  }

  /** `del headers[key]`; absent headers are ignored. */
  delitem(key: string): void {
    this.pop(key)
  }

  /** Removes a header and returns `[name, value]`, or `alternate` when absent (Django returns the stored pair). */
  pop<D = null>(key: string, alternate: D = null as D): [string, string] | D {
    const entry = this.#store.get(key.toLowerCase())
    if (entry === undefined) return alternate
    this.#store.delete(key.toLowerCase())
    return entry
  }

  /** Sets the header only when it is absent. */
  setdefault(key: string, value: unknown): void {
    if (!this.has(key)) this.setitem(key, value)
  }

  /** `headers.get(key, alternate)`. */
  get<D = null>(key: string, alternate: D = null as D): string | D {
    const entry = this.#store.get(key.toLowerCase())
    return entry === undefined ? alternate : entry[1]
  }

  /** `key in headers`, case-insensitive. */
  has(key: string): boolean {
    return this.#store.has(key.toLowerCase())
  }

  /** `[name, value]` pairs with the names as last set. */
  items(): Array<[string, string]> {
    return [...this.#store.values()].map(([k, v]) => [k, v])
  }

  /** Header names as last set. */
  keys(): string[] {
    return [...this.#store.values()].map(([k]) => k)
  }

  /** Header values. */
  values(): string[] {
    return [...this.#store.values()].map(([, v]) => v)
  }

  /** `len(headers)`. */
  get length(): number {
    return this.#store.size
  }

  /** Iterates header names, like the Python mapping. */
  *[Symbol.iterator](): IterableIterator<string> {
    for (const [k] of this.#store.values()) yield k
  }

  /** CaseInsensitiveMapping equality: same names (ignoring case) with the same values. */
  equals(other: ResponseHeadersInit): boolean {
    const them = other instanceof ResponseHeaders ? other : new ResponseHeaders(other)
    if (them.length !== this.length) return false
    for (const [k, v] of this.#store) if (them.get(k) !== v[1]) return false
    return true
  }

  /** Python repr: `{'Content-Type': 'text/html; charset=utf-8'}`. */
  toString(): string {
    return '{' + this.items().map(([k, v]) => `${str_repr(k)}: ${str_repr(v)}`).join(', ') + '}'
  }
}
