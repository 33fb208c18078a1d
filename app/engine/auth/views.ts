/** Port of django/contrib/auth/views.py (redirect_to_login). */
import { get_settings } from '../conf/context.ts'
import { urlsplit, urlunsplit } from '../core/urllib.ts'
import { QueryDict } from '../http/query-dict.ts'
import { HttpResponseRedirect } from '../http/response-subclasses.ts'
import { resolve_url, type RedirectTarget } from '../shortcuts.ts'
import { REDIRECT_FIELD_NAME } from './auth.ts'

/** Something `resolve_url` accepts: a URL, a URL pattern name, a view, or an object with `get_absolute_url()`. */
export type UrlTarget = RedirectTarget

/**
 * `redirect_to_login(next, login_url=None, redirect_field_name='next')`: a 302 to LOGIN_URL with
 * `next` added to its query string (`/` left unescaped, like Django's `urlencode(safe='/')`).
 */
export function redirect_to_login(
  next: string,
  login_url: UrlTarget | null = null,
  redirect_field_name: string | null = REDIRECT_FIELD_NAME,
): HttpResponseRedirect {
  const resolved_url = resolve_url(login_url || get_settings().LOGIN_URL)
  const parts = urlsplit(resolved_url)
  if (redirect_field_name) {
    const querystring = new QueryDict(parts.query, { mutable: true })
    querystring.setitem(redirect_field_name, next)
    parts.query = querystring.urlencode('/')
  }
  return new HttpResponseRedirect(urlunsplit(parts))
}
