/**
 * Port of django/contrib/sessions/backends/signed_cookies.py: the session data lives in the
 * cookie itself, signed and compressed, so the session key *is* the data.
 */
import { register_import } from '../../core/module-loading.ts'
import { dumps, loads } from '../../signing/signing.ts'
import { SessionBase, type SessionData } from '../base.ts'

const SALT = 'django.contrib.sessions.backends.signed_cookies'

/** The cookie-based session store (SESSION_ENGINE `django.contrib.sessions.backends.signed_cookies`). */
export class SessionStore extends SessionBase {
  /** Reads the cookie: any bad signature, expiry (SESSION_COOKIE_AGE) or payload gives a new, empty session. */
  override load(): SessionData {
    try {
      const value = loads(this.session_key ?? '', {
        serializer: this.serializer,
        max_age: this.get_session_cookie_age(),
        salt: SALT,
      })
      if (value instanceof Map) return value as SessionData
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return new Map(Object.entries(value))
    } catch {
      // Django resets the session on any error here.
    }
    this.create()
    return new Map()
  }

  override create(): void {
    this.modified = true
  }

  override save(_must_create = false): void {
    this._session_key = this._get_session_key()
    this.modified = true
  }

  /** There is nothing stored to collide with. */
  override exists(_session_key: string | null = null): boolean {
    return false
  }

  override delete(_session_key: string | null = null): void {
    this._session_key = ''
    this._session_cache = new Map()
    this.modified = true
  }

  override cycle_key(): void {
    this.save()
  }

  /** @internal The cookie value: the signed, compressed data. */
  _get_session_key(): string {
    return dumps(this._session, { compress: true, salt: SALT, serializer: this.serializer })
  }

  /** Cookies expire in the browser; nothing to clear. */
  static override clear_expired(): void {}
}

register_import('django.contrib.sessions.backends.signed_cookies', { SessionStore })
