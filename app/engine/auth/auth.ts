/** Port of django/contrib/auth/__init__.py (authenticate, login, logout, get_user and their async twins). */
import { get_settings, with_settings } from '../conf/context.ts'
import { constant_time_compare } from '../core/crypto.ts'
import { AttributeError, PermissionDenied, ValueError } from '../core/exceptions.ts'
import { pyrepr } from '../core/python.ts'
import { warn } from '../core/warnings.ts'
import { rotate_token } from '../csrf/tokens.ts'
import type { HttpRequest } from '../http/request.ts'
import type { SessionBase } from '../sessions/base.ts'
import { _get_backends_with_paths, load_backend } from './backend-loading.ts'
import { accepts_credentials, type AuthUser, type BaseBackend } from './backends.ts'
import { AnonymousUser, get_user_model } from './models.ts'
import { user_logged_in, user_logged_out, user_login_failed } from './signals.ts'

export { get_backends, load_backend } from './backend-loading.ts'
export { get_user_model } from './models.ts'

/** Session key of the logged-in user's pk (as a string). */
export const SESSION_KEY = '_auth_user_id'
/** Session key of the dotted path of the backend that authenticated the user. */
export const BACKEND_SESSION_KEY = '_auth_user_backend'
/** Session key of the session auth hash (invalidated by a password change). */
export const HASH_SESSION_KEY = '_auth_user_hash'
/** The query parameter carrying where to go after logging in. */
export const REDIRECT_FIELD_NAME = 'next'

/** A logged-in user or AnonymousUser, as `request.user` holds it. */
export type RequestUser = AuthUser | AnonymousUser

/** The request attributes auth reads and sets (`_cached_user` is AuthenticationMiddleware's cache). */
export type AuthRequest = HttpRequest & {
  /** @internal */
  _cached_user?: RequestUser
  /** @internal */
  _acached_user?: RequestUser
}

/** A user as login() sees it: a pk, maybe a backend path and a session auth hash. */
interface LoginUser {
  readonly pk: unknown
  backend?: unknown
  get_session_auth_hash?(): string
}

const SENSITIVE_CREDENTIALS = /api|token|key|secret|password|signature/i
const CLEANSED_SUBSTITUTE = '********************'

/** @internal A copy of the credentials with sensitive values (by key name) replaced by asterisks. */
export function _clean_credentials(credentials: Record<string, unknown>): Record<string, unknown> {
  const cleaned: Record<string, unknown> = { ...credentials }
  for (const key of Object.keys(cleaned)) if (SENSITIVE_CREDENTIALS.test(key)) cleaned[key] = CLEANSED_SUBSTITUTE
  return cleaned
}

/** @internal The configured backends whose authenticate() takes these credentials. */
export function _get_compatible_backends(credentials: Record<string, unknown>): Array<[BaseBackend, string]> {
  return _get_backends_with_paths().filter(([backend]) =>
    accepts_credentials(backend.authenticate_signature, credentials),
  )
}

/** @internal The backend path login() stores: the argument, the user's, or the only configured one. */
export function _get_backend_from_user(user: LoginUser, backend: unknown = null): string {
  let chosen = backend || user.backend
  if (chosen === undefined) {
    const backends = _get_backends_with_paths()
    if (backends.length !== 1) {
      throw new ValueError(
        'You have multiple authentication backends configured and therefore must provide the `backend` ' +
          'argument or set the `backend` attribute on the user.',
      )
    }
    chosen = backends[0]![1]
  } else if (typeof chosen !== 'string') {
    throw new TypeError(`backend must be a dotted import path string (got ${pyrepr(chosen)}).`)
  }
  return chosen as string
}

/** The request's session; AttributeError (Django's message) when no SessionMiddleware set one. */
function session_of(request: HttpRequest): SessionBase {
  if (request.session === undefined || request.session === null) {
    throw new AttributeError(`'${request.constructor.name}' object has no attribute 'session'`)
  }
  return request.session
}

/** @internal The session's user id converted back to the pk type; KeyError when nobody is logged in. */
export function _get_user_session_key(request: HttpRequest): number | null {
  return get_user_model().pk_to_python(session_of(request).getitem(SESSION_KEY))
}

/** Django's `hasattr(request, 'user')`, without evaluating AuthenticationMiddleware's lazy user. */
function has_user(request: HttpRequest): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(request, 'user')
  return descriptor?.get !== undefined || request.user !== undefined
}

/** Runs `fn` with the request's settings active, so hashers, backends and secrets are the site's. */
function in_request<T>(request: HttpRequest | null, fn: () => T): T {
  return request ? with_settings(request.settings, fn) : fn()
}

/**
 * `authenticate(request=None, **credentials)`: the first user a compatible backend returns (its
 * `backend` set to the backend's path), or null after sending user_login_failed. A backend
 * raising PermissionDenied stops the search.
 */
export function authenticate(request: HttpRequest | null = null, credentials: Record<string, unknown> = {}): AuthUser | null {
  return in_request(request, () => {
    for (const [backend, backend_path] of _get_compatible_backends(credentials)) {
      let user: AuthUser | null
      try {
        user = backend.authenticate(request, credentials)
      } catch (error) {
        if (error instanceof PermissionDenied) break
        throw error
      }
      if (user === null || user === undefined) continue
      user.backend = backend_path
      return user
    }
    user_login_failed.send('django.contrib.auth', { credentials: _clean_credentials(credentials), request })
    return null
  })
}

/** Async twin of `authenticate()`, calling each backend's `aauthenticate()`. */
export function aauthenticate(
  request: HttpRequest | null = null,
  credentials: Record<string, unknown> = {},
): Promise<AuthUser | null> {
  return in_request(request, async () => {
    for (const [backend, backend_path] of _get_compatible_backends(credentials)) {
      let user: AuthUser | null
      try {
        user = await backend.aauthenticate(request, credentials)
      } catch (error) {
        if (error instanceof PermissionDenied) break
        throw error
      }
      if (user === null || user === undefined) continue
      user.backend = backend_path
      return user
    }
    await user_login_failed.asend('django.contrib.auth', { credentials: _clean_credentials(credentials), request })
    return null
  })
}

/** The user login() was given, or (deprecated in 5.2) request.user for null. */
function login_user(request: HttpRequest, user: LoginUser | null): LoginUser {
  if (user !== null && user !== undefined) return user
  warn('Fallback to request.user when user is None will be removed.', 'RemovedInDjango61Warning')
  if (request.user === undefined) {
    throw new AttributeError(`'${request.constructor.name}' object has no attribute 'user'`)
  }
  return request.user as LoginUser
}

/** The value stored under SESSION_KEY: `str(pk)`; AnonymousUser has no model meta. */
function pk_string(user: LoginUser): string {
  if (user instanceof AnonymousUser) throw new AttributeError("'AnonymousUser' object has no attribute '_meta'")
  return String(user.pk)
}

/**
 * `login(request, user, backend=None)`: remembers the user in the session. An anonymous session
 * keeps its data under a new key; another user's session (or a stale hash) is flushed first. The
 * CSRF secret is rotated and user_logged_in sent (which records last_login).
 */
export function login(request: HttpRequest, user: LoginUser | null, backend: string | null = null): void {
  in_request(request, () => {
    const target = login_user(request, user)
    const session_auth_hash = typeof target.get_session_auth_hash === 'function' ? target.get_session_auth_hash() : ''
    const session = session_of(request)
    if (session.has(SESSION_KEY)) {
      if (
        _get_user_session_key(request) !== target.pk ||
        (session_auth_hash && !constant_time_compare(String(session.get(HASH_SESSION_KEY, '')), session_auth_hash))
      ) {
        // Never hand one user's session to another.
        session.flush()
      }
    } else {
      session.cycle_key()
    }
    const backend_path = _get_backend_from_user(target, backend)
    session.setitem(SESSION_KEY, pk_string(target))
    session.setitem(BACKEND_SESSION_KEY, backend_path)
    session.setitem(HASH_SESSION_KEY, session_auth_hash)
    if (has_user(request)) request.user = target
    rotate_token(request)
    user_logged_in.send(target.constructor, { request, user: target })
  })
}

/** Async twin of `login()`, using the session's async methods and `asend`. */
export function alogin(request: HttpRequest, user: LoginUser | null, backend: string | null = null): Promise<void> {
  return in_request(request, async () => {
    let target = user
    if (target === null || target === undefined) {
      warn('Fallback to request.user when user is None will be removed.', 'RemovedInDjango61Warning')
      if (request.auser === undefined) {
        throw new AttributeError(`'${request.constructor.name}' object has no attribute 'auser'`)
      }
      target = (await request.auser()) as LoginUser
    }
    const session_auth_hash = typeof target.get_session_auth_hash === 'function' ? target.get_session_auth_hash() : ''
    const session = session_of(request)
    if (await session.ahas_key(SESSION_KEY)) {
      const stored_hash = await session.aget(HASH_SESSION_KEY, '')
      if (
        _get_user_session_key(request) !== target.pk ||
        (session_auth_hash && !constant_time_compare(String(stored_hash), session_auth_hash))
      ) {
        await session.aflush()
      }
    } else {
      await session.acycle_key()
    }
    const backend_path = _get_backend_from_user(target, backend)
    await session.aset(SESSION_KEY, pk_string(target))
    await session.aset(BACKEND_SESSION_KEY, backend_path)
    await session.aset(HASH_SESSION_KEY, session_auth_hash)
    const logged_in = target
    if (has_user(request)) request.user = logged_in
    // DEVIATION(django): request.auser() answers the new user too, not AuthenticationMiddleware's cached one.
    if (request.auser !== undefined) request.auser = async () => logged_in
    rotate_token(request)
    await user_logged_in.asend(logged_in.constructor, { request, user: logged_in })
  })
}

/** The user logout() reports: null unless request.user is authenticated. */
function logged_out_user(user: unknown): unknown {
  if (user === null || user === undefined) return null
  const is_authenticated = (user as { is_authenticated?: unknown }).is_authenticated
  return is_authenticated === undefined || is_authenticated ? user : null
}

/** `logout(request)`: sends user_logged_out, flushes the session, and makes request.user anonymous. */
export function logout(request: HttpRequest): void {
  in_request(request, () => {
    const user = logged_out_user(request.user)
    user_logged_out.send(user === null ? null : (user as object).constructor, { request, user })
    session_of(request).flush()
    if (has_user(request)) request.user = new AnonymousUser()
  })
}

/** Async twin of `logout()`, reading the user through `request.auser()`. */
export function alogout(request: HttpRequest): Promise<void> {
  return in_request(request, async () => {
    const user = logged_out_user(request.auser !== undefined ? await request.auser() : null)
    await user_logged_out.asend(user === null ? null : (user as object).constructor, { request, user })
    await session_of(request).aflush()
    if (has_user(request)) request.user = new AnonymousUser()
    // DEVIATION(django): request.auser() answers AnonymousUser too, not the middleware's cached user.
    if (request.auser !== undefined) request.auser = async () => new AnonymousUser()
  })
}

/** Whether `stored` matches the hash under one of SECRET_KEY_FALLBACKS (a session from before a key rotation). */
function matches_fallback(user: AuthUser, stored: unknown): boolean {
  if (!stored) return false
  for (const fallback_hash of user.get_session_auth_fallback_hash()) {
    if (constant_time_compare(String(stored), fallback_hash)) return true
  }
  return false
}

/** Checks the stored session auth hash; a fallback-key match is upgraded, a mismatch flushes. */
function verify_session(session: SessionBase, user: AuthUser | null): AuthUser | null {
  if (user === null || typeof user.get_session_auth_hash !== 'function') return user
  const session_hash = session.get(HASH_SESSION_KEY)
  const session_auth_hash = session_hash ? user.get_session_auth_hash() : ''
  const verified = Boolean(session_hash) && constant_time_compare(String(session_hash), session_auth_hash)
  if (verified) return user
  if (matches_fallback(user, session_hash)) {
    session.cycle_key()
    session.setitem(HASH_SESSION_KEY, session_auth_hash)
    return user
  }
  session.flush()
  return null
}

/** The stored user id and backend path, or null when the session holds no login. */
function session_login(request: HttpRequest): [number | null, unknown] | null {
  const session = session_of(request)
  if (!session.has(SESSION_KEY) || !session.has(BACKEND_SESSION_KEY)) return null
  return [_get_user_session_key(request), session.getitem(BACKEND_SESSION_KEY)]
}

/**
 * `get_user(request)`: the session's user when its backend is still configured, it still exists
 * and the session auth hash still matches (or matches under a fallback key); else AnonymousUser.
 */
export function get_user(request: HttpRequest): RequestUser {
  return in_request(request, () => {
    const stored = session_login(request)
    let user: AuthUser | null = null
    if (stored !== null) {
      const [user_id, backend_path] = stored
      if (typeof backend_path === 'string' && get_settings().AUTHENTICATION_BACKENDS.includes(backend_path)) {
        user = verify_session(session_of(request), load_backend(backend_path).get_user(user_id))
      }
    }
    return user ?? new AnonymousUser()
  })
}

/** Async twin of `get_user()`, calling the backend's `aget_user()`. */
export function aget_user(request: HttpRequest): Promise<RequestUser> {
  return in_request(request, async () => {
    const stored = session_login(request)
    let user: AuthUser | null = null
    if (stored !== null) {
      const [user_id, backend_path] = stored
      if (typeof backend_path === 'string' && get_settings().AUTHENTICATION_BACKENDS.includes(backend_path)) {
        user = verify_session(session_of(request), await load_backend(backend_path).aget_user(user_id))
      }
    }
    return user ?? new AnonymousUser()
  })
}

/** Whether two users are the same (Django's `==` on models; all AnonymousUsers are equal). */
function same_user(a: unknown, b: unknown): boolean {
  if (a !== null && typeof a === 'object' && 'equals' in a && typeof a.equals === 'function') return a.equals(b)
  return a === b
}

/**
 * `update_session_auth_hash(request, user)`: after a password change, keeps this session logged in
 * (new key, new hash) while the hash change logs out every other session.
 */
export function update_session_auth_hash(request: HttpRequest, user: AuthUser): void {
  in_request(request, () => {
    const session = session_of(request)
    session.cycle_key()
    if (typeof user.get_session_auth_hash === 'function' && same_user(request.user, user)) {
      session.setitem(HASH_SESSION_KEY, user.get_session_auth_hash())
    }
  })
}

/** Async twin of `update_session_auth_hash()`. */
export function aupdate_session_auth_hash(request: HttpRequest, user: AuthUser): Promise<void> {
  return in_request(request, async () => {
    const session = session_of(request)
    await session.acycle_key()
    const current = request.auser !== undefined ? await request.auser() : request.user
    if (typeof user.get_session_auth_hash === 'function' && same_user(current, user)) {
      await session.aset(HASH_SESSION_KEY, user.get_session_auth_hash())
    }
  })
}
