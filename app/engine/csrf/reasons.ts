/** Port of django/middleware/csrf.py (The REASON_* strings a rejection reports). */

/** `%s` is the Origin header. */
export const REASON_BAD_ORIGIN = 'Origin checking failed - %s does not match any trusted origins.'
/** Over HTTPS, a request without Origin must carry a Referer. */
export const REASON_NO_REFERER = 'Referer checking failed - no Referer.'
/** `%s` is the Referer URL. */
export const REASON_BAD_REFERER = 'Referer checking failed - %s does not match any trusted origins.'
/** No cookie (or session entry) holds a secret. */
export const REASON_NO_CSRF_COOKIE = 'CSRF cookie not set.'
/** Neither the form field nor the header carries a token. */
export const REASON_CSRF_TOKEN_MISSING = 'CSRF token missing.'
/** The Referer has no scheme or host, or does not parse. */
export const REASON_MALFORMED_REFERER = 'Referer checking failed - Referer is malformed.'
/** The Referer is not https while the request is. */
export const REASON_INSECURE_REFERER = 'Referer checking failed - Referer is insecure while host is secure.'
