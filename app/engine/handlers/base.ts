/**
 * Port of django/core/handlers/base.py (BaseHandler): builds the middleware chain from
 * MIDDLEWARE and runs a request through it to the view.
 *
 * DEVIATION(django): a sync handler (the test Client, WSGI) cannot wait for a promise, so an
 * async view or async-only middleware there raises an error pointing to the async path
 * (AsyncClient, the ASGI handler); Django would run it with async_to_sync.
 */
import '../builtins.ts'
import { get_settings } from '../conf/context.ts'
import { iscoroutinefunction, markcoroutinefunction } from '../core/coroutines.ts'
import { ImproperlyConfigured, MiddlewareNotUsed, RuntimeError, ValueError } from '../core/exceptions.ts'
import { log_response } from '../core/log-response.ts'
import { import_string } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { set_urlconf } from '../urls/base.ts'
import { callable_path } from '../urls/resolver-match.ts'
import { call_view, get_resolver, type ResolverMatch, type URLConf, type View } from '../urls/resolvers.ts'
import { convert_exception_to_response, type Handler } from './exception.ts'

type Hook<A extends unknown[]> = (...args: A) => HttpResponseBase | null | undefined | Promise<HttpResponseBase | null | undefined>
type ViewHook = Hook<[HttpRequest, View, unknown[], Record<string, unknown>]>
type ExceptionHook = Hook<[HttpRequest, unknown]>
type TemplateHook = (request: HttpRequest, response: HttpResponseBase) => HttpResponseBase | Promise<HttpResponseBase>

/** A middleware instance: a callable, or an object with Django's hooks and `__call__`. */
interface MiddlewareInstance {
  __call__?: Handler
  process_view?: ViewHook
  process_exception?: ExceptionHook
  process_template_response?: TemplateHook
}

/** What MIDDLEWARE lists: a class or factory taking get_response, or its dotted name. */
export type MiddlewareFactory = ((get_response: Handler) => unknown) & {
  sync_capable?: boolean
  async_capable?: boolean
}

function is_class(fn: unknown): fn is new (get_response: Handler) => unknown {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn))
}

function is_promise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

/** A response rendered late (Django's TemplateResponse): middleware may change it before `render()`. */
interface Renderable {
  render(): HttpResponseBase
  is_rendered?: boolean
}

function is_renderable(response: unknown): response is Renderable {
  return typeof (response as Partial<Renderable>).render === 'function'
}

/** The middleware class a bound hook came from, for Django's messages. */
const hook_owners = new WeakMap<object, string>()
function hook_owner(hook: object): string {
  return hook_owners.get(hook) ?? 'Middleware'
}

/** The name Django's messages give a view: `module.name` when it has `__module__`, else its name or `<lambda>`. */
function view_name(callback: unknown): string {
  if (typeof callback === 'function') return callable_path(callback)
  return `${callable_path((callback as object).constructor)}.__call__`
}

/** The error a sync handler raises when it meets something async. */
export function async_in_sync_error(what: string): RuntimeError {
  return new RuntimeError(
    `${what} is async, but this request is handled synchronously (Client, WSGIHandler). ` +
      'Use AsyncClient (or the ASGI handler) to run async views and middleware.',
  )
}

/** Django's BaseHandler. */
export class BaseHandler {
  /** @internal */
  _view_middleware: ViewHook[] | null = null
  /** @internal */
  _template_response_middleware: TemplateHook[] | null = null
  /** @internal */
  _exception_middleware: ExceptionHook[] | null = null
  /** @internal The whole chain, outermost middleware first; null until `load_middleware()`. */
  _middleware_chain: Handler | null = null

  /** Builds the chain from the active MIDDLEWARE setting, in sync or async mode. */
  load_middleware(is_async = false): void {
    this._view_middleware = []
    this._template_response_middleware = []
    this._exception_middleware = []
    const inner = is_async
      ? markcoroutinefunction((request: HttpRequest) => this._get_response_async(request))
      : markcoroutinefunction((request: HttpRequest) => this._get_response(request), false)
    let handler = convert_exception_to_response(inner)
    let handler_is_async = is_async
    for (const entry of [...get_settings().MIDDLEWARE].reverse()) {
      const middleware = (typeof entry === 'string' ? import_string(entry) : entry) as MiddlewareFactory
      const sync_capable = middleware.sync_capable ?? true
      const async_capable = middleware.async_capable ?? false
      if (!sync_capable && !async_capable) {
        throw new RuntimeError(`Middleware ${String(entry)} must have at least one of sync_capable/async_capable set to True.`)
      }
      const middleware_is_async = !handler_is_async && sync_capable ? false : async_capable
      let instance: unknown
      try {
        const adapted = this.adapt_method_mode(middleware_is_async, handler, handler_is_async, String(entry))
        instance = is_class(middleware) ? new middleware(adapted) : middleware(adapted)
      } catch (exc) {
        if (exc instanceof MiddlewareNotUsed) continue
        throw exc
      }
      if (instance === null || instance === undefined) {
        throw new ImproperlyConfigured(`Middleware factory ${String(entry)} returned None.`)
      }
      const mw = instance as MiddlewareInstance
      if (mw.process_view) this._view_middleware.unshift(this.adapt_method_mode(is_async, mw.process_view.bind(mw)) as ViewHook)
      if (mw.process_template_response) {
        const hook = this.adapt_method_mode(is_async, mw.process_template_response.bind(mw)) as TemplateHook
        hook_owners.set(hook, mw.constructor.name)
        this._template_response_middleware.push(hook)
      }
      if (mw.process_exception) {
        // Exception hooks run inside the view runner, which is sync in a sync handler.
        this._exception_middleware.push(this.adapt_method_mode(false, mw.process_exception.bind(mw)) as ExceptionHook)
      }
      const callable = typeof instance === 'function' ? (instance as Handler) : mw.__call__!.bind(mw)
      markcoroutinefunction(callable, middleware_is_async)
      handler = convert_exception_to_response(callable)
      handler_is_async = middleware_is_async
    }
    this._middleware_chain = this.adapt_method_mode(is_async, handler, handler_is_async, 'The middleware chain') as Handler
  }

  /**
   * Makes `method` fit the mode the caller needs: a sync method called from async code is
   * wrapped into a promise; an async one called from sync code raises a clear error.
   */
  adapt_method_mode<F extends (...args: never[]) => unknown>(
    is_async: boolean,
    method: F,
    method_is_async: boolean | null = null,
    name: string | null = null,
  ): F {
    const method_async = method_is_async ?? iscoroutinefunction(method)
    if (is_async && !method_async) {
      return markcoroutinefunction((async (...args: Parameters<F>) => method(...args)) as unknown as F)
    }
    if (!is_async && method_async) {
      return markcoroutinefunction(
        ((..._args: Parameters<F>) => {
          throw async_in_sync_error(name ?? `Middleware ${method.name || ''}`.trim())
        }) as unknown as F,
        false,
      )
    }
    return method
  }

  /** Runs a request through the chain (sync mode). */
  get_response(request: HttpRequest): HttpResponseBase {
    set_urlconf(get_settings().ROOT_URLCONF)
    const response = this._middleware_chain!(request)
    if (is_promise(response)) throw async_in_sync_error('A middleware')
    return this.#finish(request, response)
  }

  /** Runs a request through the chain (async mode). */
  async get_response_async(request: HttpRequest): Promise<HttpResponseBase> {
    set_urlconf(get_settings().ROOT_URLCONF)
    const response = await this._middleware_chain!(request)
    return this.#finish(request, response)
  }

  #finish(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
    response._resource_closers.push(() => request.close())
    if (response.status_code >= 400) log_response(`${response.reason_phrase}: ${request.path}`, response, request)
    return response
  }

  /** The innermost layer, sync: resolve, view middleware, the view, exception middleware. */
  _get_response(request: HttpRequest): HttpResponseBase {
    const match = this.resolve_request(request)
    const { func: callback, args, kwargs } = match
    let response: HttpResponseBase | null = null
    for (const hook of this._view_middleware!) {
      const result = hook(request, callback, args, kwargs)
      if (is_promise(result)) throw async_in_sync_error('A process_view hook')
      if (result) {
        response = result
        break
      }
    }
    if (response === null) {
      if (iscoroutinefunction(callback)) throw async_in_sync_error(`The view ${view_name(callback)}`)
      try {
        response = call_view(match, request) as HttpResponseBase
      } catch (exc) {
        response = this.process_exception_by_middleware(exc, request)
        if (response === null) throw exc
      }
      if (is_promise(response)) throw async_in_sync_error(`The view ${view_name(callback)} returned a promise: it`)
    }
    this.check_response(response, callback)
    if (is_renderable(response)) {
      for (const hook of this._template_response_middleware!) {
        const next = hook(request, response)
        if (is_promise(next)) throw async_in_sync_error('A process_template_response hook')
        this.check_response(next, null, `${hook_owner(hook)}.process_template_response`)
        response = next
      }
      try {
        response = (response as unknown as Renderable).render()
      } catch (exc) {
        response = this.process_exception_by_middleware(exc, request)
        if (response === null) throw exc
      }
    }
    return response
  }

  /** The innermost layer, async: the same steps, awaiting the view and the hooks. */
  async _get_response_async(request: HttpRequest): Promise<HttpResponseBase> {
    const match = this.resolve_request(request)
    const { func: callback, args, kwargs } = match
    let response: HttpResponseBase | null = null
    for (const hook of this._view_middleware!) {
      const result = await hook(request, callback, args, kwargs)
      if (result) {
        response = result
        break
      }
    }
    if (response === null) {
      try {
        response = (await call_view(match, request)) as HttpResponseBase
      } catch (exc) {
        response = this.process_exception_by_middleware(exc, request)
        if (response === null) throw exc
      }
    }
    this.check_response(response, callback)
    if (is_renderable(response)) {
      for (const hook of this._template_response_middleware!) {
        const next = await hook(request, response)
        this.check_response(next, null, `${hook_owner(hook)}.process_template_response`)
        response = next
      }
      try {
        response = await (response as unknown as Renderable).render()
      } catch (exc) {
        response = this.process_exception_by_middleware(exc, request)
        if (response === null) throw exc
      }
    }
    return response
  }

  /** Resolves `request.path_info` with the request's URLconf (or ROOT_URLCONF) and stores the match. */
  resolve_request(request: HttpRequest): ResolverMatch {
    let resolver
    if (request.urlconf !== undefined) {
      set_urlconf(request.urlconf as URLConf)
      resolver = get_resolver(request.urlconf as URLConf)
    } else {
      resolver = get_resolver()
    }
    const match = resolver.resolve(request.path_info)
    request.resolver_match = match
    return match
  }

  /** Raises Django's ValueError when a view returned nothing. */
  check_response(response: unknown, callback: unknown, name: string | null = null): void {
    if (response === null || response === undefined) {
      const what = name ?? `The view ${view_name(callback)}`
      throw new ValueError(`${what} didn't return an HttpResponse object. It returned None instead.`)
    }
  }

  /** Asks each process_exception hook (innermost first) for a response; null if none gives one. */
  process_exception_by_middleware(exception: unknown, request: HttpRequest): HttpResponseBase | null {
    for (const hook of this._exception_middleware!) {
      const response = hook(request, exception)
      if (is_promise(response)) throw async_in_sync_error('A process_exception hook')
      if (response) return response
    }
    return null
  }
}
