/** Port of django/contrib/auth/hashers.py (make_password, check_password, identify_hasher, get_hasher). */
import { get_settings } from '../conf/context.ts'
import { get_random_string, IndexError } from '../core/crypto.ts'
import { ImproperlyConfigured, PythonError, ValueError } from '../core/exceptions.ts'
import { import_string } from '../core/module-loading.ts'
import { py_type_name } from '../core/py-values.ts'
import {
  BasePasswordHasher,
  UNUSABLE_PASSWORD_PREFIX,
  UNUSABLE_PASSWORD_SUFFIX_LENGTH,
  type PasswordHasherClass,
  type PasswordSetter,
  type RawPassword,
} from './hashers-base.ts'
// Registers Django's PBKDF2 hasher paths, so the default PASSWORD_HASHERS resolve.
import './hashers-pbkdf2.ts'

export {
  BasePasswordHasher,
  mask_hash,
  UNUSABLE_PASSWORD_PREFIX,
  UNUSABLE_PASSWORD_SUFFIX_LENGTH,
} from './hashers-base.ts'
export type { DecodedHash, PasswordHasherClass, PasswordSetter, RawPassword } from './hashers-base.ts'
export { PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher } from './hashers-pbkdf2.ts'

// Django caches get_hashers() until PASSWORD_HASHERS changes; settings values here are immutable,
// so the cache is keyed by the list itself.
interface HasherCache {
  hashers: BasePasswordHasher[]
  by_algorithm: Map<string, BasePasswordHasher>
}
let cache = new WeakMap<readonly string[], HasherCache>()

function hasherCache(): HasherCache {
  const paths = get_settings().PASSWORD_HASHERS
  let entry = cache.get(paths)
  if (entry === undefined) {
    const hashers = paths.map((path) => {
      const hasher_cls = import_string<PasswordHasherClass>(path)
      const hasher = new hasher_cls()
      if (!hasher.algorithm) throw new ImproperlyConfigured(`hasher doesn't specify an algorithm name: ${path}`)
      return hasher
    })
    entry = { hashers, by_algorithm: new Map(hashers.map((h) => [h.algorithm!, h])) }
    cache.set(paths, entry)
  }
  return entry
}

/** One instance of each PASSWORD_HASHERS class, in order (cached per settings list, like Django's lru_cache). */
export function get_hashers(): BasePasswordHasher[] {
  return hasherCache().hashers
}

/** The PASSWORD_HASHERS instances by algorithm name. */
export function get_hashers_by_algorithm(): Map<string, BasePasswordHasher> {
  return hasherCache().by_algorithm
}

/** Django's `reset_hashers` receiver: forget the cached hasher instances (after re-registering a class). */
export function reset_hashers(): void {
  cache = new WeakMap()
}

/**
 * `get_hasher(algorithm='default')`: a hasher instance as is, the first PASSWORD_HASHERS entry for
 * 'default', else the configured hasher with that algorithm name (ValueError when none is).
 */
export function get_hasher(algorithm: string | BasePasswordHasher = 'default'): BasePasswordHasher {
  if (algorithm instanceof BasePasswordHasher) return algorithm
  if (algorithm === 'default') {
    const first = get_hashers()[0]
    if (first === undefined) throw new IndexError('list index out of range')
    return first
  }
  const hasher = get_hashers_by_algorithm().get(algorithm)
  if (hasher === undefined) {
    throw new ValueError(
      `Unknown password hashing algorithm '${algorithm}'. Did you specify it in the PASSWORD_HASHERS setting?`,
    )
  }
  return hasher
}

/** `identify_hasher(encoded)`: the configured hasher named by the text before the first `$`. */
export function identify_hasher(encoded: string): BasePasswordHasher {
  let algorithm: string
  // Ancient Django stored unsalted MD5/SHA1 digests, with or without an empty-salt prefix.
  if ((encoded.length === 32 && !encoded.includes('$')) || (encoded.length === 37 && encoded.startsWith('md5$$'))) {
    algorithm = 'unsalted_md5'
  } else if (encoded.length === 46 && encoded.startsWith('sha1$$')) {
    algorithm = 'unsalted_sha1'
  } else {
    algorithm = encoded.split('$', 1)[0]!
  }
  return get_hasher(algorithm)
}

/** `is_password_usable(encoded)`: false only for the `!` prefix (None counts as usable, as in Django). */
export function is_password_usable(encoded: string | null): boolean {
  return encoded === null || encoded === undefined || !encoded.startsWith(UNUSABLE_PASSWORD_PREFIX)
}

/**
 * `make_password(password, salt=None, hasher='default')`: the encoded hash, or an unusable
 * password for null. A salt of '' or null means a fresh random one.
 */
export function make_password(
  password: RawPassword | null,
  salt: string | null = null,
  hasher: string | BasePasswordHasher = 'default',
): string {
  if (password === null || password === undefined) {
    return UNUSABLE_PASSWORD_PREFIX + get_random_string(UNUSABLE_PASSWORD_SUFFIX_LENGTH)
  }
  if (typeof password !== 'string' && !(password instanceof Uint8Array)) {
    throw new TypeError(`Password must be a string or bytes, got ${py_type_name(password)}.`)
  }
  const h = get_hasher(hasher)
  return h.encode(password, salt || h.salt())
}

/** `verify_password`: [is_correct, must_update], spending the default hasher's time on hopeless input. */
export function verify_password(
  password: RawPassword | null,
  encoded: string | null,
  preferred: string | BasePasswordHasher = 'default',
): [boolean, boolean] {
  let fake_runtime = password === null || password === undefined || !is_password_usable(encoded)
  const preferred_hasher = get_hasher(preferred)
  let hasher: BasePasswordHasher | null = null
  try {
    // DEVIATION(django): a null encoded hash is hopeless input here; Django's len(None) raised TypeError.
    if (typeof encoded !== 'string') throw new ValueError('no encoded password')
    hasher = identify_hasher(encoded)
  } catch (error) {
    if (!(error instanceof ValueError)) throw error
    fake_runtime = true
  }
  if (fake_runtime || hasher === null) {
    // Hash once anyway so an unusable password or unknown hasher costs what a real check costs.
    make_password(get_random_string(UNUSABLE_PASSWORD_SUFFIX_LENGTH))
    return [false, false]
  }
  try {
    const hasher_changed = hasher.algorithm !== preferred_hasher.algorithm
    const must_update = hasher_changed || preferred_hasher.must_update(encoded!)
    const is_correct = hasher.verify(password!, encoded!)
    if (!is_correct && !hasher_changed && must_update) hasher.harden_runtime(password!, encoded!)
    return [is_correct, must_update]
  } catch (error) {
    // DEVIATION(django): a tampered or truncated hash (missing fields, iterations not a positive
    // integer) is a wrong password here; Django let the ValueError out of check_password.
    if (error instanceof PythonError || error instanceof TypeError) return [false, false]
    throw error
  }
}

/**
 * `check_password(password, encoded, setter=None, preferred='default')`: whether the raw password
 * matches; when it does and the hash is outdated, `setter(password)` stores a new one. Never
 * throws for a bad password or hash: the answer is then false.
 */
export function check_password(
  password: RawPassword | null,
  encoded: string | null,
  setter: PasswordSetter | null = null,
  preferred: string | BasePasswordHasher = 'default',
): boolean {
  const [is_correct, must_update] = verify_password(password, encoded, preferred)
  if (setter && is_correct && must_update) setter(password!)
  return is_correct
}

/** `acheck_password`: check_password whose setter may be async (hashing itself stays synchronous). */
export async function acheck_password(
  password: RawPassword | null,
  encoded: string | null,
  setter: PasswordSetter | null = null,
  preferred: string | BasePasswordHasher = 'default',
): Promise<boolean> {
  const [is_correct, must_update] = verify_password(password, encoded, preferred)
  if (setter && is_correct && must_update) await setter(password!)
  return is_correct
}
