/** Every CSRF value real Django 5.2.19 produced (conformance artifacts), reproduced exactly. */
import { describe, expect, it } from 'vitest'
import { frozen_clock, with_clock } from '../core/clock.ts'
import {
  _does_token_match,
  _mask_cipher_secret,
  _unmask_cipher_token,
  CSRF_ALLOWED_CHARS,
  CSRF_SECRET_LENGTH,
  CSRF_TOKEN_LENGTH,
} from '../csrf/tokens.ts'
import artifacts from './fixtures/artifacts.json'

const csrf = artifacts.csrf

/**
 * A clock whose random bytes make get_random_string() pick exactly the characters of `text`:
 * randbelow(62) draws one byte and keeps its top six bits.
 */
function clock_choosing(text: string) {
  const bytes = [...text].map((ch) => CSRF_ALLOWED_CHARS.indexOf(ch) << 2)
  let next = 0
  return frozen_clock(artifacts.frozen_epoch, (n) => Uint8Array.from({ length: n }, () => bytes[next++]!))
}

describe('csrf artifacts', () => {
  it('alphabet and lengths', () => {
    expect(CSRF_ALLOWED_CHARS).toBe(csrf.allowed_chars)
    expect(CSRF_SECRET_LENGTH).toBe(csrf.secret_length)
    expect(CSRF_TOKEN_LENGTH).toBe(csrf.token_length)
  })

  it.each(csrf.mask)('mask $secret with $mask', ({ secret, mask, token }) => {
    expect(with_clock(clock_choosing(mask), () => _mask_cipher_secret(secret))).toBe(token)
  })

  it.each(csrf.unmask)('unmask $token', ({ token, secret }) => {
    expect(_unmask_cipher_token(token)).toBe(secret)
  })

  it.each(csrf.does_token_match)('does_token_match $request_token', ({ request_token, secret, result }) => {
    // The oracle recorded a fresh random mask as a placeholder: mask the secret anew here.
    const token = request_token === '(random mask of the secret)' ? _mask_cipher_secret(secret) : request_token
    expect(_does_token_match(token, secret)).toBe(result)
  })
})
