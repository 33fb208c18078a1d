/** Properties of CSRF tokens and of the middleware on arbitrary input. */
// django: tests/csrf_tests/tests.py (the invariants its cases sample)
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { register_import, unregister_import } from '../core/module-loading.ts'
import { CsrfViewMiddleware } from '../csrf/middleware.ts'
import {
  _does_token_match,
  _mask_cipher_secret,
  _unmask_cipher_token,
  CSRF_ALLOWED_CHARS,
  CSRF_SECRET_LENGTH,
  CSRF_TOKEN_LENGTH,
  get_token,
} from '../csrf/tokens.ts'
import { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { HttpResponseForbidden } from '../http/response-subclasses.ts'

const secret_arb = fc.string({ unit: fc.constantFrom(...CSRF_ALLOWED_CHARS), minLength: 32, maxLength: 32 })
const ALPHABET = new RegExp(`^[${CSRF_ALLOWED_CHARS}]{${CSRF_TOKEN_LENGTH}}$`)

// Every reason Django 5.2 can give, the two with a URL as patterns.
const FIXED_REASONS = new Set([
  'CSRF cookie not set.',
  'CSRF token missing.',
  'CSRF cookie has incorrect length.',
  'CSRF cookie has invalid characters.',
  'CSRF token from POST has incorrect length.',
  'CSRF token from POST has invalid characters.',
  'CSRF token from POST incorrect.',
  "CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.",
  "CSRF token from the 'X-Csrftoken' HTTP header has invalid characters.",
  "CSRF token from the 'X-Csrftoken' HTTP header incorrect.",
  'Referer checking failed - no Referer.',
  'Referer checking failed - Referer is malformed.',
  'Referer checking failed - Referer is insecure while host is secure.',
])
const PATTERN_REASONS = [
  /^Origin checking failed - [\s\S]* does not match any trusted origins\.$/,
  /^Referer checking failed - [\s\S]* does not match any trusted origins\.$/,
]

function is_django_reason(reason: string): boolean {
  return FIXED_REASONS.has(reason) || PATTERN_REASONS.some((pattern) => pattern.test(reason))
}

describe('CSRF token properties', () => {
  it('mask then unmask returns the secret', () => {
    fc.assert(
      fc.property(secret_arb, (secret) => {
        expect(_unmask_cipher_token(_mask_cipher_secret(secret))).toBe(secret)
        expect(_does_token_match(_mask_cipher_secret(secret), secret)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('a token is always 64 characters of the alphabet and carries the request secret', () => {
    fc.assert(
      fc.property(fc.option(secret_arb, { nil: undefined }), (existing) => {
        const request = new HttpRequest()
        if (existing !== undefined) request.META.CSRF_COOKIE = existing
        const token = get_token(request)
        expect(token).toMatch(ALPHABET)
        expect(request.META.CSRF_COOKIE!.length).toBe(CSRF_SECRET_LENGTH)
        expect(_unmask_cipher_token(token)).toBe(request.META.CSRF_COOKIE)
      }),
      { numRuns: 1000 },
    )
  })
})

class Req extends HttpRequest {
  secure = false
  override is_secure(): boolean {
    return this.secure
  }
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...CSRF_ALLOWED_CHARS, '*', '-', 'é', '😀'), minLength: 30, maxLength: 66 }),
  fc.constantFrom('https://testserver/', 'http://testserver', 'https://[', 'null', '', 'https://x.example.org/'),
)

describe('CsrfViewMiddleware on malformed input', () => {
  it('never throws, and rejects only with one of Django reasons', () => {
    const reasons: string[] = []
    register_import('csrf_property.failure', (_request: HttpRequest, { reason = '' }: { reason?: string }) => {
      reasons.push(reason)
      return new HttpResponseForbidden(reason)
    })
    const settings = make_settings({
      ALLOWED_HOSTS: ['testserver'],
      CSRF_FAILURE_VIEW: 'csrf_property.failure',
      CSRF_TRUSTED_ORIGINS: ['https://*.example.org'],
    })
    const view = () => new HttpResponse('ok')
    try {
      fc.assert(
        fc.property(
          fc.record(
            {
              method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'GET'),
              secure: fc.boolean(),
              host: fc.oneof(fc.constant('testserver'), text),
              cookie: text,
              post: text,
              header: text,
              origin: text,
              referer: text,
            },
            { requiredKeys: ['method', 'secure', 'host'] },
          ),
          (c) =>
            with_settings(settings, () => {
              const req = new Req()
              req.method = c.method
              req.secure = c.secure
              req.META.HTTP_HOST = c.host
              req.META.SERVER_PORT = '443'
              if (c.cookie !== undefined) req.COOKIES.csrftoken = c.cookie
              if (c.post !== undefined) req.POST.setitem('csrfmiddlewaretoken', c.post)
              if (c.header !== undefined) req.META.HTTP_X_CSRFTOKEN = c.header
              if (c.origin !== undefined) req.META.HTTP_ORIGIN = c.origin
              if (c.referer !== undefined) req.META.HTTP_REFERER = c.referer
              reasons.length = 0
              const mw = new CsrfViewMiddleware(view)
              mw.process_request(req)
              const response = mw.process_view(req, view, [], {})
              mw.process_response(req, response ?? view())
              if (response === null) {
                expect(reasons).toEqual([])
              } else {
                expect(response.status_code).toBe(403)
                expect(reasons).toHaveLength(1)
                expect(is_django_reason(reasons[0]!), reasons[0]).toBe(true)
              }
            }),
        ),
        { numRuns: 3000 },
      )
    } finally {
      unregister_import('csrf_property.failure')
    }
  })
})
