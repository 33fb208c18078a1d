/** Port of oracle_site.py (urlpatterns): the site's URLconf, registered under ROOT_URLCONF and oracle names. */
import { register_import } from '../../app/engine/core/module-loading.ts'
import { csrf_exempt, ensure_csrf_cookie } from '../../app/engine/csrf/decorators.ts'
import { path } from '../../app/engine/urls/conf.ts'
import type { View } from '../../app/engine/urls/resolver-match.ts'
import { require_http_methods } from '../../app/engine/views/decorators/http.ts'
import { do_view } from './do.ts'
import { echo, echo_body, echo_strict } from './echo.ts'
import { ROOT_URLCONF } from './settings.ts'
import * as v from './views.ts'

// Views take typed kwargs objects; routing hands them `(request, ...args, kwargs?)`.
const view = (fn: unknown) => fn as View

/** The oracle's urlpatterns, in its order. */
export const urlpatterns = [
  path('echo/', view(echo)),
  path('echo/<path:rest>', view(echo)),
  path('echo-body/', view(echo_body)),
  path('echo-strict/', view(echo_strict)),
  path('plain/', view(v.plain)),
  path('noslash', view(v.noslash)),
  path('json/', view(v.json_view)),
  path('json/default/', view(v.json_default_view)),
  path('json/list/', view(v.json_list_view)),
  path('stream/', view(v.stream_view)),
  path('not-allowed/', view(v.not_allowed_view)),
  path('only-get/', view(require_http_methods(['GET', 'HEAD'])(v.only_get_view))),
  path('status/<int:code>/', view(v.status_view)),
  path('headers/', view(v.headers_view)),
  path('vary/', view(v.vary_view)),
  path('raise/<str:kind>/', view(v.raise_view)),
  path('redirect/', view(v.redirect_view)),
  path('redirect/chain/<int:n>/', view(v.redirect_chain_view)),
  path('redirect/cycle/<str:name>/', view(v.redirect_cycle_view)),
  path('redirect/self/', view(v.redirect_self_view)),
  path('login/', view(v.login_view)),
  path('logout/', view(v.logout_view)),
  path('whoami/', view(v.whoami_view)),
  path('session/', view(v.session_view)),
  path('session/incr/', view(v.session_incr_view)),
  path('cookies/set/', view(v.cookies_set_view)),
  path('cookies/signed/', view(v.signed_get_view)),
  path('csrf/token/', view(v.csrf_token_view)),
  path('csrf/protected/', view(v.csrf_protected_view)),
  path('csrf/exempt/', view(csrf_exempt(view(v.csrf_exempt_view)))),
  path('csrf/ensure/', view(ensure_csrf_cookie(view(v.csrf_ensure_view)))),
  path('csrf/rotate/', view(v.csrf_rotate_view)),
  path('do/', view(do_view)),
]

/** The URLconf module object. */
export const urlconf = { __name__: ROOT_URLCONF, urlpatterns }

register_import(ROOT_URLCONF, urlconf)
// Cases name the failure view by the oracle module's path.
register_import('oracle_site.csrf_failure_view', v.csrf_failure_view)
register_import('oracle_site', urlconf)
