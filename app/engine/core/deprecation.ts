/** Port of django/utils/deprecation.py (MiddlewareMixin: the old-style process_request/process_response hooks). */
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { iscoroutinefunction, markcoroutinefunction } from './coroutines.ts'
import { ValueError } from './exceptions.ts'

/** The next layer of the chain: the rest of the middleware and the view. */
export type GetResponse = (request: HttpRequest) => HttpResponseBase | Promise<HttpResponseBase>

/** A view as middleware sees it in `process_view`. */
export type ViewFunc = (request: HttpRequest, ...args: never[]) => unknown

/**
 * Django's MiddlewareMixin: a middleware built from optional hooks. Called with a request, it
 * runs `process_request`, then the rest of the chain unless that returned a response, then
 * `process_response`. It follows the mode of `get_response`: async when that is async.
 */
export abstract class MiddlewareMixin {
  /** Django's capability flags: this middleware works in both modes. */
  static sync_capable = true
  static async_capable = true

  readonly get_response: GetResponse

  constructor(get_response: GetResponse) {
    if (get_response === null || get_response === undefined) {
      throw new ValueError('get_response must be provided.')
    }
    this.get_response = get_response
    markcoroutinefunction(this, iscoroutinefunction(get_response))
  }

  /** Runs before the rest of the chain; a response returned here short-circuits it. */
  process_request?(request: HttpRequest): HttpResponseBase | null | undefined
  /** Runs on the way out, and returns the response to pass on. */
  process_response?(request: HttpRequest, response: HttpResponseBase): HttpResponseBase
  /** Runs just before the view; a response returned here is used instead of calling the view. */
  process_view?(request: HttpRequest, view_func: ViewFunc, view_args: unknown[], view_kwargs: Record<string, unknown>): HttpResponseBase | null | undefined
  /** Runs when the view raised; a response returned here is used instead of the error. */
  process_exception?(request: HttpRequest, exception: unknown): HttpResponseBase | null | undefined

  /** Calls the middleware (Python's `__call__`); returns a promise in async mode. */
  __call__(request: HttpRequest): HttpResponseBase | Promise<HttpResponseBase> {
    if (iscoroutinefunction(this)) return this.__acall__(request)
    let response = this.process_request?.(request) ?? null
    response ??= this.get_response(request) as HttpResponseBase
    return this.process_response ? this.process_response(request, response) : response
  }

  /** The async path: the same hooks, awaiting the rest of the chain. */
  async __acall__(request: HttpRequest): Promise<HttpResponseBase> {
    let response = this.process_request?.(request) ?? null
    response ??= await this.get_response(request)
    return this.process_response ? this.process_response(request, response) : response
  }
}
