/** Port of django/contrib/auth/hashers.py (PBKDF2PasswordHasher and PBKDF2SHA1PasswordHasher). */
import { constant_time_compare, pbkdf2 } from '../core/crypto.ts'
import { AssertionError, ValueError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { py_int } from '../core/py-values.ts'
import { BasePasswordHasher, mask_hash, type DecodedHash, type RawPassword } from './hashers-base.ts'


/** Python's `base64.b64encode(...).decode('ascii')`: standard alphabet, `=` padding. */
export function b64encode_text(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
}

/** Python's `text.split(sep, maxsplit)`: at most maxsplit cuts, the rest kept whole in the last part. */
function py_split(text: string, sep: string, maxsplit: number): string[] {
  const parts: string[] = []
  let rest = text
  while (parts.length < maxsplit) {
    const at = rest.indexOf(sep)
    if (at < 0) break
    parts.push(rest.slice(0, at))
    rest = rest.slice(at + sep.length)
  }
  parts.push(rest)
  return parts
}

/**
 * Django's PBKDF2PasswordHasher: `pbkdf2_sha256$<iterations>$<salt>$<base64 key>`. A site that wants
 * faster logins registers a subclass with fewer `iterations` under its own dotted path.
 */
export class PBKDF2PasswordHasher extends BasePasswordHasher {
  override algorithm: string | null = 'pbkdf2_sha256'
  /** Django 5.2's work factor. */
  iterations = 1_000_000
  /** The hashlib name of the PRF's digest. */
  digest = 'sha256'

  /** The encoded hash of `password` with `salt`, using `iterations` (this hasher's own when null or 0). */
  override encode(password: RawPassword, salt: string, iterations: number | null = null): string {
    this._check_encode_args(password, salt)
    const rounds = iterations || this.iterations
    const hash = b64encode_text(pbkdf2(password, salt, rounds, 0, this.digest))
    return `${this.algorithm}$${rounds}$${salt}$${hash}`
  }

  /** `{algorithm, hash, iterations, salt}`; ValueError when a field is missing or iterations isn't an integer. */
  override decode(encoded: string): DecodedHash {
    const parts = py_split(encoded, '$', 3)
    if (parts.length !== 4) {
      throw new ValueError(`not enough values to unpack (expected 4, got ${parts.length})`)
    }
    const [algorithm, iterations, salt, hash] = parts as [string, string, string, string]
    if (algorithm !== this.algorithm) throw new AssertionError('')
    return { algorithm, hash, iterations: py_int(iterations), salt }
  }

  /** Re-encodes with the stored salt and iteration count and compares the whole strings in constant time. */
  override verify(password: RawPassword, encoded: string): boolean {
    const decoded = this.decode(encoded)
    const encoded_2 = this.encode(password, decoded.salt, decoded.iterations!)
    return constant_time_compare(encoded, encoded_2)
  }

  /** The hash's parts with salt and hash masked. */
  override safe_summary(encoded: string): Record<string, unknown> {
    const decoded = this.decode(encoded)
    return {
      algorithm: decoded.algorithm,
      iterations: decoded.iterations,
      salt: mask_hash(decoded.salt, 2),
      hash: mask_hash(decoded.hash),
    }
  }

  /** True when the iteration count differs from this hasher's or the salt is too short. */
  override must_update(encoded: string): boolean {
    const decoded = this.decode(encoded)
    const update_salt = this._must_update_salt(decoded.salt, this.salt_entropy)
    return decoded.iterations !== this.iterations || update_salt
  }

  /** Runs the iterations a hash made with fewer of them saved, so a wrong password takes as long. */
  override harden_runtime(password: RawPassword, encoded: string): void {
    const decoded = this.decode(encoded)
    const extra_iterations = this.iterations - decoded.iterations!
    if (extra_iterations > 0) this.encode(password, decoded.salt, extra_iterations)
  }
}

/** Django's PBKDF2SHA1PasswordHasher: the same with HMAC-SHA1 (`pbkdf2_sha1$...`). */
export class PBKDF2SHA1PasswordHasher extends PBKDF2PasswordHasher {
  override algorithm: string | null = 'pbkdf2_sha1'
  override digest = 'sha1'
}

register_import('django.contrib.auth.hashers.PBKDF2PasswordHasher', PBKDF2PasswordHasher)
register_import('django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher', PBKDF2SHA1PasswordHasher)
