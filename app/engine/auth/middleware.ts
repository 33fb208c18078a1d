/** Port of django/contrib/auth/middleware.py (AuthenticationMiddleware: a lazy request.user and request.auser()). */
import { MiddlewareMixin } from '../core/deprecation.ts'
import { ImproperlyConfigured } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import { aget_user, get_user as auth_get_user, type AuthRequest, type RequestUser } from './auth.ts'

/** The middleware's `get_user(request)`: auth.get_user once per request, cached in `request._cached_user`. */
export function get_user(request: HttpRequest): RequestUser {
  const req = request as AuthRequest
  if (req._cached_user === undefined) req._cached_user = auth_get_user(request)
  return req._cached_user
}

/** The middleware's `auser(request)`: auth.aget_user once per request, cached in `request._acached_user`. */
export async function auser(request: HttpRequest): Promise<RequestUser> {
  const req = request as AuthRequest
  if (req._acached_user === undefined) req._acached_user = await aget_user(request)
  return req._acached_user
}

/**
 * Makes `request.user` evaluate get_user() on first read (Django's SimpleLazyObject); assigning to
 * it replaces the lazy value, as assigning a new object to the attribute does in Django.
 */
export function set_lazy_user(request: HttpRequest): void {
  Object.defineProperty(request, 'user', { configurable: true, enumerable: true, get: lazyUser, set: assignUser })
}

// Shared accessors (not closures per request): a fresh pair per request gives each request its own
// hidden class, which V8 keeps alive until a full GC.
function lazyUser(this: HttpRequest): RequestUser {
  return get_user(this)
}

function assignUser(this: HttpRequest, value: unknown): void {
  Object.defineProperty(this, 'user', { configurable: true, enumerable: true, writable: true, value })
}

/** Django's AuthenticationMiddleware: needs SessionMiddleware before it. */
export class AuthenticationMiddleware extends MiddlewareMixin {
  override process_request(request: HttpRequest): null {
    if (request.session === undefined) {
      throw new ImproperlyConfigured(
        'The Django authentication middleware requires session middleware to be installed. Edit your ' +
          "MIDDLEWARE setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before " +
          "'django.contrib.auth.middleware.AuthenticationMiddleware'.",
      )
    }
    set_lazy_user(request)
    request.auser = () => auser(request)
    return null
  }
}

register_import('django.contrib.auth.middleware.AuthenticationMiddleware', AuthenticationMiddleware)
