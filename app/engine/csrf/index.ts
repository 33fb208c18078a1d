/** django.middleware.csrf, django.views.csrf and django.views.decorators.csrf: CSRF protection. */
export {
  _add_new_csrf_cookie,
  _check_token_format,
  _does_token_match,
  _get_new_csrf_string,
  _mask_cipher_secret,
  _unmask_cipher_token,
  AssertionError,
  CSRF_ALLOWED_CHARS,
  CSRF_SECRET_LENGTH,
  CSRF_SESSION_KEY,
  CSRF_TOKEN_LENGTH,
  get_token,
  InvalidTokenFormat,
  REASON_INCORRECT_LENGTH,
  REASON_INVALID_CHARACTERS,
  rotate_token,
} from './tokens.ts'
export {
  REASON_BAD_ORIGIN,
  REASON_BAD_REFERER,
  REASON_CSRF_TOKEN_MISSING,
  REASON_INSECURE_REFERER,
  REASON_MALFORMED_REFERER,
  REASON_NO_CSRF_COOKIE,
  REASON_NO_REFERER,
} from './reasons.ts'
export { _get_failure_view, CsrfViewMiddleware } from './middleware.ts'
export { log_rejection, unicode_escape } from './log.ts'
export { check_referer, origin_verified, RejectRequest, trusted_origins } from './origin-checks.ts'
export type { TrustedOrigins } from './origin-checks.ts'
export type { CsrfFailureView } from './middleware.ts'
export { csrf_failure, CSRF_FAILURE_TEMPLATE_NAME, TemplateDoesNotExist } from './views.ts'
export type { CsrfFailureOptions } from './views.ts'
export {
  _EnsureCsrfCookie,
  _EnsureCsrfToken,
  csrf_exempt,
  csrf_protect,
  ensure_csrf_cookie,
  requires_csrf_token,
} from './decorators.ts'
export type { CsrfExemptView } from './decorators.ts'
export { is_same_domain } from './is-same-domain.ts'
