/** Port of django/middleware/csrf.py (CsrfViewMiddleware: the token check, the cookie, the rejection). */
import type { Settings } from '../conf/settings.ts'
import { patch_vary_headers } from '../core/cache.ts'
import { MiddlewareMixin, type ViewFunc } from '../core/deprecation.ts'
import { AttributeError, ImproperlyConfigured } from '../core/exceptions.ts'
import { import_string, register_import } from '../core/module-loading.ts'
import { str_repr } from '../core/python.ts'
import { get_settings } from '../conf/context.ts'
import { HttpHeaders } from '../http/headers.ts'
import type { HttpRequest } from '../http/request.ts'
import { UnreadablePostError } from '../http/request-exceptions.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { log_rejection } from './log.ts'
import {
  check_referer,
  interpolate,
  origin_verified,
  RejectRequest,
  trusted_origins,
  type TrustedOrigins,
} from './origin-checks.ts'
import {
  _add_new_csrf_cookie,
  _check_token_format,
  _does_token_match,
  _unmask_cipher_token,
  csrf_meta,
  CSRF_SESSION_KEY,
  CSRF_TOKEN_LENGTH,
  InvalidTokenFormat,
} from './tokens.ts'
import { REASON_BAD_ORIGIN, REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE } from './reasons.ts'
// Registers django.views.csrf.csrf_failure, the default CSRF_FAILURE_VIEW.
import './views.ts'

export {
  REASON_BAD_ORIGIN,
  REASON_BAD_REFERER,
  REASON_CSRF_TOKEN_MISSING,
  REASON_INSECURE_REFERER,
  REASON_MALFORMED_REFERER,
  REASON_NO_CSRF_COOKIE,
  REASON_NO_REFERER,
} from './reasons.ts'
export { RejectRequest } from './origin-checks.ts'
export { unicode_escape } from './log.ts'
export { REASON_INCORRECT_LENGTH, REASON_INVALID_CHARACTERS } from './tokens.ts'

/** The view CSRF_FAILURE_VIEW names: called as `view(request, { reason })`. */
export type CsrfFailureView = (request: HttpRequest, options: { reason?: string }) => HttpResponseBase

/** The view rejections are rendered by. */
export function _get_failure_view(settings: Settings = get_settings()): CsrfFailureView {
  return import_string<CsrfFailureView>(settings.CSRF_FAILURE_VIEW)
}

/**
 * Requires a correct token (form field `csrfmiddlewaretoken` or the CSRF header) matching the
 * CSRF cookie on unsafe requests, checks Origin (and Referer over HTTPS), and sends the cookie
 * when `get_token()` or `rotate_token()` was used.
 */
export class CsrfViewMiddleware extends MiddlewareMixin {
  #trusted_origins: readonly string[] | null = null
  #trusted_value: TrustedOrigins | null = null

  // DEVIATION(django): Django caches these per instance for good; here they are rebuilt when
  // CSRF_TRUSTED_ORIGINS is another value than last time, since settings are per site, not per process.
  #trusted(): TrustedOrigins {
    const origins = get_settings().CSRF_TRUSTED_ORIGINS
    if (this.#trusted_value === null || this.#trusted_origins !== origins) {
      this.#trusted_value = trusted_origins(origins)
      this.#trusted_origins = origins
    }
    return this.#trusted_value
  }

  /** Hosts of CSRF_TRUSTED_ORIGINS (leading `*` removed), for the Referer check. */
  get csrf_trusted_origins_hosts(): string[] {
    return this.#trusted().hosts
  }

  /** The CSRF_TRUSTED_ORIGINS entries without a wildcard. */
  get allowed_origins_exact(): Set<string> {
    return this.#trusted().exact
  }

  /** Scheme → netlocs whose subdomains are trusted (from the wildcard entries). */
  get allowed_origin_subdomains(): Record<string, string[]> {
    return this.#trusted().subdomains
  }

  /** Marks the request checked so a second middleware or decorator does not check it again. */
  _accept(request: HttpRequest): null {
    request.csrf_processing_done = true
    return null
  }

  /** The failure view's response for `reason`, logged on `django.security.csrf` (Django's log_response). */
  _reject(request: HttpRequest, reason: string): HttpResponseBase | null {
    const response = _get_failure_view()(request, { reason })
    log_rejection(reason, request, response)
    return response
  }

  /**
   * The secret the request came with (cookie or session), unmasked, or null. An invalid
   * cookie throws InvalidTokenFormat; sessions are trusted as they are.
   */
  _get_secret(request: HttpRequest): string | null {
    const settings = get_settings()
    let secret: string | null
    if (settings.CSRF_USE_SESSIONS) {
      const session = request.session
      if (session === undefined || session === null) {
        throw new ImproperlyConfigured(
          'CSRF_USE_SESSIONS is enabled, but request.session is not set. ' +
            'SessionMiddleware must appear before CsrfViewMiddleware in MIDDLEWARE.',
        )
      }
      secret = (session.get(CSRF_SESSION_KEY, null) ?? null) as string | null
    } else {
      const cookies = request.COOKIES
      secret = Object.hasOwn(cookies, settings.CSRF_COOKIE_NAME) ? cookies[settings.CSRF_COOKIE_NAME]! : null
      if (secret !== null) _check_token_format(secret)
    }
    if (secret === null) return null
    // Django before 4.0 stored the secret masked.
    if (secret.length === CSRF_TOKEN_LENGTH) secret = _unmask_cipher_token(secret)
    return secret
  }

  /** Sends `META.CSRF_COOKIE`: as a cookie (with `Vary: Cookie`), or into the session when it changed. */
  _set_csrf_cookie(request: HttpRequest, response: HttpResponseBase): void {
    const settings = get_settings()
    const secret = csrf_meta(request).CSRF_COOKIE
    if (settings.CSRF_USE_SESSIONS) {
      const session = request.session
      if (session === undefined || session === null) {
        throw new AttributeError(`'${request.constructor.name}' object has no attribute 'session'`)
      }
      if (session.get(CSRF_SESSION_KEY, null) !== secret) session.setitem(CSRF_SESSION_KEY, secret)
    } else {
      response.set_cookie(settings.CSRF_COOKIE_NAME, secret, {
        max_age: settings.CSRF_COOKIE_AGE,
        domain: settings.CSRF_COOKIE_DOMAIN,
        path: settings.CSRF_COOKIE_PATH,
        secure: settings.CSRF_COOKIE_SECURE,
        httponly: settings.CSRF_COOKIE_HTTPONLY,
        samesite: settings.CSRF_COOKIE_SAMESITE,
      })
      // The content varies with the cookie.
      patch_vary_headers(response, ['Cookie'])
    }
  }

  /** True when the Origin header is this site's own origin or a trusted one. */
  _origin_verified(request: HttpRequest): boolean {
    return origin_verified(request, this.#trusted())
  }

  /** For HTTPS without Origin: throws RejectRequest unless the Referer is a secure, trusted URL. */
  _check_referer(request: HttpRequest): void {
    check_referer(request, this.#trusted())
  }

  /** `CSRF token from POST <reason>.` or `CSRF token from the 'X-Csrftoken' HTTP header <reason>.` */
  _bad_token_message(reason: string, token_source: string): string {
    let source = token_source
    // Anything but POST is a CSRF_HEADER_NAME META key.
    if (token_source !== 'POST') {
      source = `the ${str_repr(String(HttpHeaders.parse_header_name(token_source)))} HTTP header`
    }
    return `CSRF token from ${source} ${reason}.`
  }

  /** Throws RejectRequest unless the request's token (POST field, else header) matches its secret. */
  _check_token(request: HttpRequest): void {
    const settings = get_settings()
    let secret: string | null
    // Read the secret afresh: rotate_token() may have run in an earlier middleware.
    try {
      secret = this._get_secret(request)
    } catch (error) {
      if (error instanceof InvalidTokenFormat) throw new RejectRequest(`CSRF cookie ${error.reason}.`)
      throw error
    }
    // A cookie is required for unsafe requests; that also stops login CSRF.
    if (secret === null) throw new RejectRequest(REASON_NO_CSRF_COOKIE)

    let request_csrf_token: unknown = ''
    if (request.method === 'POST') {
      try {
        request_csrf_token = request.POST.get('csrfmiddlewaretoken', '')
      } catch (error) {
        // A broken connection: answer 403 rather than raise from process_view.
        if (!(error instanceof UnreadablePostError)) throw error
      }
    }
    let token_source: string
    if (request_csrf_token === '') {
      // The header is the way for AJAX, PUT and DELETE.
      if (!Object.hasOwn(request.META, settings.CSRF_HEADER_NAME)) throw new RejectRequest(REASON_CSRF_TOKEN_MISSING)
      request_csrf_token = request.META[settings.CSRF_HEADER_NAME]
      token_source = settings.CSRF_HEADER_NAME
    } else {
      token_source = 'POST'
    }
    const token = String(request_csrf_token)
    try {
      _check_token_format(token)
    } catch (error) {
      if (error instanceof InvalidTokenFormat) {
        throw new RejectRequest(this._bad_token_message(error.reason, token_source))
      }
      throw error
    }
    if (!_does_token_match(token, secret)) throw new RejectRequest(this._bad_token_message('incorrect', token_source))
  }

  /** Keeps the request's secret in `META.CSRF_COOKIE`; an invalid cookie is replaced by a new secret. */
  override process_request(request: HttpRequest): null {
    let secret: string | null
    try {
      secret = this._get_secret(request)
    } catch (error) {
      if (!(error instanceof InvalidTokenFormat)) throw error
      _add_new_csrf_cookie(request)
      return null
    }
    // A legacy masked cookie is stored back unmasked, but only when it is being sent anyway.
    if (secret !== null) csrf_meta(request).CSRF_COOKIE = secret
    return null
  }

  /** The check itself: null to go on to the view, or the failure view's 403. */
  override process_view(
    request: HttpRequest,
    callback: ViewFunc,
    _callback_args: unknown[],
    _callback_kwargs: Record<string, unknown>,
  ): HttpResponseBase | null {
    if (request.csrf_processing_done) return null
    // After process_request, so get_token() still works in exempt views.
    if ((callback as { csrf_exempt?: unknown }).csrf_exempt) return null
    // Anything RFC 7231 does not call safe needs protection.
    if (['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(request.method ?? '')) return this._accept(request)
    // The test client's switch: after the cookie handling, before anything can reject.
    if (request._dont_enforce_csrf_checks) return this._accept(request)
    if (Object.hasOwn(request.META, 'HTTP_ORIGIN')) {
      if (!this._origin_verified(request)) {
        return this._reject(request, interpolate(REASON_BAD_ORIGIN, request.META.HTTP_ORIGIN!))
      }
    } else if (request.is_secure()) {
      // Over HTTPS a man in the middle could plant cookie and token; a same-site Referer is required too.
      try {
        this._check_referer(request)
      } catch (error) {
        if (error instanceof RejectRequest) return this._reject(request, error.reason)
        throw error
      }
    }
    try {
      this._check_token(request)
    } catch (error) {
      if (error instanceof RejectRequest) return this._reject(request, error.reason)
      throw error
    }
    return this._accept(request)
  }

  /** Sends the cookie when flagged, then clears the flag so a second instance does not send it again. */
  override process_response(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
    const meta = csrf_meta(request)
    if (meta.CSRF_COOKIE_NEEDS_UPDATE) {
      this._set_csrf_cookie(request, response)
      // rotate_token() in a later process_response still sets the flag again.
      meta.CSRF_COOKIE_NEEDS_UPDATE = false
    }
    return response
  }
}

register_import('django.middleware.csrf.CsrfViewMiddleware', CsrfViewMiddleware)
