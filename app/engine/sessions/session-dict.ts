/**
 * The dict half of django/contrib/sessions/backends/base.py's SessionBase: item access over the
 * lazily loaded data, with the `accessed`/`modified` flags SessionMiddleware reads, the test
 * cookie, and their async twins. SessionBase (base.ts) adds keys, encoding, expiry and storage.
 */
import { KeyError } from '../core/exceptions.ts'
import { str_repr } from '../core/python.ts'

/** A session's contents: Python's dict, in insertion order. */
export type SessionData = Map<string, unknown>

/** What `update()` takes: a dict (Map or plain object) or key/value pairs. */
export type SessionUpdate = Map<string, unknown> | Record<string, unknown> | Iterable<readonly [string, unknown]>

/** `pop(key)` without a default: distinct from any value, `undefined` and `null` included. */
export const NOT_GIVEN: unique symbol = Symbol('not given')

function to_pairs(update: SessionUpdate): Iterable<readonly [string, unknown]> {
  if (update instanceof Map) return update
  if (Symbol.iterator in update) return update as Iterable<readonly [string, unknown]>
  return Object.entries(update)
}

/**
 * A lazily loaded dict: `s[k]` is `getitem(k)`, `s[k] = v` is `setitem(k, v)`, `k in s` is `has(k)`.
 * Reading sets `accessed`, writing also `modified`.
 */
export abstract class SessionDict {
  static readonly TEST_COOKIE_NAME = 'testcookie'
  static readonly TEST_COOKIE_VALUE = 'worked'

  /** True once the data was read or written (SessionMiddleware then adds `Vary: Cookie`). */
  accessed = false
  /** True once the data changed (SessionMiddleware then saves it). */
  modified = false
  /** @internal The loaded data; undefined until first use. */
  _session_cache: SessionData | undefined = undefined

  /** The session key, or null (no key: nothing to load). */
  abstract get session_key(): string | null
  /** Loads the stored data (the backend's hook). */
  abstract load(): SessionData

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

  /** Stores the test cookie value. */
  set_test_cookie(): void {
    this.setitem(SessionDict.TEST_COOKIE_NAME, SessionDict.TEST_COOKIE_VALUE)
  }

  /** Whether the test cookie came back. */
  test_cookie_worked(): boolean {
    return this.get(SessionDict.TEST_COOKIE_NAME) === SessionDict.TEST_COOKIE_VALUE
  }

  /** Removes the test cookie value (KeyError when absent). */
  delete_test_cookie(): void {
    this.delitem(SessionDict.TEST_COOKIE_NAME)
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
}
