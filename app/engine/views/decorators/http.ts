/** Port of django/views/decorators/http.py (require_http_methods and its shortcuts). */
import { iscoroutinefunction, markcoroutinefunction } from '../../core/coroutines.ts'
import { wraps } from '../../core/functional.ts'
import { log_response } from '../../core/log-response.ts'
import type { HttpRequest } from '../../http/request.ts'
import type { HttpResponseBase } from '../../http/response-base.ts'
import { HttpResponseNotAllowed } from '../../http/response-subclasses.ts'

/** A view: a request (and the URL's arguments) in, a response (or a promise of one) out. */
export type ViewFunction = (request: HttpRequest, ...args: never[]) => HttpResponseBase | Promise<HttpResponseBase>

/**
 * `@require_http_methods(['GET', 'POST'])`: other methods get a 405 listing the allowed ones.
 * Works on sync and async views; the view keeps its name and marks.
 */
export function require_http_methods(request_method_list: readonly string[]) {
  return <V extends ViewFunction>(func: V): V => {
    const refuse = (request: HttpRequest): HttpResponseBase | null => {
      if (request_method_list.includes(request.method ?? '')) return null
      const response = new HttpResponseNotAllowed(request_method_list)
      log_response(`Method Not Allowed (${request.method}): ${request.path}`, response, request)
      return response
    }
    const call = func as unknown as (request: HttpRequest, ...args: unknown[]) => HttpResponseBase | Promise<HttpResponseBase>
    const inner = iscoroutinefunction(func)
      ? markcoroutinefunction(async (request: HttpRequest, ...args: unknown[]) => refuse(request) ?? (await call(request, ...args)))
      : (request: HttpRequest, ...args: unknown[]) => refuse(request) ?? call(request, ...args)
    return wraps(inner, func) as unknown as V
  }
}

/** Only GET. */
export const require_GET = require_http_methods(['GET'])
/** Only POST. */
export const require_POST = require_http_methods(['POST'])
/** Only the safe methods that views usually serve: GET and HEAD. */
export const require_safe = require_http_methods(['GET', 'HEAD'])
