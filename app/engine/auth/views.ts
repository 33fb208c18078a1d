/** Port of django/contrib/auth/views.py (redirect_to_login) and the part of django/shortcuts.py resolve_url it needs. */
import { get_settings } from '../conf/context.ts'
import { urlsplit, type SplitResult } from '../core/urllib.ts'
import { QueryDict } from '../http/query-dict.ts'
import { HttpResponseRedirect } from '../http/response-subclasses.ts'
import { REDIRECT_FIELD_NAME } from './auth.ts'

// Python's urllib.parse.uses_netloc: schemes whose URLs keep `//` even with an empty host.
// prettier-ignore
const USES_NETLOC = new Set([
  '', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp', 'snews',
  'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss',
  'itms-services',
])

/**
 * Python 3.13's `urlunsplit`. core/urllib.ts's drops the `//` of `https:///login/` (empty host, a
 * scheme in uses_netloc), which Django's LOGIN_URL tests expect kept.
 */
function py_urlunsplit({ scheme, netloc, path, query, fragment }: SplitResult): string {
  let url = path
  if (netloc) {
    if (url && !url.startsWith('/')) url = '/' + url
    url = '//' + netloc + url
  } else if (url.startsWith('//')) {
    url = '//' + url
  } else if (scheme && USES_NETLOC.has(scheme) && (!url || url.startsWith('/'))) {
    url = '//' + url
  }
  if (scheme) url = scheme + ':' + url
  if (query) url += '?' + query
  if (fragment) url += '#' + fragment
  return url
}

/** Something `resolve_url` accepts: a URL, or an object with `get_absolute_url()`. */
export type UrlTarget = string | { get_absolute_url(): string }

/**
 * `resolve_url(to)`: a model's `get_absolute_url()`, else the text as a URL. DEVIATION(django):
 * Django first tries `reverse(to)` so LOGIN_URL may be a URL pattern name; reversing arrives with
 * URL routing (issue 5), so until then LOGIN_URL must be a URL.
 */
export function resolve_url(to: UrlTarget): string {
  if (typeof to === 'object' && to !== null && typeof to.get_absolute_url === 'function') return to.get_absolute_url()
  return String(to)
}

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
  return new HttpResponseRedirect(py_urlunsplit(parts))
}
