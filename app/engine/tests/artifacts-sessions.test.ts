/** The session values real Django 5.2.19 produced (conformance artifacts), loaded and re-made byte for byte. */
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { SessionStore as CookieSession } from '../sessions/backends/signed-cookies.ts'
import artifacts from './fixtures/artifacts.json'

function oracle<T>(fn: () => T): T {
  return with_settings(make_settings({ SECRET_KEY: artifacts.secret_key }), () =>
    with_clock(frozen_clock(artifacts.frozen_epoch), fn),
  )
}

/** The keys in the order Django wrote them: as the cookie's own JSON lists them. */
function django_order(cookie: string, session: Record<string, unknown>): Array<[string, unknown]> {
  const loaded = oracle(() => new CookieSession(cookie).keys())
  return loaded.map((key) => [key, session[key]])
}

describe('signed_cookie_sessions', () => {
  it.each(artifacts.signed_cookie_sessions)('loads and re-makes $cookie_value', ({ cookie_value, session }) => {
    oracle(() => {
      const loaded = new CookieSession(cookie_value)
      expect(Object.fromEntries(loaded.items())).toEqual(session)
      expect(loaded.modified).toBe(false)
      // A session holding the same data, in Django's order, signs to Django's exact cookie.
      const made = new CookieSession()
      for (const [key, value] of django_order(cookie_value, session)) made.setitem(key, value)
      made.save()
      expect(made.session_key).toBe(cookie_value)
    })
  })

  it('keeps integer-like keys in insertion order, as Python does', () => {
    oracle(() => {
      const made = new CookieSession()
      made.setitem('2', 'b')
      made.setitem('1', 'a')
      made.save()
      expect(made.session_key!.split(':')[0]).toBe(btoa('{"2":"b","1":"a"}').replace(/=+$/, ''))
      expect(new CookieSession(made.session_key).keys()).toEqual(['2', '1'])
    })
  })
})
