/**
 * Parity with Django's sessions tests: one contract suite (SessionTestsMixin) run against every
 * backend, the backend-specific tests, and SessionMiddlewareTests.
 */
// django: tests/sessions_tests/tests.py
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { frozen_clock, time_now, with_clock } from '../core/clock.ts'
import { AttributeError, KeyError } from '../core/exceptions.ts'
import { set_log_sink, type LogRecord } from '../core/log.ts'
import { Database, set_database } from '../db/connection.ts'
import type { SessionBase } from '../sessions/base.ts'
import { SessionStore as DatabaseSession, session_table } from '../sessions/backends/db.ts'
import { SessionStore as CookieSession } from '../sessions/backends/signed-cookies.ts'
import { UpdateError } from '../sessions/exceptions.ts'

const SETTINGS = make_settings({ SECRET_KEY: 'django-tests-secret-key' })

/** Runs a test body with the suite's settings (Django's test settings have a SECRET_KEY). */
function run<T>(fn: () => T, overrides: SettingsOverrides = {}): T {
  return with_settings(make_settings(overrides, SETTINGS), fn)
}

type Backend = new (key?: string | null) => SessionBase

function session_tests_mixin(backend: Backend): void {
  let session: SessionBase
  beforeEach(() => {
    set_database(new Database())
    session = run(() => new backend())
  })
  const test = (name: string, fn: () => void) => it(name, () => run(fn))

  test('test_new_session', () => {
    expect(session.modified).toBe(false)
    expect(session.accessed).toBe(false)
  })

  test('test_get_empty', () => {
    expect(session.get('cat')).toBe(null)
  })

  test('test_getitem_empty', () => {
    expect(() => session.getitem('cat')).toThrow(KeyError)
  })

  test('test_store', () => {
    session.setitem('cat', 'dog')
    expect(session.modified).toBe(true)
    expect(session.pop('cat')).toBe('dog')
  })

  test('test_pop', () => {
    session.setitem('some key', 'exists')
    session.accessed = false
    session.modified = false
    expect(session.pop('some key')).toBe('exists')
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(true)
    expect(session.get('some key')).toBe(null)
  })

  test('test_pop_default', () => {
    expect(session.pop('some key', 'does not exist')).toBe('does not exist')
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_pop_default_named_argument', () => {
    expect(session.pop('some key', 'does not exist')).toBe('does not exist')
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_pop_no_default_keyerror_raised', () => {
    expect(() => session.pop('some key')).toThrow(KeyError)
  })

  test('test_setdefault', () => {
    expect(session.setdefault('foo', 'bar')).toBe('bar')
    expect(session.setdefault('foo', 'baz')).toBe('bar')
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(true)
  })

  test('test_update', () => {
    session.update({ 'update key': 1 })
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(true)
    expect(session.get('update key', null)).toBe(1)
  })

  test('test_has_key', () => {
    session.setitem('some key', 1)
    session.modified = false
    session.accessed = false
    expect(session.has('some key')).toBe(true)
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_values', () => {
    expect(session.values()).toEqual([])
    expect(session.accessed).toBe(true)
    session.setitem('some key', 1)
    session.modified = false
    session.accessed = false
    expect(session.values()).toEqual([1])
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_keys', () => {
    session.setitem('x', 1)
    session.modified = false
    session.accessed = false
    expect(session.keys()).toEqual(['x'])
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_items', () => {
    session.setitem('x', 1)
    session.modified = false
    session.accessed = false
    expect(session.items()).toEqual([['x', 1]])
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(false)
  })

  test('test_clear', () => {
    session.setitem('x', 1)
    session.modified = false
    session.accessed = false
    expect(session.items()).toEqual([['x', 1]])
    session.clear()
    expect(session.items()).toEqual([])
    expect(session.accessed).toBe(true)
    expect(session.modified).toBe(true)
  })

  test('test_save', () => {
    session.save()
    expect(session.exists(session.session_key!)).toBe(backend !== CookieSession)
  })

  test('test_delete', () => {
    session.save()
    session.delete(session.session_key)
    expect(session.exists(session.session_key ?? '')).toBe(false)
  })

  test('test_flush', () => {
    session.setitem('foo', 'bar')
    session.save()
    const prev_key = session.session_key!
    session.flush()
    expect(session.exists(prev_key)).toBe(false)
    expect(session.session_key).not.toBe(prev_key)
    expect(session.session_key).toBe(null)
    expect(session.modified).toBe(true)
    expect(session.accessed).toBe(true)
  })

  test('test_cycle', () => {
    session.setitem('a', 'c')
    session.setitem('b', 'd')
    session.save()
    const prev_key = session.session_key
    const prev_data = session.items()
    session.cycle_key()
    expect(session.items()).toEqual(prev_data)
    // Django's CookieSessionTests skip this: a signed cookie cannot be revoked, and the same
    // data signed in the same second is the same key.
    if (backend === CookieSession) return
    expect(session.exists(prev_key!)).toBe(false)
    expect(session.session_key).not.toBe(prev_key)
  })

  test('test_cycle_with_no_session_cache', () => {
    session.setitem('a', 'c')
    session.setitem('b', 'd')
    session.save()
    const prev_data = session.items()
    session = new backend(session.session_key)
    expect(session._session_cache).toBeUndefined()
    session.cycle_key()
    expect(session.items()).toEqual(prev_data)
  })

  test('test_save_doesnt_clear_data', () => {
    session.setitem('a', 'b')
    session.save()
    expect(session.getitem('a')).toBe('b')
  })

  test('test_invalid_key', () => {
    // A guessed (or deleted) key is replaced by a fresh one on save.
    const guessed = new backend('1')
    guessed.save()
    expect(guessed.session_key).not.toBe('1')
    expect(guessed.get('cat')).toBe(null)
    guessed.delete()
  })

  test('test_session_key_empty_string_invalid', () => {
    session._session_key = ''
    expect(session.session_key).toBe(null)
  })

  test('test_session_key_too_short_invalid', () => {
    session._session_key = '1234567'
    expect(session.session_key).toBe(null)
  })

  test('test_session_key_valid_string_saved', () => {
    session._session_key = '12345678'
    expect(session.session_key).toBe('12345678')
  })

  test('test_session_key_is_read_only', () => {
    expect(() => {
      session.session_key = session._get_new_session_key()
    }).toThrow(AttributeError)
  })

  test('test_default_expiry', () => {
    expect(session.get_expiry_age()).toBe(SETTINGS.SESSION_COOKIE_AGE)
    // An idle expiry of 0 means "at browser close", with the default age.
    session.set_expiry(0)
    expect(session.get_expiry_age()).toBe(SETTINGS.SESSION_COOKIE_AGE)
  })

  test('test_custom_expiry_seconds', () => {
    const modification = time_now()
    session.set_expiry(10)
    expect(session.get_expiry_date({ modification }).getTime()).toBe((modification + 10) * 1000)
    expect(session.get_expiry_age({ modification })).toBe(10)
  })

  test('test_custom_expiry_timedelta', () => {
    // timedelta(seconds=10) from a frozen now: the engine takes a moment instead.
    const modification = 1700000000.25
    with_clock(frozen_clock(modification), () => session.set_expiry(new Date((time_now() + 10) * 1000)))
    expect(session.get('_session_expiry')).toBe('2023-11-14T22:13:30.250000+00:00')
    expect(session.get_expiry_date({ modification }).getTime()).toBe((modification + 10) * 1000)
    expect(session.get_expiry_age({ modification })).toBe(10)
  })

  test('test_custom_expiry_datetime', () => {
    const modification = 1700000000
    session.set_expiry(new Date((modification + 10) * 1000))
    expect(session.get('_session_expiry')).toBe('2023-11-14T22:13:30+00:00')
    expect(session.get_expiry_date({ modification }).getTime()).toBe((modification + 10) * 1000)
    expect(session.get_expiry_age({ modification })).toBe(10)
  })

  test('test_custom_expiry_reset', () => {
    session.set_expiry(null)
    session.set_expiry(10)
    session.set_expiry(null)
    expect(session.get_expiry_age()).toBe(SETTINGS.SESSION_COOKIE_AGE)
  })

  test('test_get_expire_at_browser_close', () => {
    for (const at_close of [false, true]) {
      run(() => {
        session.set_expiry(10)
        expect(session.get_expire_at_browser_close()).toBe(false)
        session.set_expiry(0)
        expect(session.get_expire_at_browser_close()).toBe(true)
        session.set_expiry(null)
        expect(session.get_expire_at_browser_close()).toBe(at_close)
      }, { SESSION_EXPIRE_AT_BROWSER_CLOSE: at_close })
    }
  })

  test('test_decode', () => {
    const data = new Map([['a test key', 'a test value']])
    expect(session.decode(session.encode(data))).toEqual(data)
  })

  test('test_decode_failure_logged_to_security', () => {
    const records: LogRecord[] = []
    const previous = set_log_sink((record) => records.push(record))
    try {
      const tampered = session.encode(new Map([['a', 'b']])).slice(0, -1) + 'X'
      expect(session.decode(tampered)).toEqual(new Map())
    } finally {
      set_log_sink(previous)
    }
    expect(records).toEqual([
      { name: 'django.security.SuspiciousSession', levelname: 'WARNING', message: 'Session data corrupted', extra: undefined },
    ])
  })

  test('test_decode_serializer_exception', () => {
    // Signed correctly, but not JSON: an empty session, no error.
    const not_json = btoa('bad data').replace(/=+$/, '')
    expect(session.decode(not_json)).toEqual(new Map())
  })

  test('test_actual_expiry', () => {
    session.setitem('foo', 'bar')
    session.set_expiry(-10)
    session.save()
    // With an expiry in the past the session is gone (the cookie backend only checks the global age).
    const reloaded = new backend(session.session_key)
    expect(reloaded.has('foo')).toBe(backend === CookieSession)
  })

  test('test_session_load_does_not_create_record', () => {
    // Loading an unknown key neither stores it nor keeps it.
    const unknown = new backend('someunknownkey')
    unknown.load()
    expect(unknown.session_key).toBe(backend === CookieSession ? 'someunknownkey' : null)
    expect(unknown.exists('someunknownkey')).toBe(false)
  })

  test('test_session_save_does_not_resurrect_session_logged_out_in_other_context', () => {
    session.setitem('a', 'b')
    session.save()
    const other = new backend(session.session_key)
    other.flush()
    if (backend === CookieSession) return
    expect(() => session.save()).toThrow(UpdateError)
  })

  test('test_is_empty', () => {
    expect(session.is_empty()).toBe(true)
    session.setitem('a', 1)
    expect(session.is_empty()).toBe(false)
  })

  test('test_aset_aget_apop (async twins)', () => {
    return (async () => {
      await session.aset('k', 'v')
      expect(await session.aget('k')).toBe('v')
      expect(await session.ahas_key('k')).toBe(true)
      expect(await session.aitems()).toEqual([['k', 'v']])
      expect(await session.apop('k')).toBe('v')
      expect(await session.asetdefault('d', 1)).toBe(1)
      await session.aupdate({ e: 2 })
      expect(await session.akeys()).toEqual(['d', 'e'])
      expect(await session.aget_expiry_age()).toBe(SETTINGS.SESSION_COOKIE_AGE)
    })()
  })
}

describe('DatabaseSessionTests', () => {
  session_tests_mixin(DatabaseSession)

  it('test_session_str / test_session_get_decoded', () =>
    run(() => {
      const session = new DatabaseSession()
      session.setitem('x', 1)
      session.save()
      const row = session_table().get(session.session_key!)!
      expect(row.session_key).toBe(session.session_key)
      expect(session.decode(row.session_data)).toEqual(new Map([['x', 1]]))
    }))

  it('test_session_key_chars: 32 characters from a-z0-9', () =>
    run(() => {
      const session = new DatabaseSession()
      session.save()
      expect(session.session_key).toMatch(/^[a-z0-9]{32}$/)
    }))

  it('test_clearsessions_command', () =>
    run(() => {
      set_database(new Database())
      expect(session_table().size).toBe(0)
      const future = new DatabaseSession()
      future.setitem('foo', 'bar')
      future.set_expiry(3600)
      future.save()
      const past = new DatabaseSession()
      past.setitem('foo', 'bar')
      past.set_expiry(-3600)
      past.save()
      expect(session_table().size).toBe(2)
      DatabaseSession.clear_expired()
      expect(session_table().size).toBe(1)
    }))

  it('encodes with the salt "django.contrib.sessions.SessionStore" (spec vector)', () =>
    with_settings(make_settings({ SECRET_KEY: 'secret' }), () =>
      with_clock(frozen_clock(1700000000), () => {
        const session = new DatabaseSession()
        expect(session.key_salt).toBe('django.contrib.sessions.SessionStore')
        expect(session.encode(new Map([['foo', 'bar']]))).toBe(
          'eyJmb28iOiJiYXIifQ:1r31eq:tQANHVy2y6WP5KGlPXSlUPMeU1_38TcTtziMLxCCU2U',
        )
      }),
    ))

  it('keeps an expired row out: load forgets the key, and a new one is made on save', () =>
    run(() => {
      const session = new DatabaseSession()
      session.setitem('a', 1)
      session.save()
      const key = session.session_key!
      const later = with_clock(frozen_clock(time_now() + SETTINGS.SESSION_COOKIE_AGE + 1), () => {
        const reloaded = new DatabaseSession(key)
        expect(reloaded.get('a')).toBe(null)
        expect(reloaded.session_key).toBe(null)
        reloaded.setitem('b', 2)
        reloaded.save()
        return reloaded.session_key
      })
      expect(later).not.toBe(key)
    }))
})

describe('CookieSessionTests', () => {
  session_tests_mixin(CookieSession)

  it('test_save: the key is the signed data', () =>
    run(() => {
      const session = new CookieSession()
      session.setitem('count', 1)
      session.save()
      expect(new CookieSession(session.session_key).get('count')).toBe(1)
    }))

  it('test_unpickling_exception: a tampered cookie gives an empty, modified session', () =>
    run(() => {
      const session = new CookieSession()
      session.setitem('a', 1)
      session.save()
      const tampered = new CookieSession(session.session_key!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))
      expect(tampered.items()).toEqual([])
      expect(tampered.modified).toBe(true)
    }))

  it('expires with SESSION_COOKIE_AGE, whatever set_expiry said', () =>
    run(() => {
      const session = new CookieSession()
      session.setitem('a', 1)
      session.save()
      const key = session.session_key!
      with_clock(frozen_clock(time_now() + SETTINGS.SESSION_COOKIE_AGE + 1), () => {
        expect(new CookieSession(key).get('a')).toBe(null)
      })
    }))
})
