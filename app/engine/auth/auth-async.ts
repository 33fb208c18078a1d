/** Port of django/contrib/auth/__init__.py (the async twins: aauthenticate, alogin, alogout, aget_user). */
import { get_settings } from '../conf/context.ts'
import { constant_time_compare } from '../core/crypto.ts'
import { AttributeError, PermissionDenied } from '../core/exceptions.ts'
import { warn } from '../core/warnings.ts'
import { rotate_token } from '../csrf/tokens.ts'
import type { HttpRequest } from '../http/request.ts'
import {
  _clean_credentials,
  _get_backend_from_user,
  _get_compatible_backends,
  _get_user_session_key,
  BACKEND_SESSION_KEY,
  HASH_SESSION_KEY,
  hasUser,
  inRequest,
  loggedOutUser,
  pkString,
  sameUser,
  SESSION_KEY,
  sessionLogin,
  sessionOf,
  verifySession,
  type LoginUser,
  type RequestUser,
} from './auth.ts'
import { load_backend } from './backend-loading.ts'
import type { AuthUser } from './backends.ts'
import { AnonymousUser } from './models.ts'
import { user_logged_in, user_logged_out, user_login_failed } from './signals.ts'

/** Async twin of `authenticate()`, calling each backend's `aauthenticate()`. */
export function aauthenticate(
  request: HttpRequest | null = null,
  credentials: Record<string, unknown> = {},
): Promise<AuthUser | null> {
  return inRequest(request, async () => {
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

/** Async twin of `login()`, using the session's async methods and `asend`. */
export function alogin(request: HttpRequest, user: LoginUser | null, backend: string | null = null): Promise<void> {
  return inRequest(request, async () => {
    let target = user
    if (target === null || target === undefined) {
      warn('Fallback to request.user when user is None will be removed.', 'RemovedInDjango61Warning')
      if (request.auser === undefined) {
        throw new AttributeError(`'${request.constructor.name}' object has no attribute 'auser'`)
      }
      target = (await request.auser()) as LoginUser
    }
    const session_auth_hash = typeof target.get_session_auth_hash === 'function' ? target.get_session_auth_hash() : ''
    const session = sessionOf(request)
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
    await session.aset(SESSION_KEY, pkString(target))
    await session.aset(BACKEND_SESSION_KEY, backend_path)
    await session.aset(HASH_SESSION_KEY, session_auth_hash)
    const logged_in = target as RequestUser
    if (hasUser(request)) request.user = logged_in
    // DEVIATION(django): request.auser() answers the new user too, not AuthenticationMiddleware's cached one.
    if (request.auser !== undefined) request.auser = async () => logged_in
    rotate_token(request)
    await user_logged_in.asend(logged_in.constructor, { request, user: logged_in })
  })
}

/** Async twin of `logout()`, reading the user through `request.auser()`. */
export function alogout(request: HttpRequest): Promise<void> {
  return inRequest(request, async () => {
    const user = loggedOutUser(request.auser !== undefined ? await request.auser() : null)
    await user_logged_out.asend(user === null ? null : (user as object).constructor, { request, user })
    await sessionOf(request).aflush()
    if (hasUser(request)) request.user = new AnonymousUser()
    // DEVIATION(django): request.auser() answers AnonymousUser too, not the middleware's cached user.
    if (request.auser !== undefined) request.auser = async () => new AnonymousUser()
  })
}

/** Async twin of `get_user()`, calling the backend's `aget_user()`. */
export function aget_user(request: HttpRequest): Promise<RequestUser> {
  return inRequest(request, async () => {
    const stored = sessionLogin(request)
    let user: AuthUser | null = null
    if (stored !== null) {
      const [user_id, backend_path] = stored
      if (typeof backend_path === 'string' && get_settings().AUTHENTICATION_BACKENDS.includes(backend_path)) {
        user = verifySession(sessionOf(request), await load_backend(backend_path).aget_user(user_id))
      }
    }
    return user ?? new AnonymousUser()
  })
}

/** Async twin of `update_session_auth_hash()`. */
export function aupdate_session_auth_hash(request: HttpRequest, user: AuthUser): Promise<void> {
  return inRequest(request, async () => {
    const session = sessionOf(request)
    await session.acycle_key()
    const current = request.auser !== undefined ? await request.auser() : request.user
    if (typeof user.get_session_auth_hash === 'function' && sameUser(current, user)) {
      await session.aset(HASH_SESSION_KEY, user.get_session_auth_hash())
    }
  })
}
