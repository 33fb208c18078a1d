/** Port of django/core/signing.py (encodings, exceptions and the JSON serializer under the signers). */
import pako from 'pako'
import { salted_hmac } from '../core/crypto.ts'
import { zlib_compress as zlibCompress } from '../core/zlib.ts'
import { latin1_decode, latin1_encode } from '../core/encoding.ts'
import { LookupError, PythonError, ValueError } from '../core/exceptions.ts'
import { json_dumps } from '../core/json.ts'

/** Signature does not match. */
export class BadSignature extends PythonError {}

/** Signature timestamp is older than required max_age. */
export class SignatureExpired extends BadSignature {}

/** Python's `zlib.error`: a compressed payload that does not inflate. */
export class ZlibError extends PythonError {}

/** Python's IndexError, which `b62_decode('')` raises. */
class IndexError extends LookupError {}

// ---------------------------------------------------------------- base64 (URL-safe, unpadded)

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
// Decoding accepts both alphabets: Django translates `-_` to `+/` and then decodes standard base64.
const B64_DECODE = new Int16Array(256).fill(-1)
for (let i = 0; i < 64; i++) B64_DECODE[B64_ALPHABET.charCodeAt(i)] = i
B64_DECODE[0x2b] = 62
B64_DECODE[0x2f] = 63

/** `base64.urlsafe_b64encode(s).strip(b'=')`. */
export function b64_encode(s: Uint8Array): Uint8Array {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const n = (s[i]! << 16) | ((s[i + 1] ?? 0) << 8) | (s[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((s.length - i) * 8) / 6))
    for (let j = 0; j < chars; j++) out += B64_ALPHABET[(n >> (18 - 6 * j)) & 63]
  }
  return latin1_encode(out)
}

/**
 * Re-pads to a multiple of 4 and decodes URL-safe base64 like CPython's non-strict
 * `binascii.a2b_base64`: other characters are skipped and a complete pad ends the data.
 */
export function b64_decode(s: Uint8Array | string): Uint8Array {
  let bytes: Uint8Array
  if (typeof s === 'string') {
    // eslint-disable-next-line no-control-regex
    if (!/^[\x00-\x7f]*$/.test(s)) throw new ValueError('string argument should contain only ASCII characters')
    bytes = latin1_encode(s)
  } else {
    bytes = s
  }
  const padded = new Uint8Array(bytes.length + ((4 - (bytes.length % 4)) % 4)).fill(0x3d)
  padded.set(bytes)
  const out: number[] = []
  let quad = 0
  let left = 0
  let pads = 0
  let count = 0
  for (const ch of padded) {
    if (ch === 0x3d) {
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out)
      continue
    }
    const v = B64_DECODE[ch]!
    if (v < 0) continue
    pads = 0
    count++
    // Each character adds 6 bits; a byte is complete after characters 2, 3 and 4 of a quad.
    if (quad > 0) out.push(((left << (2 * quad)) | (v >> (6 - 2 * quad))) & 0xff)
    left = v & ((1 << (6 - 2 * quad)) - 1)
    quad = (quad + 1) % 4
  }
  if (quad === 1) {
    throw new ValueError(
      `Invalid base64-encoded string: number of data characters (${count}) cannot be 1 more than a multiple of 4`,
    )
  }
  if (quad !== 0) throw new ValueError('Incorrect padding')
  return Uint8Array.from(out)
}

// ---------------------------------------------------------------- base62 (timestamps)

/** Digits of `b62_encode`: 0-9, A-Z, a-z. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** An integer in base 62, `-` prefixed when negative. */
export function b62_encode(s: number): string {
  if (!Number.isInteger(s)) throw new TypeError('b62_encode() needs an integer')
  if (s === 0) return '0'
  const sign = s < 0 ? '-' : ''
  let n = Math.abs(s)
  let encoded = ''
  while (n > 0) {
    encoded = BASE62_ALPHABET[n % 62] + encoded
    n = Math.floor(n / 62)
  }
  return sign + encoded
}

/** Inverse of `b62_encode`; a character outside the alphabet raises ValueError. */
export function b62_decode(s: string): number {
  if (s === '0') return 0
  if (s.length === 0) throw new IndexError('string index out of range')
  let sign = 1
  if (s[0] === '-') {
    s = s.slice(1)
    sign = -1
  }
  let decoded = 0
  for (const digit of s) {
    const index = digit.length === 1 ? BASE62_ALPHABET.indexOf(digit) : -1
    if (index < 0) throw new ValueError('substring not found')
    decoded = decoded * 62 + index
  }
  // Python ints have no negative zero ('-' and '-0' decode to 0).
  return decoded === 0 ? 0 : sign * decoded
}

/** `b64_encode(salted_hmac(salt, value, key, algorithm).digest())` as text. */
export function base64_hmac(salt: unknown, value: unknown, key: string | Uint8Array, algorithm = 'sha1'): string {
  return latin1_decode(b64_encode(salted_hmac(salt, value, { secret: key, algorithm }).digest()))
}

// ---------------------------------------------------------------- zlib (payload compression)

/** `zlib.compress(data)` at the default level; pako produces CPython zlib's bytes. */
export function zlib_compress(data: Uint8Array): Uint8Array {
  return zlibCompress(data)
}

/** `zlib.decompress(data)`, raising ZlibError with zlib's message. */
export function zlib_decompress(data: Uint8Array): Uint8Array {
  let result: Uint8Array | undefined
  try {
    result = pako.inflate(data)
  } catch (error) {
    // DEVIATION(django): pako also rejects bytes after the end of the stream, which CPython ignores.
    throw new ZlibError(`Error -3 while decompressing data: ${String(error)}`)
  }
  if (result === undefined) throw new ZlibError('Error -5 while decompressing data: incomplete or truncated stream')
  return result
}

// ---------------------------------------------------------------- serializers

/** What `sign_object()` / `dumps()` call to turn an object into bytes and back. */
export interface Serializer {
  /** Object to bytes. */
  dumps(obj: unknown): Uint8Array
  /** Bytes to object. */
  loads(data: Uint8Array): unknown
}

/** A serializer class (instantiated per call, as Django does) or an instance. */
export type SerializerLike = (new () => Serializer) | Serializer

/** Django calls `serializer()`; an instance given directly is used as is. */
export function make_serializer(serializer: SerializerLike): Serializer {
  return typeof serializer === 'function' ? new serializer() : serializer
}

/** Compact, ASCII-only JSON, as bytes: Django's default signing and session serializer. */
export class JSONSerializer implements Serializer {
  /** `json.dumps(obj, separators=(',', ':')).encode('latin-1')`. */
  dumps(obj: unknown): Uint8Array {
    return latin1_encode(json_dumps(obj, { separators: [',', ':'] }))
  }

  /** `json.loads(data.decode('latin-1'))`. */
  loads(data: Uint8Array): unknown {
    return json_loads(latin1_decode(data))
  }
}

/**
 * Python's `json.loads`: JSON plus the NaN / Infinity / -Infinity literals Python's dumps writes.
 * DEVIATION(django): floats with integral values (`1.0`) come back as plain numbers, and parse
 * errors are ValueError with JavaScript's message rather than JSONDecodeError's.
 */
export function json_loads(text: string | Uint8Array): unknown {
  if (text instanceof Uint8Array) text = new TextDecoder('utf-8', { fatal: true }).decode(text)
  try {
    return JSON.parse(text)
  } catch (error) {
    const swapped = swap_python_literals(text)
    if (swapped !== null) {
      try {
        const { marker } = swapped
        return JSON.parse(swapped.text, (_key, value: unknown) =>
          typeof value === 'string' && value.startsWith(marker) ? Number(value.slice(marker.length)) : value,
        )
      } catch {
        // fall through to the original error
      }
    }
    throw new ValueError(error instanceof Error ? error.message : String(error))
  }
}

// Replaces NaN / Infinity / -Infinity outside strings with marked strings; null when there are none.
function swap_python_literals(text: string): { text: string; marker: string } | null {
  let marker = '\u0000pyjson:'
  while (text.includes('pyjson:')) marker += '~'
  const escapedMarker = JSON.stringify(marker).slice(1, -1)
  let out = ''
  let found = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
      continue
    }
    const literal = ['-Infinity', 'Infinity', 'NaN'].find((word) => text.startsWith(word, i))
    if (literal) {
      out += `"${escapedMarker}${literal}"`
      found = true
      i += literal.length
      continue
    }
    out += ch
    i++
  }
  return found ? { text: out, marker } : null
}

