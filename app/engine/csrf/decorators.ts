/** Port of django/views/decorators/csrf.py (csrf_exempt, csrf_protect, requires_csrf_token, ensure_csrf_cookie). */
import { iscoroutinefunction, markcoroutinefunction } from '../core/coroutines.ts'
import { decorator_from_middleware, update_wrapper, type View } from '../core/decorators.ts'
import type { ViewFunc } from '../core/deprecation.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { CsrfViewMiddleware } from './middleware.ts'
import { get_token } from './tokens.ts'

/** CsrfViewMiddleware's protection for one view; using it with the middleware too is harmless. */
export const csrf_protect = decorator_from_middleware(CsrfViewMiddleware)

/** The middleware without rejections (and so without warnings). */
export class _EnsureCsrfToken extends CsrfViewMiddleware {
  override _reject(_request: HttpRequest, _reason: string): HttpResponseBase | null {
    return null
  }
}

/** Makes `get_token()` work in a view without protecting it: never rejects. */
export const requires_csrf_token = decorator_from_middleware(_EnsureCsrfToken)

/** The middleware without rejections that always sends the cookie. */
export class _EnsureCsrfCookie extends CsrfViewMiddleware {
  override _reject(_request: HttpRequest, _reason: string): HttpResponseBase | null {
    return null
  }

  override process_view(
    request: HttpRequest,
    callback: ViewFunc,
    callback_args: unknown[],
    callback_kwargs: Record<string, unknown>,
  ): HttpResponseBase | null {
    const retval = super.process_view(request, callback, callback_args, callback_kwargs)
    // Makes process_response send the cookie.
    get_token(request)
    return retval
  }
}

/** Sends the CSRF cookie with the view's response whether or not the view used a token. */
export const ensure_csrf_cookie = decorator_from_middleware(_EnsureCsrfCookie)

/** A view marked `csrf_exempt`. */
export type CsrfExemptView<V extends View> = V & { csrf_exempt: boolean }

/** Marks a view exempt from CsrfViewMiddleware's checks; returns a new wrapper (sync or async like the view). */
export function csrf_exempt<V extends View>(view_func: V): CsrfExemptView<V> {
  // A wrapper rather than setting the attribute on the view: decorators should not mutate.
  let view_wrapper: View
  if (iscoroutinefunction(view_func)) {
    view_wrapper = async (request: HttpRequest, ...args: unknown[]) => await view_func(request, ...args)
    markcoroutinefunction(view_wrapper)
  } else {
    view_wrapper = (request: HttpRequest, ...args: unknown[]) => view_func(request, ...args)
  }
  ;(view_wrapper as CsrfExemptView<View>).csrf_exempt = true
  return update_wrapper(view_wrapper, view_func) as CsrfExemptView<V>
}
