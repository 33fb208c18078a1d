/** Port of django/contrib/sessions/middleware.py (SessionMiddleware). */
import { get_settings } from '../conf/context.ts'
import { patch_vary_headers } from '../core/cache.ts'
import { time_now } from '../core/clock.ts'
import { MiddlewareMixin, type GetResponse } from '../core/deprecation.ts'
import { http_date } from '../core/http.ts'
import { import_module, register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { SessionBase } from './base.ts'
import { SessionInterrupted, UpdateError } from './exceptions.ts'
import './backends/db.ts'
import './backends/signed-cookies.ts'

/** A session store class, as SESSION_ENGINE's module exports it. */
export type SessionStoreClass = new (session_key?: string | null) => SessionBase

/**
 * Gives each request `request.session` from the session cookie, and on the way out saves a
 * changed session and sets, refreshes or deletes the cookie.
 */
export class SessionMiddleware extends MiddlewareMixin {
  /** The store class SESSION_ENGINE names. */
  readonly SessionStore: SessionStoreClass

  constructor(get_response: GetResponse) {
    super(get_response)
    this.SessionStore = import_module<{ SessionStore: SessionStoreClass }>(get_settings().SESSION_ENGINE).SessionStore
  }

  override process_request(request: HttpRequest): null {
    const session_key = request.COOKIES[get_settings().SESSION_COOKIE_NAME] ?? null
    request.session = new this.SessionStore(session_key)
    return null
  }

  override process_response(request: HttpRequest, response: HttpResponseBase): HttpResponseBase {
    const session = request.session
    if (session === undefined) return response
    const { accessed, modified } = session
    const empty = session.is_empty()
    const settings = get_settings()
    if (settings.SESSION_COOKIE_NAME in request.COOKIES && empty) {
      response.delete_cookie(settings.SESSION_COOKIE_NAME, {
        path: settings.SESSION_COOKIE_PATH,
        domain: settings.SESSION_COOKIE_DOMAIN,
        samesite: settings.SESSION_COOKIE_SAMESITE,
      })
      patch_vary_headers(response, ['Cookie'])
      return response
    }
    if (accessed) patch_vary_headers(response, ['Cookie'])
    if (!(modified || settings.SESSION_SAVE_EVERY_REQUEST) || empty) return response
    let max_age: number | null = null
    let expires: string | null = null
    if (!session.get_expire_at_browser_close()) {
      max_age = session.get_expiry_age()
      expires = http_date(time_now() + max_age)
    }
    // A 5xx means the view failed: its session changes are not kept.
    if (response.status_code < 500) {
      try {
        session.save()
      } catch (error) {
        if (error instanceof UpdateError) {
          throw new SessionInterrupted(
            "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.",
          )
        }
        throw error
      }
      response.set_cookie(settings.SESSION_COOKIE_NAME, session.session_key, {
        max_age,
        expires,
        domain: settings.SESSION_COOKIE_DOMAIN,
        path: settings.SESSION_COOKIE_PATH,
        secure: settings.SESSION_COOKIE_SECURE,
        httponly: settings.SESSION_COOKIE_HTTPONLY,
        samesite: settings.SESSION_COOKIE_SAMESITE,
      })
    }
    return response
  }
}

register_import('django.contrib.sessions.middleware.SessionMiddleware', SessionMiddleware)
