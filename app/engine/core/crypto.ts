/** Port of django/utils/crypto.py (salted HMAC, constant-time compare, random strings, PBKDF2). */
import { blake2b, blake2s } from '@noble/hashes/blake2.js'
import { hmac } from '@noble/hashes/hmac.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { pbkdf2 as noble_pbkdf2 } from '@noble/hashes/pbkdf2.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js'
import { get_settings } from '../conf/context.ts'
import { concat_copy } from './bytes.ts'
import { get_clock } from './clock.ts'
import { has_lone_surrogate, UnicodeEncodeError, utf8_encode } from './encoding.ts'
import { LookupError, ValueError } from './exceptions.ts'
import { pystr, str_repr } from './python.ts'

/** The algorithm given to `salted_hmac()` is not a hashlib constructor. */
export class InvalidAlgorithm extends ValueError {}

/** Python's IndexError (a LookupError), raised when choosing from an empty sequence. */
export class IndexError extends LookupError {}

/** A noble hash function: `hash(bytes)` plus the metadata HMAC needs. */
type Hasher = typeof sha256

// The constructors `getattr(hashlib, name)` finds that produce fixed-size digests.
const HASHERS: Record<string, Hasher> = Object.assign(Object.create(null) as Record<string, Hasher>, {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  blake2b: blake2b as unknown as Hasher,
  blake2s: blake2s as unknown as Hasher,
  sha3_224,
  sha3_256,
  sha3_384,
  sha3_512,
})

/** Django's `force_bytes()` for the values crypto helpers accept: bytes as is, text as UTF-8, others via `str()`. */
export function force_bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  const text = pystr(value)
  // TextEncoder would swap a lone surrogate for U+FFFD, making two different texts sign alike.
  if (has_lone_surrogate(text)) {
    let position = 0
    for (const ch of text) {
      if (LONE_SURROGATE.test(ch)) {
        const code = ch.charCodeAt(0).toString(16)
        throw new UnicodeEncodeError(
          `'utf-8' codec can't encode character '\\u${code}' in position ${position}: surrogates not allowed`,
        )
      }
      position++
    }
  }
  return utf8_encode(text)
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The hashlib constructor called `algorithm`, or InvalidAlgorithm. */
export function get_hasher(algorithm: string): Hasher {
  const hasher = HASHERS[algorithm]
  if (hasher) return hasher
  if (algorithm === 'shake_128' || algorithm === 'shake_256') {
    // hashlib has these, but their digest() needs a length, so hmac fails in Python too.
    throw new TypeError("digest() missing required argument 'length' (pos 1)")
  }
  throw new InvalidAlgorithm(`${str_repr(algorithm)} is not an algorithm accepted by the hashlib module.`)
}

/** The part of Python's `hmac.HMAC` object that callers use. */
export interface HmacResult {
  /** Raw MAC bytes. */
  digest(): Uint8Array
  /** MAC as lower-case hex. */
  hexdigest(): string
}

/** Lower-case hex of `bytes` (Python's `bytes.hex()`). */
export function bytes_hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** Options of `salted_hmac()`. */
export interface SaltedHmacOptions {
  /** Defaults to `settings.SECRET_KEY`. */
  secret?: string | Uint8Array | null
  /** A hashlib name; Django's default is `sha1`. */
  algorithm?: string
}

type KeyedHmac = ReturnType<typeof hmac.create>

// HMAC states already keyed with H(key_salt + secret), by algorithm, salt and secret (text only).
// A pure function of those three; bounded, since salts can be built from cookie names.
const keyedHmacs = new Map<string, KeyedHmac>()
const KEYED_HMAC_LIMIT = 256

function keyedHmac(hasher: Hasher, algorithm: string, key_salt: unknown, secret: unknown): KeyedHmac {
  const cacheable = typeof key_salt === 'string' && typeof secret === 'string'
  // NUL cannot be confused across fields: the lengths are part of the key.
  const id = cacheable ? `${algorithm}\0${key_salt.length}\0${key_salt}\0${secret}` : ''
  let keyed = cacheable ? keyedHmacs.get(id) : undefined
  if (keyed === undefined) {
    keyed = hmac.create(hasher, hasher(concat_copy([force_bytes(key_salt), force_bytes(secret)])))
    if (cacheable) {
      if (keyedHmacs.size >= KEYED_HMAC_LIMIT) keyedHmacs.clear()
      keyedHmacs.set(id, keyed)
    }
  }
  return keyed
}

/** HMAC of `value` keyed by H(key_salt + secret): Django's way to derive per-purpose MACs from one secret. */
export function salted_hmac(key_salt: unknown, value: unknown, options: SaltedHmacOptions = {}): HmacResult {
  const secret = options.secret ?? get_settings().SECRET_KEY
  const algorithm = options.algorithm ?? 'sha1'
  const hasher = get_hasher(algorithm)
  // Cloning a keyed state skips re-hashing the key and the two pad blocks on every call.
  const mac = keyedHmac(hasher, algorithm, key_salt, secret).clone().update(force_bytes(value)).digest()
  return {
    digest: () => mac.slice(),
    hexdigest: () => bytes_hex(mac),
  }
}

/** True when both values are equal as bytes, without an early exit that leaks where they differ. */
export function constant_time_compare(val1: string | Uint8Array, val2: string | Uint8Array): boolean {
  const a = force_bytes(val1)
  const b = force_bytes(val2)
  // Like hmac.compare_digest: the length check may leak, the content comparison may not.
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b.length ? b[i % b.length]! : 0)
  return diff === 0
}

/** Django's RANDOM_STRING_CHARS. */
export const RANDOM_STRING_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A uniform integer in [0, n) from the active clock's CSPRNG (rejection sampling, like `secrets.randbelow`). */
export function randbelow(n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new ValueError('Upper bound must be positive.')
  const bits = n.toString(2).length
  const nbytes = Math.ceil(bits / 8)
  const excess = nbytes * 8 - bits
  for (;;) {
    const bytes = get_clock().random_bytes(nbytes)
    let r = 0
    for (const b of bytes) r = r * 256 + b
    r = Math.floor(r / 2 ** excess)
    if (r < n) return r
  }
}

/** `length` characters picked uniformly from `allowed_chars` (code points) with a CSPRNG. */
export function get_random_string(length: number, allowed_chars: string = RANDOM_STRING_CHARS): string {
  const chars = [...allowed_chars]
  let out = ''
  for (let i = 0; i < length; i++) {
    if (chars.length === 0) throw new IndexError('Cannot choose from an empty sequence')
    out += chars[randbelow(chars.length)]
  }
  return out
}

/** PBKDF2-HMAC of `password` and `salt`; `dklen` 0 means the digest size. Returns the derived key. */
export function pbkdf2(
  password: string | Uint8Array,
  salt: string | Uint8Array,
  iterations: number,
  dklen = 0,
  digest = 'sha256',
): Uint8Array {
  const hasher = get_hasher(digest)
  if (!Number.isInteger(iterations) || iterations < 1) throw new ValueError('iteration value must be greater than 0.')
  if (dklen < 0) throw new ValueError('key length must be greater than 0.')
  const dkLen = dklen || hasher.outputLen
  return noble_pbkdf2(hasher, force_bytes(password), force_bytes(salt), { c: iterations, dkLen })
}

