/** Port of django/contrib/auth/hashers.py (BasePasswordHasher and the constants every hasher shares). */
import { get_random_string, RANDOM_STRING_CHARS } from '../core/crypto.ts'
import { NotImplementedError, ValueError } from '../core/exceptions.ts'
import { warn } from '../core/warnings.ts'

/** Marks a password that can never match: `!` then random characters. */
export const UNUSABLE_PASSWORD_PREFIX = '!'
/** How many random characters follow the prefix of an unusable password. */
export const UNUSABLE_PASSWORD_SUFFIX_LENGTH = 40

/** A raw password: text (hashed as UTF-8) or bytes. */
export type RawPassword = string | Uint8Array

/** Called with the raw password when a correct password's hash must be upgraded. */
export type PasswordSetter = (password: RawPassword) => unknown

/** The fields `decode()` returns; PBKDF2 adds `iterations`. */
export interface DecodedHash {
  algorithm: string
  hash: string
  salt: string
  iterations?: number
  [field: string]: unknown
}

/** A hasher class as PASSWORD_HASHERS names it: constructible with no arguments. */
export type PasswordHasherClass = new () => BasePasswordHasher

/** `mask_hash`: the first `show` characters, then one `char` per remaining character. */
export function mask_hash(hash: string, show = 6, char = '*'): string {
  return hash.slice(0, show) + char.repeat(Math.max(0, hash.length - show))
}

/**
 * Django's BasePasswordHasher: subclasses set `algorithm` and implement encode/decode/verify/
 * safe_summary; `must_update` and `harden_runtime` let a site raise the work factor over time.
 */
export class BasePasswordHasher {
  /** The prefix of the encoded form; null on the base class. */
  algorithm: string | null = null
  /** Django loads optional C libraries by name; none are needed here. */
  library: string | null = null
  /** Bits of randomness a generated salt carries. */
  salt_entropy = 128

  /** A random salt of `ceil(salt_entropy / log2(62))` characters from `a-zA-Z0-9` (22 for 128 bits). */
  salt(): string {
    const char_count = Math.ceil(this.salt_entropy / Math.log2(RANDOM_STRING_CHARS.length))
    return get_random_string(char_count, RANDOM_STRING_CHARS)
  }

  /** Whether `password` hashes to `encoded`. */
  verify(_password: RawPassword, _encoded: string): boolean {
    throw new NotImplementedError('subclasses of BasePasswordHasher must provide a verify() method')
  }

  /** @internal Django's argument check shared by the encode() implementations. */
  _check_encode_args(password: RawPassword | null, salt: string | null): void {
    if (password === null || password === undefined) throw new TypeError('password must be provided.')
    if (!salt || salt.includes('$')) throw new ValueError('salt must be provided and cannot contain $.')
  }

  /** The encoded form of `password` with `salt`. */
  encode(_password: RawPassword, _salt: string): string {
    throw new NotImplementedError('subclasses of BasePasswordHasher must provide an encode() method')
  }

  /** The parts of an encoded hash. */
  decode(_encoded: string): DecodedHash {
    throw new NotImplementedError('subclasses of BasePasswordHasher must provide a decode() method')
  }

  /** The parts of an encoded hash, fit for display (salt and hash masked). */
  safe_summary(_encoded: string): Record<string, unknown> {
    throw new NotImplementedError('subclasses of BasePasswordHasher must provide a safe_summary() method')
  }

  /** @internal True when `salt` carries fewer bits than `expected_entropy`. */
  _must_update_salt(salt: string, expected_entropy: number): boolean {
    return salt.length * Math.log2(RANDOM_STRING_CHARS.length) < expected_entropy
  }

  /** Whether a hash made with other parameters should be replaced after a successful check. */
  must_update(_encoded: string): boolean {
    return false
  }

  /** Spends the work a wrong password saved because its hash used fewer rounds than the current ones. */
  harden_runtime(_password: RawPassword, _encoded: string): void {
    warn('subclasses of BasePasswordHasher should provide a harden_runtime() method', 'Warning')
  }
}
