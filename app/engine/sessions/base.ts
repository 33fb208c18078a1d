/** Port of django/contrib/sessions/backends/base.py (SessionBase: the session API every backend shares). */
import { get_settings } from '../conf/context.ts'
import { time_now } from '../core/clock.ts'
import { get_random_string } from '../core/crypto.ts'
import { AttributeError, KeyError, NotImplementedError } from '../core/exceptions.ts'
import { getLogger } from '../core/log.ts'
import { import_string } from '../core/module-loading.ts'
import { str_repr } from '../core/python.ts'
import { BadSignature, type Serializer } from '../signing/base.ts'
import { dumps, loads } from '../signing/signing.ts'
import { format_isoformat, parse_isoformat } from './isoformat.ts'
import './serializers.ts'

/** The characters of a db session key. */
export const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A session's contents: Python's dict, in insertion order. */
export type SessionData = Map<string, unknown>

/** What `update()` takes: a dict (Map or plain object) or key/value pairs. */
export type SessionUpdate = Map<string, unknown> | Record<string, unknown> | Iterable<readonly [string, unknown]>

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

const NOT_GIVEN: unique symbol = Symbol('not given')

function seconds(moment: Date | number): number {
  return typeof moment === 'number' ? moment : moment.getTime() / 1000
}

function to_pairs(update: SessionUpdate): Iterable<readonly [string, unknown]> {
  if (update instanceof Map) return update
  if (Symbol.iterator in update) return update as Iterable<readonly [string, unknown]>
  return Object.entries(update)
}

/**
 * Django's SessionBase: a lazily loaded dict with `accessed`/`modified` flags, an expiry and the
 * storage hooks each backend supplies. `s[k]` is `getitem(k)`, `s[k] = v` is `setitem(k, v)`,
 * `k in s` is `has(k)`.
 */
export abstract class SessionBase {
  static readonly TEST_COOKIE_NAME = 'testcookie'
  static readonly TEST_COOKIE_VALUE = 'worked'

  /** True once the data was read or written (SessionMiddleware then adds `Vary: Cookie`). */
  accessed = false
  /** True once the data changed (SessionMiddleware then saves it). */
  modified = false
  /** The serializer SESSION_SERIALIZER names. */
  serializer: new () => Serializer
  #session_key: string | null = null
  /** @internal The loaded data; undefined until first use. */
  _session_cache: SessionData | undefined = undefined

  constructor(session_key: string | null = null) {
    this._session_key = session_key
    this.serializer = import_string<new () => Serializer>(get_settings().SESSION_SERIALIZER)
  }

  /** The session key, or null; read-only (Django raises AttributeError on assignment). */
  get session_key(): string | null {
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

  /** @internal The data, loaded on first use; marks the session accessed. */
  get _session(): SessionData {
    return this._get_session()
  }

  /** @internal `_get_session(no_load)`: with `no_load`, an unloaded session counts as empty. */
  _get_session(no_load = false): SessionData {
    this.accessed = true
    if (this._session_cache === undefined) {
      this._session_cache = this.session_key === null || no_load ? new Map() : this.load()
    }
    return this._session_cache
  }

  /** `"django.contrib.sessions." + class name`: the salt of `encode()`. */
  get key_salt(): string {
    return 'django.contrib.sessions.' + this.constructor.name
  }

  /** `key in session`. */
  has(key: string): boolean {
    return this._session.has(key)
  }

  /** `session[key]`; KeyError when absent. */
  getitem(key: string): unknown {
    const data = this._session
    if (!data.has(key)) throw new KeyError(str_repr(key))
    return data.get(key)
  }

  /** `session[key] = value`. */
  setitem(key: string, value: unknown): void {
    this._session.set(key, value)
    this.modified = true
  }

  /** `del session[key]`; KeyError when absent. */
  delitem(key: string): void {
    if (!this._session.delete(key)) throw new KeyError(str_repr(key))
    this.modified = true
  }

  /** `session.get(key, default)`. */
  get<D = null>(key: string, default_: D = null as D): unknown {
    const data = this._session
    return data.has(key) ? data.get(key) : default_
  }

  /** `session.pop(key[, default])`: KeyError when absent and no default was given. */
  pop(key: string, default_: unknown = NOT_GIVEN): unknown {
    const data = this._session
    this.modified ||= data.has(key)
    if (data.has(key)) {
      const value = data.get(key)
      data.delete(key)
      return value
    }
    if (default_ === NOT_GIVEN) throw new KeyError(str_repr(key))
    return default_
  }

  /** Returns the stored value, or stores `value` (a modification) and returns it. */
  setdefault(key: string, value: unknown): unknown {
    const data = this._session
    if (data.has(key)) return data.get(key)
    this.modified = true
    data.set(key, value)
    return value
  }

  /** Merges a dict into the session; always a modification. */
  update(dict: SessionUpdate): void {
    const data = this._session
    for (const [key, value] of to_pairs(dict)) data.set(key, value)
    this.modified = true
  }

  /** `session.has_key(key)`. */
  has_key(key: string): boolean {
    return this._session.has(key)
  }

  /** The keys, in insertion order. */
  keys(): string[] {
    return [...this._session.keys()]
  }

  /** The values, in insertion order. */
  values(): unknown[] {
    return [...this._session.values()]
  }

  /** `[key, value]` pairs, in insertion order. */
  items(): Array<[string, unknown]> {
    return [...this._session.entries()]
  }

  /** `for key in session`. */
  [Symbol.iterator](): IterableIterator<string> {
    return this._session.keys()
  }

  /** Empties the session without loading it: accessed and modified. */
  clear(): void {
    this._session_cache = new Map()
    this.accessed = true
    this.modified = true
  }

  /** True when there is no session key and no data was loaded or set. */
  is_empty(): boolean {
    return !this._session_key && (this._session_cache === undefined || this._session_cache.size === 0)
  }

  /** Stores the test cookie value. */
  set_test_cookie(): void {
    this.setitem(SessionBase.TEST_COOKIE_NAME, SessionBase.TEST_COOKIE_VALUE)
  }

  /** Whether the test cookie came back. */
  test_cookie_worked(): boolean {
    return this.get(SessionBase.TEST_COOKIE_NAME) === SessionBase.TEST_COOKIE_VALUE
  }

  /** Removes the test cookie value (KeyError when absent). */
  delete_test_cookie(): void {
    this.delitem(SessionBase.TEST_COOKIE_NAME)
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
  load(): SessionData {
    throw new NotImplementedError('subclasses of SessionBase must provide a load() method')
  }

  // Django's async twins. Storage here is in memory, so each runs its sync counterpart.

  /** `await session.aget(key, default)`. */
  async aget<D = null>(key: string, default_: D = null as D): Promise<unknown> {
    return this.get(key, default_)
  }
  /** `await session.aset(key, value)`. */
  async aset(key: string, value: unknown): Promise<void> {
    this.setitem(key, value)
  }
  /** `await session.apop(key[, default])`. */
  async apop(key: string, default_: unknown = NOT_GIVEN): Promise<unknown> {
    return this.pop(key, default_)
  }
  /** `await session.asetdefault(key, value)`. */
  async asetdefault(key: string, value: unknown): Promise<unknown> {
    return this.setdefault(key, value)
  }
  /** `await session.aupdate(dict)`. */
  async aupdate(dict: SessionUpdate): Promise<void> {
    this.update(dict)
  }
  /** `await session.ahas_key(key)`. */
  async ahas_key(key: string): Promise<boolean> {
    return this.has_key(key)
  }
  /** `await session.akeys()`. */
  async akeys(): Promise<string[]> {
    return this.keys()
  }
  /** `await session.avalues()`. */
  async avalues(): Promise<unknown[]> {
    return this.values()
  }
  /** `await session.aitems()`. */
  async aitems(): Promise<Array<[string, unknown]>> {
    return this.items()
  }
  /** `await session.aset_test_cookie()`. */
  async aset_test_cookie(): Promise<void> {
    this.set_test_cookie()
  }
  /** `await session.atest_cookie_worked()`. */
  async atest_cookie_worked(): Promise<boolean> {
    return this.test_cookie_worked()
  }
  /** `await session.adelete_test_cookie()`. */
  async adelete_test_cookie(): Promise<void> {
    this.delete_test_cookie()
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
