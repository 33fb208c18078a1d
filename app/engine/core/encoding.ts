/**
 * Python's codecs as Django uses them (bytes <-> str with a named charset), and the URI helpers
 * of django/utils/encoding.py.
 *
 * WHATWG's TextDecoder maps `latin-1` and `ascii` to windows-1252, which Python does not, and
 * platforms disagree on other single-byte charsets, so those come from CPython's own tables
 * (charmaps.ts); TextDecoder is used only to decode multi-byte charsets such as shift_jis.
 */
import { SINGLE_BYTE_CHARMAPS } from './charmaps.ts'
import { LookupError, UnicodeError } from './exceptions.ts'

export type CodecErrors = 'strict' | 'replace'

/** Raised when text cannot be encoded or decoded with a charset (Python's UnicodeError family). */
export class UnicodeEncodeError extends UnicodeError {}
export class UnicodeDecodeError extends UnicodeError {}

const utf8Encoder = new TextEncoder()

/** Python-normalised codec name: lower case, `_` and spaces as `-`. */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[_\s]+/g, '-')
}

const LATIN1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', '8859', 'cp819', 'iso-ir-100'])
const ASCII = new Set(['ascii', 'us-ascii', '646', 'us'])
const UTF8 = new Set(['utf-8', 'utf8', 'u8', 'utf', 'cp65001'])
const UTF16 = new Set(['utf-16', 'utf16', 'u16'])

type Codec = 'utf-8' | 'latin-1' | 'ascii' | 'utf-16' | { charmap: string } | { label: string }

/** Python aliases of the single-byte codecs in charmaps.ts, after `normalise`. */
function charmapName(n: string): string | null {
  let name = n
    .replace(/^iso-?8859-(\d+)$/, 'iso8859-$1')
    .replace(/^(?:windows|win)-?(125\d)$/, 'cp$1')
    .replace(/^(?:ibm|cp)-?(437|850|866)$/, 'cp$1')
    .replace(/^mac-?roman$|^macintosh$/, 'mac-roman')
    .replace(/^koi8(r|u)$/, 'koi8-$1')
  const latin: Record<string, string> = { 'latin-9': 'iso8859-15', latin9: 'iso8859-15', l9: 'iso8859-15', 'latin-2': 'iso8859-2', latin2: 'iso8859-2', l2: 'iso8859-2', 'latin-10': 'iso8859-16', latin10: 'iso8859-16', l10: 'iso8859-16' }
  name = latin[name] ?? name
  return Object.hasOwn(SINGLE_BYTE_CHARMAPS, name) ? name : null
}

// Successful lookups by the caller's spelling; bounded, since charset names can come from requests.
const codecCache = new Map<string, Codec>()
const CODEC_CACHE_LIMIT = 64

function lookup(name: string): Codec {
  let codec = codecCache.get(name)
  if (codec === undefined) {
    codec = lookupUncached(name)
    if (codecCache.size < CODEC_CACHE_LIMIT) codecCache.set(name, codec)
  }
  return codec
}

function lookupUncached(name: string): Codec {
  const n = normalise(name)
  if (UTF8.has(n)) return 'utf-8'
  if (LATIN1.has(n)) return 'latin-1'
  if (ASCII.has(n)) return 'ascii'
  if (UTF16.has(n)) return 'utf-16'
  const charmap = charmapName(n)
  if (charmap) return { charmap }
  try {
    new TextDecoder(n)
    return { label: n }
  } catch {
    throw new LookupError(`unknown encoding: ${name}`)
  }
}

/** True when Python's `codecs.lookup(name)` would succeed for a charset this engine handles. */
export function is_known_codec(name: string): boolean {
  try {
    lookup(name)
    return true
  } catch {
    return false
  }
}

const LONE_SURROGATE = /\p{Cs}/u

// ES2024's String.prototype.isWellFormed (no lone surrogates) where the platform has it.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

/** True when `text` has a lone surrogate (what UTF-8 cannot encode). */
export function has_lone_surrogate(text: string): boolean {
  return nativeIsWellFormed ? !nativeIsWellFormed.call(text) : LONE_SURROGATE.test(text)
}

/** The bytes of an all-ASCII `text` (each code unit below 0x80), else null; cheaper than TextEncoder for short text. */
function asciiBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0x7f) return null
    out[i] = c
  }
  return out
}

/** `str.encode('utf-8')`; a lone surrogate raises as in Python (TextEncoder would write U+FFFD). */
export function utf8_encode(text: string, errors: CodecErrors = 'strict'): Uint8Array {
  if (text.length <= 256) {
    const ascii = asciiBytes(text)
    if (ascii !== null) return ascii
  }
  if (!has_lone_surrogate(text)) return utf8Encoder.encode(text)
  if (errors === 'strict') throw new UnicodeEncodeError("'utf-8' codec can't encode character: surrogates not allowed")
  // Python's 'replace' writes '?' for what it cannot encode.
  return utf8Encoder.encode(text.replace(/\p{Cs}/gu, '?'))
}

/** `bytes.decode('utf-8', errors)`. */
export function utf8_decode(bytes: Uint8Array, errors: CodecErrors = 'strict'): string {
  return decode(bytes, 'utf-8', errors)
}

/** `bytes.decode('latin-1')`: every byte is the code point of the same number. */
export function latin1_decode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    // apply takes the typed array as is; a spread would iterate it first.
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[])
  }
  return out
}

/** `str.encode('latin-1')`; code points above 255 raise UnicodeEncodeError. */
export function latin1_encode(text: string, errors: CodecErrors = 'strict'): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0xff) {
      if (errors === 'strict') {
        throw new UnicodeEncodeError(`'latin-1' codec can't encode character '\\u${c.toString(16).padStart(4, '0')}' in position ${i}: ordinal not in range(256)`)
      }
      out[i] = 0x3f
    } else {
      out[i] = c
    }
  }
  return out
}

/** True when every code point of `text` is at most 255. */
export function is_latin1(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u00ff]*$/.test(text)
}

const encodeTables = new Map<string, Map<number, number>>()

function encodeTable(charmap: string): Map<number, number> {
  let table = encodeTables.get(charmap)
  if (!table) {
    table = new Map()
    const upper = SINGLE_BYTE_CHARMAPS[charmap]!
    for (let i = 0; i < upper.length; i++) {
      if (upper[i] !== '\ufffd') table.set(upper.charCodeAt(i), 0x80 + i)
    }
    encodeTables.set(charmap, table)
  }
  return table
}

/** `str.encode(charset, errors)`. */
export function encode(text: string, charset: string, errors: CodecErrors = 'strict'): Uint8Array {
  const codec = lookup(charset)
  if (codec === 'utf-8') return utf8_encode(text, errors)
  if (codec === 'latin-1') return latin1_encode(text, errors)
  if (codec === 'ascii') {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0x7f && errors === 'strict') {
        throw new UnicodeEncodeError(`'ascii' codec can't encode character in position ${i}: ordinal not in range(128)`)
      }
    }
    return latin1_encode(text.replace(/[^\x00-\x7f]/g, '?'), errors) // eslint-disable-line no-control-regex
  }
  if (codec === 'utf-16') {
    // Python writes a BOM, then little-endian code units.
    const out = new Uint8Array(2 + text.length * 2)
    out[0] = 0xff
    out[1] = 0xfe
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      out[2 + i * 2] = c & 0xff
      out[3 + i * 2] = c >> 8
    }
    return out
  }
  if ('label' in codec) throw new LookupError(`encoding to ${charset} is not supported here`)
  const table = encodeTable(codec.charmap)
  const out = new Uint8Array(text.length)
  let n = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    const b = code < 0x80 ? code : table.get(code)
    if (b === undefined) {
      if (errors === 'strict') throw new UnicodeEncodeError(`'${charset}' codec can't encode character '${ch}'`)
      out[n++] = 0x3f
    } else {
      out[n++] = b
    }
  }
  return out.slice(0, n)
}

// Non-streaming TextDecoders keep no state between calls, so one per configuration is reused.
// label -> the four decoders by (fatal, ignoreBOM), made on first use.
const textDecoders = new Map<string, Array<TextDecoder | undefined>>()

function textDecoder(label: string, fatal: boolean, ignoreBOM: boolean): TextDecoder {
  let slots = textDecoders.get(label)
  if (slots === undefined) {
    slots = []
    if (textDecoders.size < CODEC_CACHE_LIMIT) textDecoders.set(label, slots)
  }
  const index = (fatal ? 2 : 0) + (ignoreBOM ? 1 : 0)
  // ignoreBOM keeps a UTF-8 BOM as U+FEFF, as Python's 'utf-8' codec does.
  return (slots[index] ??= new TextDecoder(label, { fatal, ignoreBOM }))
}

/** True when `charset` names Python's UTF-8 codec (any alias or spelling). */
export function is_utf8_codec(charset: string): boolean {
  try {
    return lookup(charset) === 'utf-8'
  } catch {
    return false
  }
}

/** `bytes.decode(charset, errors)`; with `replace`, invalid sequences become U+FFFD. */
export function decode(bytes: Uint8Array, charset: string, errors: CodecErrors = 'strict'): string {
  const codec = lookup(charset)
  if (codec === 'latin-1') return latin1_decode(bytes)
  if (codec === 'ascii') {
    const bad = bytes.findIndex((b) => b > 0x7f)
    if (bad >= 0 && errors === 'strict') {
      throw new UnicodeDecodeError(`'ascii' codec can't decode byte 0x${bytes[bad]!.toString(16)} in position ${bad}: ordinal not in range(128)`)
    }
    return latin1_decode(bytes).replace(/[^\x00-\x7f]/g, '\ufffd') // eslint-disable-line no-control-regex
  }
  if (typeof codec === 'object' && 'charmap' in codec) {
    const upper = SINGLE_BYTE_CHARMAPS[codec.charmap]!
    let out = ''
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!
      const ch = b < 0x80 ? String.fromCharCode(b) : upper[b - 0x80]!
      if (ch === '\ufffd' && errors === 'strict') {
        throw new UnicodeDecodeError(`'${charset}' codec can't decode byte 0x${b.toString(16)} in position ${i}`)
      }
      out += ch
    }
    return out
  }
  const label = typeof codec === 'string' ? codec : codec.label
  try {
    return textDecoder(label, errors === 'strict', codec !== 'utf-16').decode(bytes)
  } catch {
    throw new UnicodeDecodeError(`'${charset}' codec can't decode bytes`)
  }
}

// django.utils.encoding ------------------------------------------------------------------

const HEX = '0123456789ABCDEF'

/** Percent-encodes the UTF-8 bytes of `text` except ASCII characters for which `keep` is true. */
export function percent_encode(text: string, keep: (code: number) => boolean): string {
  let out = ''
  for (const byte of utf8Encoder.encode(text)) {
    out += byte < 0x80 && keep(byte) ? String.fromCharCode(byte) : '%' + HEX[byte >> 4] + HEX[byte & 15]
  }
  return out
}

function charSet(chars: string): (code: number) => boolean {
  const set = new Set<number>()
  for (const ch of chars) set.add(ch.charCodeAt(0))
  const alnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return (c) => alnum(c) || set.has(c)
}

const IRI_SAFE = charSet("_.-~/#%[]=:;$&()+,!?*@'")
const URI_PATH_SAFE = charSet("/:@&+$,-_.!~*'()")

/** `iri_to_uri`: percent-encode what RFC 3987 allows in an IRI but RFC 3986 not in a URI. */
export function iri_to_uri(iri: string | null): string | null {
  if (iri === null) return null
  return percent_encode(iri, IRI_SAFE)
}

/** `escape_uri_path`: percent-encode a path, keeping `/` and the RFC 3986 path characters. */
export function escape_uri_path(path: string): string {
  return percent_encode(path, URI_PATH_SAFE)
}
