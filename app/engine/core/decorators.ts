/** Port of django/utils/decorators.py (Middleware as view decorators, and the middleware capability markers). */
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { iscoroutinefunction, markcoroutinefunction } from './coroutines.ts'
import type { GetResponse } from './deprecation.ts'

/** A view: the request, then the positional arguments the URL captured. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type View = (request: HttpRequest, ...args: any[]) => HttpResponseBase | Promise<HttpResponseBase>

/** A response that renders late (TemplateResponse): Django runs process_response after rendering. */
interface RenderableResponse extends HttpResponseBase {
  render(): unknown
  add_post_render_callback(callback: (response: HttpResponseBase) => unknown): void
}

/** The hooks a middleware used as a decorator may have. */
export interface DecoratorMiddleware {
  process_request?(request: HttpRequest): HttpResponseBase | null | undefined
  process_view?(
    request: HttpRequest,
    view_func: View,
    view_args: unknown[],
    view_kwargs: Record<string, unknown>,
  ): HttpResponseBase | null | undefined
  process_exception?(request: HttpRequest, exception: unknown): HttpResponseBase | null | undefined
  process_template_response?(request: HttpRequest, response: HttpResponseBase): HttpResponseBase
  process_response?(request: HttpRequest, response: HttpResponseBase): HttpResponseBase
}

/** A middleware class: built with the view as its `get_response`, plus any arguments. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DecoratorMiddlewareClass = new (get_response: GetResponse, ...args: any[]) => DecoratorMiddleware

/** A view decorator. */
export type ViewDecorator = <V extends View>(view_func: V) => V

/**
 * `functools.update_wrapper(wrapper, wrapped)`: the wrapper takes the wrapped view's name and
 * attributes (so a `csrf_exempt` mark survives further decoration) and remembers it as `__wrapped__`.
 */
export function update_wrapper<W extends object>(wrapper: W, wrapped: object): W {
  Object.assign(wrapper, wrapped)
  if (typeof wrapped === 'function') Object.defineProperty(wrapper, 'name', { value: wrapped.name, configurable: true })
  Object.defineProperty(wrapper, '__wrapped__', { value: wrapped, configurable: true, writable: true })
  return wrapper
}

function is_none(value: unknown): value is null | undefined {
  return value === null || value === undefined
}

function is_renderable(response: HttpResponseBase): response is RenderableResponse {
  return typeof (response as Partial<RenderableResponse>).render === 'function'
}

/**
 * Turns a middleware class into a decorator factory: `factory(...args)(view)` runs the
 * middleware's process_request, process_view, process_exception and process_response (after
 * rendering, for template responses) around that one view. Async views get an async wrapper.
 */
export function make_middleware_decorator(middleware_class: DecoratorMiddlewareClass) {
  return (...m_args: unknown[]): ViewDecorator =>
    <V extends View>(view_func: V): V => {
      const middleware = new middleware_class(view_func as unknown as GetResponse, ...m_args)

      const pre_process_request = (request: HttpRequest, args: unknown[]): HttpResponseBase | null => {
        if (middleware.process_request) {
          const result = middleware.process_request(request)
          if (!is_none(result)) return result
        }
        if (middleware.process_view) {
          // DEVIATION(django): views take positional arguments only, so view_kwargs is always empty.
          const result = middleware.process_view(request, view_func, args, {})
          if (!is_none(result)) return result
        }
        return null
      }

      const process_exception = (request: HttpRequest, exception: unknown): HttpResponseBase => {
        if (middleware.process_exception) {
          const result = middleware.process_exception(request, exception)
          if (!is_none(result)) return result
        }
        throw exception
      }

      const post_process_request = (request: HttpRequest, response: HttpResponseBase): HttpResponseBase => {
        if (is_renderable(response)) {
          if (middleware.process_template_response) response = middleware.process_template_response(request, response)
          // process_response must see the rendered content, so it waits for render().
          if (middleware.process_response) {
            const process_response = middleware.process_response.bind(middleware)
            const renderable = response as RenderableResponse
            renderable.add_post_render_callback((rendered) => process_response(request, rendered))
          }
          return response
        }
        return middleware.process_response ? middleware.process_response(request, response) : response
      }

      let view_wrapper: View
      if (iscoroutinefunction(view_func)) {
        view_wrapper = async (request: HttpRequest, ...args: unknown[]) => {
          const result = pre_process_request(request, args)
          if (result !== null) return result
          let response: HttpResponseBase
          try {
            response = await view_func(request, ...args)
          } catch (error) {
            return process_exception(request, error)
          }
          return post_process_request(request, response)
        }
        markcoroutinefunction(view_wrapper)
      } else {
        view_wrapper = (request: HttpRequest, ...args: unknown[]) => {
          const result = pre_process_request(request, args)
          if (result !== null) return result
          let response: HttpResponseBase
          try {
            response = view_func(request, ...args) as HttpResponseBase
          } catch (error) {
            return process_exception(request, error)
          }
          return post_process_request(request, response)
        }
      }
      return update_wrapper(view_wrapper, view_func) as V
    }
}

/** Like `decorator_from_middleware`, but returns a factory taking the middleware's extra arguments. */
export function decorator_from_middleware_with_args(middleware_class: DecoratorMiddlewareClass) {
  return make_middleware_decorator(middleware_class)
}

/** A view decorator running `middleware_class` (built with no extra arguments) around one view. */
export function decorator_from_middleware(middleware_class: DecoratorMiddlewareClass): ViewDecorator {
  return make_middleware_decorator(middleware_class)()
}

/** A middleware factory (function or class) with Django's capability flags. */
type CapabilityMarked = { sync_capable?: boolean; async_capable?: boolean }

/** Marks a middleware factory as working in both sync and async chains. */
export function sync_and_async_middleware<F extends object>(func: F): F & CapabilityMarked {
  return Object.assign(func, { sync_capable: true, async_capable: true })
}

/** Marks a middleware factory as sync only (Django's default). */
export function sync_only_middleware<F extends object>(func: F): F & CapabilityMarked {
  return Object.assign(func, { sync_capable: true, async_capable: false })
}

/** Marks a middleware factory as async only. */
export function async_only_middleware<F extends object>(func: F): F & CapabilityMarked {
  return Object.assign(func, { sync_capable: false, async_capable: true })
}
