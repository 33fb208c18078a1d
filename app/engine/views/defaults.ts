/** Port of django/views/defaults.py: the default 400, 403, 404 and 500 views (Django's fallback page, no templates). */
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponse } from '../http/response.ts'
import {
  HttpResponseBadRequest,
  HttpResponseForbidden,
  HttpResponseNotFound,
  HttpResponseServerError,
} from '../http/response-subclasses.ts'

/** An error view as a URLconf's `handler400/403/404/500` names it. */
export type ErrorView = (request: HttpRequest, exception?: unknown) => HttpResponse | Promise<HttpResponse>

/** The page Django renders when no `<status>.html` template exists. */
function error_page(title: string, details = ''): string {
  return `\n<!doctype html>\n<html lang="en">\n<head>\n  <title>${title}</title>\n</head>\n<body>\n  <h1>${title}</h1><p>${details}</p>\n</body>\n</html>\n`
}

/** The 404 view: "Not Found". */
export function page_not_found(_request: HttpRequest, _exception?: unknown): HttpResponse {
  return new HttpResponseNotFound(error_page('Not Found', 'The requested resource was not found on this server.'))
}

/** The 500 view: "Server Error (500)". */
export function server_error(_request: HttpRequest): HttpResponse {
  return new HttpResponseServerError(error_page('Server Error (500)'))
}

/** The 400 view: "Bad Request (400)". */
export function bad_request(_request: HttpRequest, _exception?: unknown): HttpResponse {
  return new HttpResponseBadRequest(error_page('Bad Request (400)'))
}

/** The 403 view: "403 Forbidden". */
export function permission_denied(_request: HttpRequest, _exception?: unknown): HttpResponse {
  return new HttpResponseForbidden(error_page('403 Forbidden'))
}

/** The default handler for each status, as `URLResolver.resolve_error_handler` falls back to. */
export const DEFAULT_ERROR_VIEWS: Readonly<Record<400 | 403 | 404 | 500, ErrorView>> = {
  400: bad_request,
  403: permission_denied,
  404: page_not_found,
  500: server_error,
}

register_import('django.views.defaults.page_not_found', page_not_found)
register_import('django.views.defaults.server_error', server_error)
register_import('django.views.defaults.bad_request', bad_request)
register_import('django.views.defaults.permission_denied', permission_denied)
