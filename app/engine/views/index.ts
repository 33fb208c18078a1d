/** django.views: the default error views, DEBUG's technical pages and the HTTP method decorators. */
export { bad_request, page_not_found, permission_denied, server_error } from './defaults.ts'
export type { ErrorView } from './defaults.ts'
export { default_urlconf, technical_404_response, technical_500_response } from './debug.ts'
export { require_GET, require_http_methods, require_POST, require_safe } from './decorators/http.ts'
export type { ViewFunction } from './decorators/http.ts'
