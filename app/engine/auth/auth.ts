/** Port of django/contrib/auth/__init__.py (authenticate, login, logout, get_user; async twins in auth-async.ts). */
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
export interface LoginUser {
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

/** The request's session; AttributeError (Django's message) when no SessionMiddleware set one. @internal */
export function sessionOf(request: HttpRequest): SessionBase {
  if (request.session === undefined || request.session === null) {
    throw new AttributeError(`'${request.constructor.name}' object has no attribute 'session'`)
  }
  return request.session
}

/** @internal The session's user id converted back to the pk type; KeyError when nobody is logged in. */
export function _get_user_session_key(request: HttpRequest): number | null {
  return get_user_model().pk_to_python(sessionOf(request).getitem(SESSION_KEY))
}

/** Django's `hasattr(request, 'user')`, without evaluating AuthenticationMiddleware's lazy user. @internal */
export function hasUser(request: HttpRequest): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(request, 'user')
  return descriptor?.get !== undefined || request.user !== undefined
}

/** Runs `fn` with the request's settings active, so hashers, backends and secrets are the site's. @internal */
export function inRequest<T>(request: HttpRequest | null, fn: () => T): T {
  return request ? with_settings(request.settings, fn) : fn()
}

/**
 * `authenticate(request=None, **credentials)`: the first user a compatible backend returns (its
 * `backend` set to the backend's path), or null after sending user_login_failed. A backend
 * raising PermissionDenied stops the search.
 */
export function authenticate(request: HttpRequest | null = null, credentials: Record<string, unknown> = {}): AuthUser | null {
  return inRequest(request, () => {
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

/** The user login() was given, or (deprecated in 5.2) request.user for null. */
function loginUser(request: HttpRequest, user: LoginUser | null): LoginUser {
  if (user !== null && user !== undefined) return user
  warn('Fallback to request.user when user is None will be removed.', 'RemovedInDjango61Warning')
  if (request.user === undefined) {
    throw new AttributeError(`'${request.constructor.name}' object has no attribute 'user'`)
  }
  return request.user as LoginUser
}

/** @internal The value stored under SESSION_KEY: `str(pk)`; AnonymousUser has no model meta. */
export function pkString(user: LoginUser): string {
  if (user instanceof AnonymousUser) throw new AttributeError("'AnonymousUser' object has no attribute '_meta'")
  return String(user.pk)
}

/**
 * `login(request, user, backend=None)`: remembers the user in the session. An anonymous session
 * keeps its data under a new key; another user's session (or a stale hash) is flushed first. The
 * CSRF secret is rotated and user_logged_in sent (which records last_login).
 */
export function login(request: HttpRequest, user: LoginUser | null, backend: string | null = null): void {
  inRequest(request, () => {
    const target = loginUser(request, user)
    const session_auth_hash = typeof target.get_session_auth_hash === 'function' ? target.get_session_auth_hash() : ''
    const session = sessionOf(request)
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
    session.setitem(SESSION_KEY, pkString(target))
    session.setitem(BACKEND_SESSION_KEY, backend_path)
    session.setitem(HASH_SESSION_KEY, session_auth_hash)
    // A user a site's own backend returned need not be a User; it is what request.user holds.
    if (hasUser(request)) request.user = target as RequestUser
    rotate_token(request)
    user_logged_in.send(target.constructor, { request, user: target })
  })
}

/** The user logout() reports: null unless request.user is authenticated. @internal */
export function loggedOutUser(user: unknown): unknown {
  if (user === null || user === undefined) return null
  const is_authenticated = (user as { is_authenticated?: unknown }).is_authenticated
  return is_authenticated === undefined || is_authenticated ? user : null
}

/** `logout(request)`: sends user_logged_out, flushes the session, and makes request.user anonymous. */
export function logout(request: HttpRequest): void {
  inRequest(request, () => {
    const user = loggedOutUser(request.user)
    user_logged_out.send(user === null ? null : (user as object).constructor, { request, user })
    sessionOf(request).flush()
    if (hasUser(request)) request.user = new AnonymousUser()
  })
}

/** Whether `stored` matches the hash under one of SECRET_KEY_FALLBACKS (a session from before a key rotation). */
function matchesFallback(user: AuthUser, stored: unknown): boolean {
  if (!stored) return false
  for (const fallback_hash of user.get_session_auth_fallback_hash()) {
    if (constant_time_compare(String(stored), fallback_hash)) return true
  }
  return false
}

/** Checks the stored session auth hash; a fallback-key match is upgraded, a mismatch flushes. @internal */
export function verifySession(session: SessionBase, user: AuthUser | null): AuthUser | null {
  if (user === null || typeof user.get_session_auth_hash !== 'function') return user
  const session_hash = session.get(HASH_SESSION_KEY)
  const session_auth_hash = session_hash ? user.get_session_auth_hash() : ''
  const verified = Boolean(session_hash) && constant_time_compare(String(session_hash), session_auth_hash)
  if (verified) return user
  if (matchesFallback(user, session_hash)) {
    session.cycle_key()
    session.setitem(HASH_SESSION_KEY, session_auth_hash)
    return user
  }
  session.flush()
  return null
}

/** The stored user id and backend path, or null when the session holds no login. @internal */
export function sessionLogin(request: HttpRequest): [number | null, unknown] | null {
  const session = sessionOf(request)
  if (!session.has(SESSION_KEY) || !session.has(BACKEND_SESSION_KEY)) return null
  return [_get_user_session_key(request), session.getitem(BACKEND_SESSION_KEY)]
}

/**
 * `get_user(request)`: the session's user when its backend is still configured, it still exists
 * and the session auth hash still matches (or matches under a fallback key); else AnonymousUser.
 */
export function get_user(request: HttpRequest): RequestUser {
  return inRequest(request, () => {
    const stored = sessionLogin(request)
    let user: AuthUser | null = null
    if (stored !== null) {
      const [user_id, backend_path] = stored
      if (typeof backend_path === 'string' && get_settings().AUTHENTICATION_BACKENDS.includes(backend_path)) {
        user = verifySession(sessionOf(request), load_backend(backend_path).get_user(user_id))
      }
    }
    return user ?? new AnonymousUser()
  })
}

/** Whether two users are the same (Django's `==` on models; all AnonymousUsers are equal). @internal */
export function sameUser(a: unknown, b: unknown): boolean {
  if (a !== null && typeof a === 'object' && 'equals' in a && typeof a.equals === 'function') return a.equals(b)
  return a === b
}

/**
 * `update_session_auth_hash(request, user)`: after a password change, keeps this session logged in
 * (new key, new hash) while the hash change logs out every other session.
 */
export function update_session_auth_hash(request: HttpRequest, user: AuthUser): void {
  inRequest(request, () => {
    const session = sessionOf(request)
    session.cycle_key()
    if (typeof user.get_session_auth_hash === 'function' && sameUser(request.user, user)) {
      session.setitem(HASH_SESSION_KEY, user.get_session_auth_hash())
    }
  })
}

export { aauthenticate, aget_user, alogin, alogout, aupdate_session_auth_hash } from './auth-async.ts'
