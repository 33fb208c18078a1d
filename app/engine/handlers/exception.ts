/**
 * Port of django/core/handlers/exception.py: the one place an exception becomes a response.
 * Every middleware layer and the view runner are wrapped with `convert_exception_to_response`,
 * so outer layers always receive a response, never an error.
 */
import { get_settings } from '../conf/context.ts'
import {
  BadRequest,
  CancelledError,
  PermissionDenied,
  RequestDataTooBig,
  SuspiciousOperation,
  TooManyFieldsSent,
  TooManyFilesSent,
} from '../core/exceptions.ts'
import { iscoroutinefunction, markcoroutinefunction } from '../core/coroutines.ts'
import { getLogger } from '../core/log.ts'
import { log_response } from '../core/log-response.ts'
import { import_string } from '../core/module-loading.ts'
import { got_request_exception } from '../core/signals.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { Http404 } from '../http/response-subclasses.ts'
import { MultiPartParserError } from '../multipart/exceptions.ts'
import { get_urlconf } from '../urls/base.ts'
import { get_resolver, type URLResolver } from '../urls/resolvers.ts'
import { technical_404_response, technical_500_response, type TriedPatterns } from '../views/debug.ts'
import { DEFAULT_ERROR_VIEWS, type ErrorView } from '../views/defaults.ts'

/** A layer of the chain: takes a request, returns a response (or a promise of one). */
export type Handler = (request: HttpRequest) => HttpResponseBase | Promise<HttpResponseBase>

/** A thenable, as a sync-looking layer may still return a promise. */
function is_promise<T>(value: unknown): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

/**
 * Wraps `get_response` so that anything it raises becomes a response right there, in the same
 * mode (sync or async) as `get_response`.
 */
export function convert_exception_to_response(get_response: Handler): Handler {
  if (iscoroutinefunction(get_response)) {
    return markcoroutinefunction(async (request: HttpRequest) => {
      try {
        return await get_response(request)
      } catch (exc) {
        // Python's CancelledError is a BaseException: it passes through, never becomes a response.
        if (exc instanceof CancelledError) throw exc
        return await response_for_exception(request, exc)
      }
    })
  }
  return markcoroutinefunction((request: HttpRequest) => {
    let response: HttpResponseBase | Promise<HttpResponseBase>
    try {
      response = get_response(request)
    } catch (exc) {
      if (exc instanceof CancelledError) throw exc
      return response_for_exception(request, exc)
    }
    // A layer declared sync may still hand back a promise; its rejection is funnelled too.
    if (!is_promise<HttpResponseBase>(response)) return response
    return response.then(undefined, (exc) => {
      if (exc instanceof CancelledError) throw exc
      return response_for_exception(request, exc)
    })
  }, false)
}

/** The resolver whose `handler400/403/404/500` answer errors: the request's URLconf's. */
function current_resolver(): URLResolver {
  return get_resolver(get_urlconf())
}

/** The URLconf's `handler<status>` (a view or a dotted name), or Django's default view. */
export function resolve_error_handler(resolver: URLResolver, status: 400 | 403 | 404 | 500): ErrorView {
  const module = resolver.urlconf_module as Record<string, unknown> | null
  const callback = module?.[`handler${status}`]
  if (typeof callback === 'function') return callback as ErrorView
  if (typeof callback === 'string' && callback) return import_string<ErrorView>(callback)
  return DEFAULT_ERROR_VIEWS[status]
}

/** The patterns a Resolver404 carries in `args[0]` (Django's `{'tried': [...], 'path': ...}`), as text. */
function tried_patterns(exc: Http404): TriedPatterns | null {
  const info = (exc as { args?: unknown[] }).args?.[0] as { tried?: unknown; path?: unknown } | undefined
  if (info === undefined || !Array.isArray(info.tried)) return null
  const text = (p: unknown) => String((p as { pattern?: unknown }).pattern ?? p)
  return {
    tried: info.tried.map((chain: unknown[]) => chain.map(text)),
    path: typeof info.path === 'string' ? info.path : '',
  }
}

/**
 * Django's `response_for_exception`: Http404 → 404, PermissionDenied → 403, MultiPartParserError,
 * BadRequest and SuspiciousOperation → 400, anything else → 500 (technical pages with DEBUG).
 * Resolves to a promise only when an error view does.
 */
export function response_for_exception(request: HttpRequest, exc: unknown): HttpResponseBase | Promise<HttpResponseBase> {
  const settings = get_settings()
  let response: HttpResponseBase | Promise<HttpResponseBase>
  if (exc instanceof Http404) {
    response = settings.DEBUG
      ? technical_404_response(request, exc.message, tried_patterns(exc))
      : get_exception_response(request, current_resolver(), 404, exc)
  } else if (exc instanceof PermissionDenied) {
    response = get_exception_response(request, current_resolver(), 403, exc)
    log_after(response, `Forbidden (Permission denied): ${request.path}`, request, exc)
  } else if (exc instanceof MultiPartParserError) {
    response = get_exception_response(request, current_resolver(), 400, exc)
    log_after(response, `Bad request (Unable to parse request body): ${request.path}`, request, exc)
  } else if (exc instanceof BadRequest) {
    response = settings.DEBUG
      ? technical_500_response(request, exc, 400)
      : get_exception_response(request, current_resolver(), 400, exc)
    log_after(response, `${exc.message}: ${request.path}`, request, exc)
  } else if (exc instanceof SuspiciousOperation) {
    if (exc instanceof RequestDataTooBig || exc instanceof TooManyFieldsSent || exc instanceof TooManyFilesSent) {
      // Reading POST again would raise the same error: the request gets empty POST and FILES.
      request._mark_post_parse_error()
    }
    getLogger(`django.security.${exc.name}`).error(exc.message, { status_code: 400, request })
    response = settings.DEBUG
      ? technical_500_response(request, exc, 400)
      : get_exception_response(request, current_resolver(), 400, exc)
  } else {
    // DEVIATION(django): receivers also get `exception`, as Python's sys.exc_info() has no counterpart.
    got_request_exception.send(null, { request, exception: exc })
    response = handle_uncaught_exception(request, current_resolver(), exc)
    log_after(response, null, request, exc)
  }
  return response
}

function log_after(response: HttpResponseBase | Promise<HttpResponseBase>, message: string | null, request: HttpRequest, exc: unknown): void {
  const log = (r: HttpResponseBase) => log_response(message ?? `${r.reason_phrase}: ${request.path}`, r, request, exc)
  if (is_promise<HttpResponseBase>(response)) void response.then(log, () => {})
  else log(response)
}

/** Calls the URLconf's error view; if that raises too, the 500 path answers. */
export function get_exception_response(
  request: HttpRequest,
  resolver: URLResolver,
  status_code: 400 | 403 | 404 | 500,
  exception: unknown,
): HttpResponseBase | Promise<HttpResponseBase> {
  const fallback = (error: unknown) => {
    got_request_exception.send(null, { request, exception: error })
    return handle_uncaught_exception(request, resolver, error)
  }
  try {
    const response = resolve_error_handler(resolver, status_code)(request, exception)
    return is_promise<HttpResponseBase>(response) ? response.then(undefined, fallback) : response
  } catch (error) {
    return fallback(error)
  }
}

/** The 500 answer: re-raised with DEBUG_PROPAGATE_EXCEPTIONS, the technical page with DEBUG, else `handler500`. */
export function handle_uncaught_exception(
  request: HttpRequest,
  resolver: URLResolver,
  exc: unknown,
): HttpResponseBase | Promise<HttpResponseBase> {
  const settings = get_settings()
  if (settings.DEBUG_PROPAGATE_EXCEPTIONS) throw exc
  if (settings.DEBUG) return technical_500_response(request, exc)
  return resolve_error_handler(resolver, 500)(request)
}
