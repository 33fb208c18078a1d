/** Port of django/utils/log.py's `log_response`: one log line per 4xx/5xx response, never twice. */
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { getLogger } from './log.ts'

/** Responses already logged (Django sets `response._has_been_logged`). */
const logged = new WeakSet<HttpResponseBase>()

/**
 * Logs `message` on `django.request`: ERROR for a 5xx, WARNING for a 4xx, nothing otherwise or
 * when this response was logged already.
 */
export function log_response(message: string, response: HttpResponseBase, request: HttpRequest | null = null, exception: unknown = null): void {
  if (logged.has(response)) return
  const level = response.status_code >= 500 ? 'error' : response.status_code >= 400 ? 'warning' : null
  if (level === null) return
  getLogger('django.request')[level](message, { status_code: response.status_code, request, exception })
  logged.add(response)
}
