/** Port of django/utils/log.py (log_response, as CsrfViewMiddleware calls it on `django.security.csrf`). */
import { getLogger } from '../core/log.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'

const logger = getLogger('django.security.csrf')

/** Python's `str.encode('unicode_escape').decode('ascii')`: how log_response neutralises its arguments. */
export function unicode_escape(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (ch === '\\') out += '\\\\'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (code >= 0x20 && code < 0x7f) out += ch
    else if (code < 0x100) out += '\\x' + code.toString(16).padStart(2, '0')
    else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0')
    else out += '\\U' + code.toString(16).padStart(8, '0')
  }
  return out
}

/**
 * Logs `Forbidden (<reason>): <path>` for a rejection: a warning for a 4xx (an error for a 5xx,
 * info otherwise, should a custom failure view return one), the arguments escaped against log injection.
 */
export function log_rejection(reason: string, request: HttpRequest, response: HttpResponseBase): void {
  const status_code = response.status_code
  const level = status_code >= 500 ? 'error' : status_code >= 400 ? 'warning' : 'info'
  logger[level](`Forbidden (${unicode_escape(reason)}): ${unicode_escape(request.path)}`, { status_code, request })
}
