/** Port of django/middleware/common.py (CommonMiddleware: user agents, PREPEND_WWW, APPEND_SLASH, Content-Length). */
import { get_settings } from '../conf/context.ts'
import { MiddlewareMixin } from '../core/deprecation.ts'
import { PermissionDenied, RuntimeError } from '../core/exceptions.ts'
import { escape_leading_slashes } from '../core/http.ts'
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { HttpResponse } from '../http/response.ts'
import { HttpResponsePermanentRedirect } from '../http/response-subclasses.ts'
import { is_valid_path } from '../urls/base.ts'
import type { URLConf } from '../urls/resolvers.ts'

/**
 * Django's CommonMiddleware: refuses DISALLOWED_USER_AGENTS, redirects to `www.` (PREPEND_WWW)
 * and to the slash-terminated URL when only that one exists (APPEND_SLASH), and sets
 * Content-Length on non-streaming responses.
 */
export class CommonMiddleware extends MiddlewareMixin {
  /** The redirect class used for both redirects (a 301). */
  response_redirect_class: new (redirect_to: string) => HttpResponseBase = HttpResponsePermanentRedirect

  override process_request(request: HttpRequest): HttpResponseBase | null {
    const settings = get_settings()
    const user_agent = request.META.HTTP_USER_AGENT
    if (user_agent !== undefined) {
      for (const pattern of settings.DISALLOWED_USER_AGENTS) {
        pattern.lastIndex = 0
        if (pattern.test(user_agent)) throw new PermissionDenied('Forbidden user agent')
      }
    }
    const host = request.get_host()
    if (settings.PREPEND_WWW && host && !host.startsWith('www.')) {
      // One redirect for both fixes when the slash is missing too.
      const path = this.should_redirect_with_slash(request) ? this.get_full_path_with_slash(request) : request.get_full_path()
      return new this.response_redirect_class(`${request.scheme}://www.${host}${path}`)
    }
    return null
  }

  /** True when the path lacks its slash, does not resolve, but resolves with one (and the view allows it). */
  should_redirect_with_slash(request: HttpRequest): boolean {
    if (get_settings().APPEND_SLASH && !request.path_info.endsWith('/')) {
      const urlconf = (request.urlconf ?? null) as URLConf | string | null
      if (!is_valid_path(request.path_info, urlconf)) {
        const match = is_valid_path(`${request.path_info}/`, urlconf)
        if (match) return (match.func as { should_append_slash?: boolean }).should_append_slash ?? true
      }
    }
    return false
  }

  /** The full path with a slash added; in DEBUG, a POST/PUT/PATCH gets Django's explanation instead. */
  get_full_path_with_slash(request: HttpRequest): string {
    const new_path = escape_leading_slashes(request.get_full_path({ force_append_slash: true }))
    if (get_settings().DEBUG && ['POST', 'PUT', 'PATCH'].includes(request.method ?? '')) {
      throw new RuntimeError(
        `You called this URL via ${request.method}, but the URL doesn't end in a slash and you have APPEND_SLASH set. ` +
          `Django can't redirect to the slash URL while maintaining ${request.method} data. ` +
          `Change your form to point to ${request.get_host() + new_path} (note the trailing slash), ` +
          'or set APPEND_SLASH=False in your Django settings.',
      )
    }
    return new_path
  }

  override process_response(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
    if (response.status_code === 404 && this.should_redirect_with_slash(request)) {
      return new this.response_redirect_class(this.get_full_path_with_slash(request))
    }
    if (!response.streaming && !response.has_header('Content-Length')) {
      response.headers.setitem('Content-Length', String((response as HttpResponse).content.length))
    }
    return response
  }
}

register_import('django.middleware.common.CommonMiddleware', CommonMiddleware)
