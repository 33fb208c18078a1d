/**
 * Port of django/test/client.py's ClientMixin: the parts Client and AsyncClient share (the
 * session, login/force_login/logout, exception capture, `response.json()`).
 */
import { get_settings } from '../conf/context.ts'
import { got_request_exception } from '../core/signals.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import { json_loads } from '../signing/base.ts'
import { ValueError } from '../core/exceptions.ts'
import { import_module } from '../core/module-loading.ts'
import { authenticate, get_user, load_backend, login, logout, type AuthRequest } from '../auth/auth.ts'
import type { AuthUser } from '../auth/backends.ts'
import { SimpleCookie } from '../http/cookie.ts'
import { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { HttpResponse } from '../http/response.ts'
import type { SessionBase } from '../sessions/base.ts'
import type { SessionStoreClass } from '../sessions/middleware.ts'
import { JSON_CONTENT_TYPE_RE } from './request-factory.ts'

/** The state the mixin works on: the client's jar and its exception settings. */
export interface ClientState {
  cookies: SimpleCookie
  raise_request_exception: boolean
  exc_info: unknown[] | null
}

function session_store(): SessionStoreClass {
  return import_module<{ SessionStore: SessionStoreClass }>(get_settings().SESSION_ENGINE).SessionStore
}

/**
 * `client.session`: a new store object on each access, over the jar's session cookie; with no
 * cookie, a new saved session whose key goes into the jar. Call `.save()` to keep changes.
 */
export function client_session(client: ClientState): SessionBase {
  const SessionStore = session_store()
  const name = get_settings().SESSION_COOKIE_NAME
  const cookie = client.cookies.get(name)
  if (cookie) return new SessionStore(cookie.value)
  const session = new SessionStore()
  session.save()
  client.cookies.setitem(name, session.session_key)
  return session
}

/** Logs `user` in on a fake request and puts the session cookie in the jar. */
export function client_login_user(client: ClientState, user: AuthUser, backend: string | null = null): void {
  const request = new HttpRequest() as AuthRequest
  // Django's `if self.session:` creates the session as a side effect, then reads it again.
  client_session(client)
  request.session = client_session(client)
  login(request, user, backend)
  request.session.save()
  const settings = get_settings()
  const name = settings.SESSION_COOKIE_NAME
  client.cookies.setitem(name, request.session.session_key)
  client.cookies.getitem(name).update({
    'max-age': '',
    path: '/',
    domain: settings.SESSION_COOKIE_DOMAIN ?? '',
    secure: settings.SESSION_COOKIE_SECURE || '',
    expires: '',
  })
}

/** `client.login(credentials)`: authenticates (no request) and logs in; false when the credentials fail. */
export function client_login(client: ClientState, credentials: Record<string, unknown>): boolean {
  const user = authenticate(null, credentials)
  if (!user) return false
  client_login_user(client, user)
  return true
}

/** `client.force_login(user, backend)`: logs in without checking credentials. */
export function client_force_login(client: ClientState, user: AuthUser, backend: string | null = null): void {
  if (backend === null) {
    backend = get_settings().AUTHENTICATION_BACKENDS.find((path) => typeof load_backend(path).get_user === 'function') ?? null
  }
  ;(user as { backend?: string | null }).backend = backend
  client_login_user(client, user, backend)
}

/** `client.logout()`: logs the session's user out, then empties the whole jar. */
export function client_logout(client: ClientState): void {
  const request = new HttpRequest() as AuthRequest
  client_session(client)
  request.session = client_session(client)
  request.user = get_user(request)
  logout(request)
  client.cookies = new SimpleCookie()
}

/** Records the exception the handler turned into a 500 (a `got_request_exception` receiver). */
export function store_exc_info(client: ClientState, exception: unknown): void {
  client.exc_info = [exception instanceof Error ? exception.constructor : typeof exception, exception, null]
}

let capture_counter = 0

/** Listens for `got_request_exception` during one request, as Django's client does; returns the disconnect. */
export function capture_request_exceptions(client: ClientState): () => void {
  const dispatch_uid = `request-exception-${++capture_counter}`
  got_request_exception.connect((kwargs: SignalKwargs) => store_exc_info(client, kwargs.exception), { dispatch_uid })
  return () => void got_request_exception.disconnect(null, { dispatch_uid })
}

/** Attaches `exc_info` to the response; re-raises the view's exception when the client asks for it. */
export function check_exception(client: ClientState, response: HttpResponseBase & { exc_info?: unknown }): void {
  response.exc_info = client.exc_info
  if (client.exc_info) {
    const exc_value = client.exc_info[1]
    client.exc_info = null
    if (client.raise_request_exception) throw exc_value
  }
}

/** `response.json()`: the body parsed once (and cached); ValueError unless the content type is JSON. */
export function parse_json(response: HttpResponseBase & { _json?: unknown }): unknown {
  if (!('_json' in response)) {
    const content_type = response.headers.get('Content-Type')
    if (!JSON_CONTENT_TYPE_RE.test(content_type ?? '')) {
      throw new ValueError(`Content-Type header is "${content_type}", not "application/json"`)
    }
    const text = new TextDecoder(response.charset, { fatal: true }).decode((response as HttpResponse).content)
    response._json = json_loads(text)
  }
  return response._json
}
