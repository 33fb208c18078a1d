/** Port of oracle_site.py (the fixed views: responses, errors, redirects, auth, session, cookies, CSRF). */
import { authenticate, login, logout } from '../../app/engine/auth/auth.ts'
import { utf8_encode } from '../../app/engine/core/encoding.ts'
import {
  BadRequest,
  DisallowedHost,
  KeyError,
  PermissionDenied,
  RuntimeError,
  SuspiciousOperation,
  ValueError,
} from '../../app/engine/core/exceptions.ts'
import { py_int } from '../../app/engine/core/py-values.ts'
import { str_repr } from '../../app/engine/core/python.ts'
import { get_token, rotate_token } from '../../app/engine/csrf/tokens.ts'
import type { HttpRequest } from '../../app/engine/http/request.ts'
import type { HttpResponseBase } from '../../app/engine/http/response-base.ts'
import {
  Http404,
  HttpResponseForbidden,
  HttpResponseNotAllowed,
  HttpResponseRedirect,
  JsonResponse,
} from '../../app/engine/http/response-subclasses.ts'
import { HttpResponse } from '../../app/engine/http/response.ts'
import { StreamingHttpResponse } from '../../app/engine/http/streaming.ts'
import { json_response, session_of, user_repr } from './echo.ts'

const text = (content: string, options: { status?: number } = {}) =>
  new HttpResponse(content, { content_type: 'text/plain', ...options })

/** `/plain/`. */
export const plain = (_request: HttpRequest) => text('ok')
/** `/noslash` (a URL without a trailing slash, for APPEND_SLASH). */
export const noslash = (_request: HttpRequest) => text('noslash')
/** `/only-get/` (wrapped in require_http_methods in the URLconf). */
export const only_get_view = (request: HttpRequest) => plain(request)

/** `/json/`. */
export const json_view = (_request: HttpRequest) =>
  json_response({
    unicode: 'h\u00e9llo \u2603 \u{1f600}',
    n: 1,
    f: 1.5,
    list: [1, 'two', null, true],
    nested: { a: null, b: false },
  })

/** `/json/default/`: Django's default dumps params, `safe=True`. */
export const json_default_view = (_request: HttpRequest) =>
  new JsonResponse({ b: 1, a: ['x', '\u00fc'], c: { z: null } })
/** `/json/list/`. */
export const json_list_view = (_request: HttpRequest) => new JsonResponse([1, 'two', { three: 3 }], { safe: false })

/** `/stream/`. */
export const stream_view = (_request: HttpRequest) =>
  new StreamingHttpResponse(['chunk1\n', 'chunk2\n', '\u00fcml\u00e4ut\n', utf8_encode('bytes\n')])

/** `/not-allowed/`. */
export const not_allowed_view = (_request: HttpRequest) => new HttpResponseNotAllowed(['GET', 'POST'])

/** `/status/<int:code>/`. */
export const status_view = (_request: HttpRequest, { code }: { code: number }) =>
  text(`status ${code}`, { status: code })

/** `/headers/`. */
export function headers_view(_request: HttpRequest): HttpResponseBase {
  const r = new HttpResponse('headers', { content_type: 'text/plain; charset=utf-8' })
  r.setitem('X-Custom', 'value')
  r.setitem('X-Unicode', 'caf\u00e9')
  r.setitem('Cache-Control', 'no-cache, no-store')
  r.setitem('X-Empty', '')
  return r
}

/** `/vary/`: reading the session makes SessionMiddleware add `Vary: Cookie`. */
export function vary_view(request: HttpRequest): HttpResponseBase {
  session_of(request).get('anything')
  return text('vary')
}

/** The `/raise/<kind>/` kinds and the exception each raises. */
export const EXCEPTIONS: Readonly<Record<string, () => Error>> = Object.assign(Object.create(null), {
  http404: () => new Http404(),
  'http404-msg': () => new Http404('custom message'),
  'permission-denied': () => new PermissionDenied(),
  suspicious: () => new SuspiciousOperation('bad thing'),
  'disallowed-host': () => new DisallowedHost('nope'),
  'bad-request': () => new BadRequest('bad'),
  'value-error': () => new ValueError('boom'),
  // str(KeyError('missing')) is the key's repr.
  'key-error': () => new KeyError(str_repr('missing')),
  'runtime-error': () => new RuntimeError('runtime'),
})

/** `/raise/<str:kind>/`. */
export function raise_view(_request: HttpRequest, { kind }: { kind: string }): HttpResponseBase {
  const make = EXCEPTIONS[kind]
  if (make === undefined) throw new Http404('unknown kind')
  throw make()
}

/** `HttpResponseRedirect(to, status=status)`. */
export const redirect_to = (to: string, status: unknown = 302) =>
  new HttpResponseRedirect(to, { status: status as number })

/** `/redirect/?to=URL&status=CODE` (defaults `/echo/`, 302). */
export function redirect_view(request: HttpRequest): HttpResponseBase {
  const to = request.GET.get('to', '/echo/') as string
  const status = py_int(request.GET.get('status', '302'))
  return redirect_to(to, status)
}

/** `/redirect/chain/<int:n>/`. */
export const redirect_chain_view = (request: HttpRequest, { n }: { n: number }) =>
  n <= 0 ? plain(request) : redirect_to(`/redirect/chain/${n - 1}/`)

/** `/redirect/cycle/<str:name>/`. */
export const redirect_cycle_view = (_request: HttpRequest, { name }: { name: string }) =>
  redirect_to(`/redirect/cycle/${name === 'a' ? 'b' : 'a'}/`)

/** `/redirect/self/`. */
export const redirect_self_view = (request: HttpRequest) => redirect_to(request.get_full_path())

/** `/login/`: POST authenticates and logs in; other methods report the user. */
export function login_view(request: HttpRequest): HttpResponseBase {
  if (request.method !== 'POST') return json_response({ user: user_repr(request) })
  const user = authenticate(request, {
    username: request.POST.get('username', ''),
    password: request.POST.get('password', ''),
  })
  if (user === null) return json_response({ ok: false, user: user_repr(request) })
  login(request, user)
  return json_response({ ok: true, user: user_repr(request) })
}

/** `/logout/`. */
export function logout_view(request: HttpRequest): HttpResponseBase {
  logout(request)
  return json_response({ ok: true, user: user_repr(request) })
}

// Python sorts strings by code point; JS's default sort compares UTF-16 units.
const by_code_point = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0)!)
  const y = [...b].map((c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

/** `/whoami/`. */
export function whoami_view(request: HttpRequest): HttpResponseBase {
  const user = request.user as { is_authenticated: boolean }
  return json_response({
    user: user_repr(request),
    is_authenticated: user.is_authenticated,
    session_keys: [...session_of(request).keys()].sort(by_code_point),
  })
}

/** `/session/`: POST stores each POST key's last value; always answers the session's items. */
export function session_view(request: HttpRequest): HttpResponseBase {
  const session = session_of(request)
  if (request.method === 'POST') {
    for (const k of request.POST) session.setitem(k, request.POST.getitem(k))
  }
  return json_response({ session: Object.fromEntries(session.items()) })
}

/** `/session/incr/`. */
export function session_incr_view(request: HttpRequest): HttpResponseBase {
  const session = session_of(request)
  session.setitem('count', (session.get('count', 0) as number) + 1)
  return json_response({ count: session.getitem('count') })
}

/** `/cookies/signed/?key=K[&salt=S][&max_age=N][&default=D]`. */
export function signed_get_view(request: HttpRequest): HttpResponseBase {
  const key = request.GET.get('key', '') as string
  const kwargs: { salt?: string; max_age?: number; default?: string } = {}
  if (request.GET.has('salt')) kwargs.salt = request.GET.getitem('salt') as string
  if (request.GET.has('max_age')) kwargs.max_age = py_int(request.GET.getitem('max_age'))
  if (request.GET.has('default')) kwargs.default = request.GET.getitem('default') as string
  try {
    return json_response({ value: request.get_signed_cookie(key, kwargs) })
  } catch (e) {
    return json_response({ error: e instanceof Error ? e.name : typeof e })
  }
}

/** `/cookies/set/?k=v&k2=v2`: `set_cookie(k, v)` for each query key (last value). */
export function cookies_set_view(request: HttpRequest): HttpResponseBase {
  const r = text('cookies set')
  for (const k of request.GET) r.set_cookie(k, request.GET.getitem(k))
  return r
}

/** `/csrf/token/`. */
export const csrf_token_view = (request: HttpRequest) => json_response({ csrf_token: get_token(request) })
/** `/csrf/protected/`. */
export const csrf_protected_view = (request: HttpRequest) => text(`csrf ok ${request.method}`)
/** `/csrf/exempt/` (wrapped in csrf_exempt in the URLconf). */
export const csrf_exempt_view = (request: HttpRequest) => text(`exempt ok ${request.method}`)
/** `/csrf/ensure/` (wrapped in ensure_csrf_cookie in the URLconf). */
export const csrf_ensure_view = (_request: HttpRequest) => text('ensured')

/** `/csrf/rotate/`. */
export function csrf_rotate_view(request: HttpRequest): HttpResponseBase {
  rotate_token(request)
  return text('rotated')
}

/** CSRF_FAILURE_VIEW for cases that set it: the reason as plain text. */
export function csrf_failure_view(_request: HttpRequest, { reason = '' }: { reason?: string } = {}): HttpResponseBase {
  return new HttpResponseForbidden(`CSRF failure: ${reason}`, { content_type: 'text/plain' })
}
