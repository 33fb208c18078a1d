/** Port of django/contrib/sessions/backends/base.py (SessionBase: the session API every backend shares). */
import { get_settings } from '../conf/context.ts'
import { time_now } from '../core/clock.ts'
import { get_random_string } from '../core/crypto.ts'
import { AttributeError, NotImplementedError } from '../core/exceptions.ts'
import { getLogger } from '../core/log.ts'
import { import_string } from '../core/module-loading.ts'
import { BadSignature, type Serializer } from '../signing/base.ts'
import { dumps, loads } from '../signing/signing.ts'
import { format_isoformat, parse_isoformat } from './isoformat.ts'
import { SessionDict, type SessionData } from './session-dict.ts'
import './serializers.ts'

export type { SessionData, SessionUpdate } from './session-dict.ts'

/** The characters of a db session key. */
export const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * What `set_expiry()` takes: seconds of inactivity (0: at browser close), a moment, or null to reset.
 * DEVIATION(django): no timedelta; a moment is a Date.
 */
export type SessionExpiry = number | Date | string | null

/** Keyword arguments of `get_expiry_age()` / `get_expiry_date()`. */
export interface ExpiryOptions {
  /** The moment of the last change (default: now); a Date or seconds since the epoch. */
  modification?: Date | number
  /** The expiry to compute from, instead of the stored one (given, even as null: the session is not loaded). */
  expiry?: SessionExpiry
}

function seconds(moment: Date | number): number {
  return typeof moment === 'number' ? moment : moment.getTime() / 1000
}

/**
 * Django's SessionBase: the dict of SessionDict plus the session key, encoding, expiry and the
 * storage hooks each backend supplies.
 */
export abstract class SessionBase extends SessionDict {
  /** The serializer SESSION_SERIALIZER names. */
  serializer: new () => Serializer
  #session_key: string | null = null

  constructor(session_key: string | null = null) {
    super()
    this._session_key = session_key
    this.serializer = import_string<new () => Serializer>(get_settings().SESSION_SERIALIZER)
  }

  /** The session key, or null; read-only (Django raises AttributeError on assignment). */
  override get session_key(): string | null {
    return this.#session_key
  }
  set session_key(_value: string | null) {
    throw new AttributeError("property 'session_key' of 'SessionBase' object has no setter")
  }

  /** @internal The key, kept only when `_validate_session_key` accepts it (else null). */
  get _session_key(): string | null {
    return this.#session_key
  }
  set _session_key(value: string | null | undefined) {
    this.#session_key = this._validate_session_key(value) ? value! : null
  }

  /** `"django.contrib.sessions." + class name`: the salt of `encode()`. */
  get key_salt(): string {
    return 'django.contrib.sessions.' + this.constructor.name
  }

  /** True when there is no session key and no data was loaded or set. */
  is_empty(): boolean {
    return !this._session_key && (this._session_cache === undefined || this._session_cache.size === 0)
  }

  /** Signs and compresses the data: `signing.dumps(data, salt=key_salt, compress=True)`. */
  encode(session_dict: SessionData): string {
    return dumps(session_dict, { salt: this.key_salt, serializer: this.serializer, compress: true })
  }

  /** The data of an encoded session; a bad signature or payload gives an empty session. */
  decode(session_data: string): SessionData {
    try {
      const value = loads(session_data, { salt: this.key_salt, serializer: this.serializer })
      if (value instanceof Map) return value as SessionData
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return new Map(Object.entries(value))
    } catch (error) {
      if (error instanceof BadSignature) getLogger('django.security.SuspiciousSession').warning('Session data corrupted')
    }
    return new Map()
  }

  /** @internal A fresh random key no stored session uses. */
  _get_new_session_key(): string {
    for (;;) {
      const session_key = get_random_string(32, VALID_KEY_CHARS)
      if (!this.exists(session_key)) return session_key
    }
  }

  /** @internal The key, made now if there is none. */
  _get_or_create_session_key(): string {
    if (this._session_key === null) this._session_key = this._get_new_session_key()
    return this._session_key!
  }

  /** @internal A key must be a string of at least 8 characters. */
  _validate_session_key(key: string | null | undefined): boolean {
    return typeof key === 'string' && key.length >= 8
  }

  /** SESSION_COOKIE_AGE, in seconds. */
  get_session_cookie_age(): number {
    return get_settings().SESSION_COOKIE_AGE
  }

  /** Seconds until the session expires, counted from `modification` (now). */
  get_expiry_age(options: ExpiryOptions = {}): number {
    const modification = seconds(options.modification ?? time_now())
    const expiry = 'expiry' in options ? options.expiry! : (this.get('_session_expiry') as SessionExpiry)
    if (!expiry) return this.get_session_cookie_age()
    if (typeof expiry === 'number') return expiry
    const moment = expiry instanceof Date ? seconds(expiry) : parse_isoformat(expiry)
    return Math.floor(moment - modification)
  }

  /** The moment the session expires. */
  get_expiry_date(options: ExpiryOptions = {}): Date {
    const modification = seconds(options.modification ?? time_now())
    const expiry = 'expiry' in options ? options.expiry! : (this.get('_session_expiry') as SessionExpiry)
    if (expiry instanceof Date) return expiry
    if (typeof expiry === 'string') return new Date(parse_isoformat(expiry) * 1000)
    return new Date((modification + (expiry || this.get_session_cookie_age())) * 1000)
  }

  /**
   * Sets the expiry: seconds of inactivity (0: when the browser closes), a moment (stored as an
   * ISO-8601 string), or null to fall back to the global policy.
   */
  set_expiry(value: SessionExpiry): void {
    if (value === null) {
      if (this.has('_session_expiry')) this.delitem('_session_expiry')
      return
    }
    this.setitem('_session_expiry', value instanceof Date ? format_isoformat(value) : value)
  }

  /** Whether the cookie should last only until the browser closes. */
  get_expire_at_browser_close(): boolean {
    const expiry = this.get('_session_expiry')
    if (expiry === null) return get_settings().SESSION_EXPIRE_AT_BROWSER_CLOSE
    return expiry === 0
  }

  /** Empties the session, deletes it from storage and forgets its key (logout). */
  flush(): void {
    this.clear()
    this.delete()
    this._session_key = null
  }

  /** Keeps the data under a new key and deletes the old record (login). */
  cycle_key(): void {
    const data = this._session
    const key = this.session_key
    this.create()
    this._session_cache = data
    if (key) this.delete(key)
  }

  // The storage hooks every backend implements.

  /** Whether a session with this key is stored. */
  exists(_session_key: string): boolean {
    throw new NotImplementedError('subclasses of SessionBase must provide an exists() method')
  }

  /** Makes a new, empty session with a fresh key. */
  create(): void {
    throw new NotImplementedError('subclasses of SessionBase must provide a create() method')
  }

  /** Stores the data; with `must_create`, CreateError if the key is taken. */
  save(_must_create = false): void {
    throw new NotImplementedError('subclasses of SessionBase must provide a save() method')
  }

  /** Deletes the stored session (this one's when no key is given). */
  delete(_session_key: string | null = null): void {
    throw new NotImplementedError('subclasses of SessionBase must provide a delete() method')
  }

  /** Loads the stored data. */
  override load(): SessionData {
    throw new NotImplementedError('subclasses of SessionBase must provide a load() method')
  }

  /** `await session.aget_expiry_age(...)`. */
  async aget_expiry_age(options: ExpiryOptions = {}): Promise<number> {
    return this.get_expiry_age(options)
  }
  /** `await session.aget_expiry_date(...)`. */
  async aget_expiry_date(options: ExpiryOptions = {}): Promise<Date> {
    return this.get_expiry_date(options)
  }
  /** `await session.aset_expiry(value)`. */
  async aset_expiry(value: SessionExpiry): Promise<void> {
    this.set_expiry(value)
  }
  /** `await session.aget_expire_at_browser_close()`. */
  async aget_expire_at_browser_close(): Promise<boolean> {
    return this.get_expire_at_browser_close()
  }
  /** `await session.aflush()`. */
  async aflush(): Promise<void> {
    this.flush()
  }
  /** `await session.acycle_key()`. */
  async acycle_key(): Promise<void> {
    this.cycle_key()
  }
  /** `await session.aexists(key)`. */
  async aexists(session_key: string): Promise<boolean> {
    return this.exists(session_key)
  }
  /** `await session.acreate()`. */
  async acreate(): Promise<void> {
    this.create()
  }
  /** `await session.asave(must_create)`. */
  async asave(must_create = false): Promise<void> {
    this.save(must_create)
  }
  /** `await session.adelete(key)`. */
  async adelete(session_key: string | null = null): Promise<void> {
    this.delete(session_key)
  }
  /** `await session.aload()`. */
  async aload(): Promise<SessionData> {
    return this.load()
  }

  /** Removes expired sessions from storage (a class method in Django). */
  static clear_expired(): void {
    throw new NotImplementedError('This backend does not support clear_expired().')
  }
}
