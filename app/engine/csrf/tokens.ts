/** Port of django/middleware/csrf.py (Secrets, masked tokens, get_token and rotate_token). */
import type { HttpRequest } from '../http/request.ts'
import { constant_time_compare, get_random_string } from '../core/crypto.ts'
import { AssertionError, PythonError, ValueError } from '../core/exceptions.ts'

/** Length of the secret kept in the cookie (or session). */
export const CSRF_SECRET_LENGTH = 32
/** Length of a masked token: mask followed by cipher. */
export const CSRF_TOKEN_LENGTH = 2 * CSRF_SECRET_LENGTH
/** Python's `string.ascii_letters + string.digits`: lower case first, which the masking arithmetic depends on. */
export const CSRF_ALLOWED_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
/** Session key holding the secret when CSRF_USE_SESSIONS is on. */
export const CSRF_SESSION_KEY = '_csrftoken'

/** Reason phrase for a token or cookie of the wrong length (the subject is added by the caller). */
export const REASON_INCORRECT_LENGTH = 'has incorrect length'
/** Reason phrase for a token or cookie with characters outside CSRF_ALLOWED_CHARS. */
export const REASON_INVALID_CHARACTERS = 'has invalid characters'

const INVALID_TOKEN_CHARS = /[^a-zA-Z0-9]/
const N = CSRF_ALLOWED_CHARS.length

export { AssertionError } from '../core/exceptions.ts'

/** A cookie or token that is not 32/64 alphanumeric characters; `reason` is one of the REASON_* phrases. */
export class InvalidTokenFormat extends PythonError {
  readonly reason: string
  constructor(reason: string) {
    super(reason)
    this.reason = reason
  }
}

/** The META entries the CSRF machinery keeps on a request (Django stores a bool there too). */
export type CsrfMeta = Record<string, unknown>

/** The request's META as the CSRF code reads and writes it. */
export function csrf_meta(request: HttpRequest): CsrfMeta {
  return request.META as CsrfMeta
}

/** A fresh random secret of CSRF_SECRET_LENGTH allowed characters. */
export function _get_new_csrf_string(): string {
  return get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
}

// Python's len() counts code points; an astral character is one, not two UTF-16 units.
function code_point_length(text: string): number {
  let surrogates = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1)
      if (before >= 0xd800 && before <= 0xdbff) surrogates++
    }
  }
  return text.length - surrogates
}

// str.index(): a character outside the alphabet (a bad secret from a session) is Python's ValueError.
function index_of(ch: string): number {
  const index = CSRF_ALLOWED_CHARS.indexOf(ch)
  if (index < 0) throw new ValueError('substring not found')
  return index
}

/** A new random mask followed by the secret shifted by it, character by character (mod 62). */
export function _mask_cipher_secret(secret: string): string {
  const mask = _get_new_csrf_string()
  let cipher = ''
  // zip() stops at the shorter input, as in Python.
  const n = Math.min(secret.length, mask.length)
  for (let i = 0; i < n; i++) cipher += CSRF_ALLOWED_CHARS[(index_of(secret[i]!) + index_of(mask[i]!)) % N]
  return mask + cipher
}

/** The secret a masked token carries: its second half shifted back by its first half. */
export function _unmask_cipher_token(token: string): string {
  const mask = token.slice(0, CSRF_SECRET_LENGTH)
  const cipher = token.slice(CSRF_SECRET_LENGTH)
  let secret = ''
  const n = Math.min(mask.length, cipher.length)
  // Python indexes negative differences from the end; that is the same as mod 62.
  for (let i = 0; i < n; i++) secret += CSRF_ALLOWED_CHARS[(((index_of(cipher[i]!) - index_of(mask[i]!)) % N) + N) % N]
  return secret
}

/** Puts a new secret in `META.CSRF_COOKIE`, flags the cookie for sending, and returns the secret. */
export function _add_new_csrf_cookie(request: HttpRequest): string {
  const secret = _get_new_csrf_string()
  const meta = csrf_meta(request)
  meta.CSRF_COOKIE = secret
  meta.CSRF_COOKIE_NEEDS_UPDATE = true
  return secret
}

/**
 * The token a form or header should carry: the request's secret (made now if it has none),
 * freshly masked, so it differs on every call. Flags the cookie to be (re)sent.
 */
export function get_token(request: HttpRequest): string {
  const meta = csrf_meta(request)
  let secret: string
  if (Object.hasOwn(meta, 'CSRF_COOKIE')) {
    secret = meta.CSRF_COOKIE as string
    // Re-send the cookie even if the client has it, to renew its expiry.
    meta.CSRF_COOKIE_NEEDS_UPDATE = true
  } else {
    secret = _add_new_csrf_cookie(request)
  }
  return _mask_cipher_secret(secret)
}

/** Replaces the request's secret with a new one (done at login). */
export function rotate_token(request: HttpRequest): void {
  _add_new_csrf_cookie(request)
}

/** Throws InvalidTokenFormat unless `token` has 32 or 64 characters, all alphanumeric ASCII. */
export function _check_token_format(token: string): void {
  const length = code_point_length(token)
  if (length !== CSRF_TOKEN_LENGTH && length !== CSRF_SECRET_LENGTH) {
    throw new InvalidTokenFormat(REASON_INCORRECT_LENGTH)
  }
  if (INVALID_TOKEN_CHARS.test(token)) throw new InvalidTokenFormat(REASON_INVALID_CHARACTERS)
}

/**
 * True when `request_csrf_token` (already format-checked; unmasked first when 64 long) equals
 * the secret, compared in constant time.
 */
export function _does_token_match(request_csrf_token: string, csrf_secret: string): boolean {
  let token = request_csrf_token
  if (token.length === CSRF_TOKEN_LENGTH) token = _unmask_cipher_token(token)
  if (token.length !== CSRF_SECRET_LENGTH) throw new AssertionError('')
  return constant_time_compare(token, csrf_secret)
}
