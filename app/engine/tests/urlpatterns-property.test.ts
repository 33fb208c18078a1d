/** Property tests: for every built-in converter, reverse() and resolve() undo each other. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { unquote } from '../core/urllib.ts'
import { resolve, reverse } from '../urls/base.ts'
import { path } from '../urls/conf.ts'
import { UUID } from '../urls/uuid.ts'
import { path_empty_view as view } from './fixtures/urlconfs/views.ts'

const urlconf = {
  urlpatterns: [
    path('int/<int:v>/', view, { name: 'int' }),
    path('slug/<slug:v>/', view, { name: 'slug' }),
    path('str/<str:v>/', view, { name: 'str' }),
    path('uuid/<uuid:v>/', view, { name: 'uuid' }),
    path('path/<path:v>/', view, { name: 'path' }),
  ],
}

// Text without lone surrogates (Python's quote() would refuse them too).
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })

/** reverse → (the server decodes %XX) → resolve → reverse again gives the same URL and value. */
function roundTrip(name: string, value: unknown, expected: unknown = value): void {
  const url = reverse(name, { urlconf, kwargs: { v: value } })
  const match = resolve(unquote(url), urlconf)
  expect(match.url_name).toBe(name)
  expect(match.kwargs).toEqual({ v: expected })
  expect(reverse(name, { urlconf, kwargs: match.kwargs })).toBe(url)
}

describe('reverse(resolve(x)) round-trips', () => {
  it('int', () => {
    fc.assert(fc.property(fc.nat(), (n) => roundTrip('int', n)))
    fc.assert(fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 128n }), (n) => roundTrip('int', n)))
  })

  it('slug', () => {
    fc.assert(fc.property(fc.stringMatching(/^[-a-zA-Z0-9_]{1,30}$/), (s) => roundTrip('slug', s)))
  })

  it('str', () => {
    fc.assert(fc.property(text.filter((s) => !s.includes('/')), (s) => roundTrip('str', s)))
  })

  it('uuid', () => {
    fc.assert(fc.property(fc.uuid(), (u) => roundTrip('uuid', new UUID(u), new UUID(u))))
    fc.assert(fc.property(fc.uuid(), (u) => roundTrip('uuid', u, new UUID(u))))
  })

  it('path', () => {
    // `.` never matches a newline, so path values cannot hold one.
    fc.assert(fc.property(text.filter((s) => !s.includes('\n')), (s) => roundTrip('path', s)))
  })

  it('resolve(reverse(x)) of any str value either matches or the value contains a slash', () => {
    fc.assert(
      fc.property(text, (s) => {
        try {
          roundTrip('str', s)
          return !s.includes('/')
        } catch {
          return s.includes('/')
        }
      }),
    )
  })
})
