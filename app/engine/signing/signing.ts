/** Port of django/core/signing.py (dumps/loads, the cookie signer, and this package's public names). */
import { import_string, register_import } from '../core/module-loading.ts'
import { get_settings } from '../conf/context.ts'
import { force_bytes } from '../core/crypto.ts'
import { BadSignature, JSONSerializer, SignatureExpired, type SerializerLike } from './base.ts'
import { Signer, TimestampSigner, type Duration, type SigningKey } from './signer.ts'

export {
  b62_decode,
  b62_encode,
  b64_decode,
  b64_encode,
  base64_hmac,
  BadSignature,
  BASE62_ALPHABET,
  JSONSerializer,
  json_loads,
  SignatureExpired,
  ZlibError,
  zlib_compress,
  zlib_decompress,
} from './base.ts'
export type { Serializer, SerializerLike } from './base.ts'
export { Signer, TimestampSigner } from './signer.ts'
export type { Duration, SignerOptions, SigningKey } from './signer.ts'
export type { SignObjectOptions, UnsignObjectOptions, UnsignOptions } from './signer.ts'

/** Keyword arguments of `dumps()`. */
export interface DumpsOptions {
  /** Defaults to `settings.SECRET_KEY`. */
  key?: SigningKey | null
  /** Defaults to 'django.core.signing'. */
  salt?: string
  /** Serializer class (default JSONSerializer). */
  serializer?: SerializerLike
  /** zlib-compress the payload when that saves at least two bytes. */
  compress?: boolean
}

/** Keyword arguments of `loads()`. */
export interface LoadsOptions {
  /** Defaults to `settings.SECRET_KEY`. */
  key?: SigningKey | null
  /** Defaults to 'django.core.signing'. */
  salt?: string
  /** Serializer class (default JSONSerializer). */
  serializer?: SerializerLike
  /** Maximum age in seconds. */
  max_age?: number | Duration | null
  /** Defaults to `settings.SECRET_KEY_FALLBACKS`. */
  fallback_keys?: Iterable<SigningKey> | null
}

/** A URL-safe, timestamped, signed (and optionally compressed) serialization of `obj`. */
export function dumps(obj: unknown, options: DumpsOptions = {}): string {
  const { key = null, salt = 'django.core.signing', serializer, compress = false } = options
  return new TimestampSigner({ key, salt }).sign_object(obj, { serializer, compress })
}

/** Reverse of `dumps()`; raises BadSignature (or SignatureExpired) when the signature fails. */
export function loads(s: string, options: LoadsOptions = {}): unknown {
  const { key = null, salt = 'django.core.signing', serializer, max_age = null, fallback_keys = null } = options
  return new TimestampSigner({ key, salt, fallback_keys }).unsign_object(s, { serializer, max_age })
}

// SIGNING_BACKEND names the class by dotted path, resolved like Django's import_string.
register_import('django.core.signing.Signer', Signer)
register_import('django.core.signing.TimestampSigner', TimestampSigner)
register_import('django.core.signing.JSONSerializer', JSONSerializer)

function signing_backend(path: string): typeof Signer {
  return import_string<typeof Signer>(path)
}

/** `b"django.http.cookies" + key`: cookie signatures never share a key with other signatures. */
export function cookie_signer_key(key: SigningKey): Uint8Array {
  const prefix = force_bytes('django.http.cookies')
  const raw = force_bytes(key)
  const out = new Uint8Array(prefix.length + raw.length)
  out.set(prefix)
  out.set(raw, prefix.length)
  return out
}

/** The SIGNING_BACKEND signer keyed for cookies (SECRET_KEY and its fallbacks, each cookie-prefixed). */
export function get_cookie_signer(options: { salt?: string } = {}): Signer {
  const settings = get_settings()
  const backend = signing_backend(settings.SIGNING_BACKEND)
  return new backend({
    key: cookie_signer_key(settings.SECRET_KEY),
    fallback_keys: settings.SECRET_KEY_FALLBACKS.map(cookie_signer_key),
    salt: options.salt ?? 'django.core.signing.get_cookie_signer',
  })
}

/** Django 5.2.15+ cookie salt: the length prefix keeps (name, salt) pairs from colliding. */
export function cookie_signer_salt(key: string, salt = ''): string {
  return `django.http.cookies.v2:${[...salt].length}:${salt}${key}`
}

/** The salt signed cookies used before Django 5.2.15: the cookie name followed by the salt. */
export function cookie_signer_legacy_salt(key: string, salt = ''): string {
  return key + salt
}

/** Keyword arguments of `unsign_cookie()`. */
export interface UnsignCookieOptions {
  /** The salt given to `set_signed_cookie()`; '' by default. */
  salt?: string
  /** Maximum age in seconds. */
  max_age?: number | Duration | null
}

/**
 * The value of the signed cookie `key`, as `get_signed_cookie()` checks it: the v2 salt first, then
 * (while SIGNED_COOKIE_LEGACY_SALT_FALLBACK is on, and only for a bad, not an expired, signature) the
 * legacy salt. An expired legacy signature raises SignatureExpired.
 */
export function unsign_cookie(key: string, value: string, options: UnsignCookieOptions = {}): string {
  const { salt = '', max_age = null } = options
  try {
    return get_cookie_signer({ salt: cookie_signer_salt(key, salt) }).unsign(value, { max_age })
  } catch (error) {
    if (!(error instanceof BadSignature) || error instanceof SignatureExpired) throw error
    if (!get_settings().SIGNED_COOKIE_LEGACY_SALT_FALLBACK) throw error
    try {
      return get_cookie_signer({ salt: cookie_signer_legacy_salt(key, salt) }).unsign(value, { max_age })
    } catch (legacyError) {
      throw legacyError instanceof BadSignature && !(legacyError instanceof SignatureExpired) ? error : legacyError
    }
  }
}
