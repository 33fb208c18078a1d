import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JarCookie } from '../protocol.ts'
import {
  SITE_ORIGIN,
  browserCookieHeader,
  isExpired,
  mergeClientJar,
  scriptCookies,
  storeResponseCookies,
  storeScriptCookie,
} from './index.ts'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const HTTP = `${SITE_ORIGIN}/echo/?a=1`
const HTTPS = 'https://testserver/echo/?a=1'
const DAY = 24 * 60 * 60 * 1000

type Attrs = JarCookie['attrs']

const cookie = (key: string, value: string, attrs: Attrs = { path: '/' }, more: Partial<JarCookie> = {}) => ({
  key,
  value,
  attrs,
  set_at: NOW,
  ...more,
})

const store = (setCookies: string[], jar: JarCookie[] = [], url = HTTP, now = NOW) =>
  storeResponseCookies(jar, setCookies, url, now)

/** The note for a single refused line, with the jar it left. */
const refusedNote = (line: string, url = HTTP, jar: JarCookie[] = []) => {
  const result = store([line], jar, url)
  expect(result.notes).toHaveLength(1)
  return result.notes[0]!.note
}

describe('isExpired', () => {
  it('counts Max-Age from set_at, as a number or a string', () => {
    for (const maxAge of [60, '60']) {
      const c = cookie('a', '1', { 'max-age': maxAge })
      expect(isExpired(c, NOW + 59_999)).toBe(false)
      expect(isExpired(c, NOW + 60_000)).toBe(true)
    }
  })

  it('treats a positive Max-Age without set_at as live, and Max-Age <= 0 as expired', () => {
    expect(isExpired({ key: 'a', value: '1', attrs: { 'max-age': 60 } }, NOW + 365 * DAY)).toBe(false)
    expect(isExpired({ key: 'a', value: '1', attrs: { 'max-age': 0 } }, NOW)).toBe(true)
    expect(isExpired(cookie('a', '1', { 'max-age': '-1' }), NOW)).toBe(true)
  })

  it('lets Max-Age win over Expires', () => {
    expect(isExpired(cookie('a', '1', { 'max-age': 60, expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }), NOW)).toBe(false)
    expect(isExpired(cookie('a', '1', { 'max-age': 0, expires: 'Fri, 01 Jan 2100 00:00:00 GMT' }), NOW)).toBe(true)
  })

  it('uses Expires when there is no Max-Age, and ignores an unparsable one', () => {
    expect(isExpired(cookie('a', '1', { expires: 'Wed, 15 Jan 2025 11:59:59 GMT' }), NOW)).toBe(true)
    expect(isExpired(cookie('a', '1', { expires: 'Wed, 15 Jan 2025 12:00:01 GMT' }), NOW)).toBe(false)
    expect(isExpired(cookie('a', '1', { expires: 'not a date' }), NOW)).toBe(false)
    expect(isExpired(cookie('a', '1', { 'max-age': 'soon', expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }), NOW)).toBe(true)
  })

  it('caps a lifetime at 400 days from set_at, as Chromium does', () => {
    const c = cookie('a', '1', { 'max-age': 1000 * 86400 })
    expect(isExpired(c, NOW + 399 * DAY)).toBe(false)
    expect(isExpired(c, NOW + 400 * DAY)).toBe(true)
  })
})

describe('storeResponseCookies: accepting', () => {
  it('stores the parsed attributes with set_at and no refused', () => {
    const line = 'sid=abc; Path=/; Max-Age=3600; Expires=Wed, 15 Jan 2025 13:00:00 GMT; Secure; HttpOnly; SameSite=Lax'
    const { jar, notes } = store([line], [], HTTPS)
    expect(notes).toEqual([])
    expect(jar).toEqual([
      {
        key: 'sid',
        value: 'abc',
        attrs: {
          path: '/',
          expires: 'Wed, 15 Jan 2025 13:00:00 GMT',
          'max-age': 3600,
          secure: true,
          httponly: true,
          samesite: 'Lax',
        },
        set_at: NOW,
      },
    ])
  })

  it('gives a cookie without a valid Path the default-path of the URL', () => {
    expect(store(['a=1'], [], 'http://testserver/accounts/login/?next=/').jar[0]!.attrs.path).toBe('/accounts/login')
    expect(store(['a=1'], [], 'http://testserver/echo').jar[0]!.attrs.path).toBe('/')
    expect(store(['a=1; Path=relative'], [], 'http://testserver/a/b').jar[0]!.attrs.path).toBe('/a')
  })

  it('replaces a cookie of the same name in place and appends new ones', () => {
    const before = [cookie('a', 'old', { path: '/' }, { set_at: NOW - 1000 }), cookie('b', 'kept')]
    const { jar } = store(['c=new', 'a=fresh; Path=/x'], before)
    expect(jar.map((c) => [c.key, c.value])).toEqual([['a', 'fresh'], ['b', 'kept'], ['c', 'new']])
    expect(jar[0]).toEqual({ key: 'a', value: 'fresh', attrs: { path: '/x' }, set_at: NOW })
    expect(before[0]!.value).toBe('old')
  })

  it('lets the later of two lines with one name win', () => {
    expect(store(['a=1', 'a=2; Path=/']).jar).toEqual([cookie('a', '2', { path: '/' })])
  })

  it('accepts Domain equal to the host, with or without a dot, and a parent domain with a registrable part', () => {
    expect(store(['a=1; Domain=testserver']).notes).toEqual([])
    expect(store(['a=1; Domain=.TestServer']).jar[0]!.attrs.domain).toBe('.TestServer')
    expect(store(['a=1; Domain=example.com'], [], 'http://www.example.com/').notes).toEqual([])
    expect(store(['a=1; Domain=[::1]'], [], 'http://[::1]/').notes).toEqual([])
  })

  it('keeps a nameless cookie under the empty name', () => {
    const { jar } = store(['justvalue; Path=/'])
    expect(jar).toEqual([cookie('', 'justvalue')])
    expect(browserCookieHeader(jar, HTTP, NOW)).toBe('justvalue')
  })
})

describe('storeResponseCookies: deleting', () => {
  const before = [cookie('a', '1'), cookie('sid', 'abc'), cookie('z', '2')]

  it('deletes by Max-Age=0 and adds nothing', () => {
    expect(store(['sid=; Max-Age=0; Path=/'], before)).toEqual({ jar: [before[0], before[2]], notes: [] })
  })

  it('deletes by an Expires in 1970', () => {
    const { jar } = store(['sid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/'], before)
    expect(jar.map((c) => c.key)).toEqual(['a', 'z'])
  })

  it('leaves the jar alone when there is nothing to delete', () => {
    expect(store(['gone=; Max-Age=0'], before)).toEqual({ jar: before, notes: [] })
  })

  it("takes an attribute's last occurrence, then checks it: a last Max-Age that is no number leaves a session cookie", () => {
    expect(store(['a=1; Max-Age=0; Max-Age=soon']).jar.map((c) => c.key)).toEqual(['a'])
    expect(store(['a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=someday']).jar.map((c) => c.key)).toEqual(['a'])
  })

  it('keeps a cookie whose Max-Age outlives a past Expires', () => {
    expect(store(['a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT']).jar).toHaveLength(1)
  })

  it('does not delete through a line that is itself refused', () => {
    const https = [cookie('__Host-id', '1', { path: '/', secure: true })]
    const { jar, notes } = store(['__Host-id=; Max-Age=0; Path=/'], https, HTTPS)
    expect(jar).toEqual(https)
    expect(notes).toEqual([{ key: '__Host-id', note: 'Refused: __Host- cookies must be set with Secure' }])
  })
})

describe('storeResponseCookies: refusing', () => {
  it('refuses Secure from http:// and accepts it from https://', () => {
    expect(refusedNote('a=1; Secure')).toBe('Refused: Secure cookies cannot be set from an http:// page')
    expect(store(['a=1; Secure'], [], HTTPS).notes).toEqual([])
  })

  it('refuses a Domain the request host does not match, naming both', () => {
    expect(refusedNote('a=1; Domain=example.com')).toBe(
      'Refused: Domain=example.com does not match the request host testserver',
    )
    expect(refusedNote('a=1; Domain=sub.testserver')).toBe(
      'Refused: Domain=sub.testserver does not match the request host testserver',
    )
    expect(refusedNote('a=1; Domain=other.com', 'http://www.example.com/')).toBe(
      'Refused: Domain=other.com does not match the request host www.example.com',
    )
    expect(refusedNote('a=1; Domain=com', 'http://example.com/')).toBe(
      'Refused: Domain=com is a public suffix, which example.com cannot use',
    )
  })

  it('refuses a name and value over 4096 bytes together', () => {
    expect(store([`a=${'x'.repeat(4095)}`]).notes).toEqual([])
    expect(refusedNote(`a=${'x'.repeat(4096)}`)).toBe(
      'Refused: the name and value are 4097 bytes together, over the 4096-byte limit',
    )
    // Bytes, not characters: é is two in UTF-8.
    expect(refusedNote(`a=${'é'.repeat(2048)}`)).toContain('4097 bytes')
  })

  it('refuses SameSite=None without Secure', () => {
    expect(refusedNote('a=1; SameSite=None', HTTPS)).toBe('Refused: SameSite=None cookies must also be Secure')
    expect(store(['a=1; SameSite=None; Secure'], [], HTTPS).notes).toEqual([])
    expect(store(['a=1; SameSite=Lax']).notes).toEqual([])
  })

  it('refuses Partitioned without Secure', () => {
    expect(refusedNote('a=1; Partitioned', HTTPS)).toBe('Refused: Partitioned cookies must also be Secure')
  })

  it('enforces the __Secure- prefix, case-insensitively', () => {
    expect(refusedNote('__Secure-a=1', HTTPS)).toBe('Refused: __Secure- cookies must be set with Secure')
    expect(refusedNote('__SECURE-a=1', HTTPS)).toBe('Refused: __Secure- cookies must be set with Secure')
    expect(refusedNote('__Secure-a=1; Secure')).toBe('Refused: Secure cookies cannot be set from an http:// page')
    expect(store(['__Secure-a=1; Secure'], [], HTTPS).notes).toEqual([])
  })

  it('enforces the __Host- prefix: Secure, no Domain, Path=/', () => {
    expect(refusedNote('__Host-a=1; Path=/', HTTPS)).toBe('Refused: __Host- cookies must be set with Secure')
    expect(refusedNote('__Host-a=1; Secure; Path=/; Domain=testserver', HTTPS)).toBe(
      'Refused: __Host- cookies must not have a Domain attribute',
    )
    expect(refusedNote('__Host-a=1; Secure; Path=/x', HTTPS)).toBe('Refused: __Host- cookies must be set with Path=/')
    expect(refusedNote('__Host-a=1; Secure', HTTPS)).toBe('Refused: __Host- cookies must be set with Path=/')
    expect(store(['__Host-a=1; Secure; Path=/'], [], HTTPS).notes).toEqual([])
  })

  it('refuses a nameless cookie whose value hides a prefix', () => {
    expect(refusedNote('__Host-a; Secure; Path=/', HTTPS)).toBe(
      'Refused: a cookie without a name cannot have a value that starts with __Secure- or __Host-',
    )
  })

  it('refuses unparsable lines, listing them only when they have a name', () => {
    for (const line of ['', '=', ';', ' ; Path=/']) {
      expect(store([line])).toEqual({
        jar: [],
        notes: [{ key: '', note: 'Refused: the header has neither a cookie name nor a value' }],
      })
    }
    const { jar, notes } = store(['a=b\u0000c; Path=/', 'b=1\r\nSet-Cookie: c=2'])
    expect(notes.map((n) => n.key)).toEqual(['a', 'b'])
    expect(notes[0]!.note).toBe('Refused: the header contains a control character, so the browser ignores it')
    expect(jar.map((c) => [c.key, c.refused])).toEqual([
      ['a', notes[0]!.note],
      ['b', notes[1]!.note],
    ])
  })

  it('lists a refused cookie when its name is new, never over an accepted one', () => {
    const refused = store(['a=1; Secure'])
    expect(refused.jar).toEqual([
      { key: 'a', value: '1', attrs: { path: '/echo', secure: true }, set_at: NOW, refused: refused.notes[0]!.note },
    ])
    const kept = [cookie('a', 'good')]
    expect(store(['a=bad; Secure'], kept)).toEqual({ jar: kept, notes: refused.notes })
  })

  it('lets a later refusal update an earlier one, and an accepted cookie clear it in place', () => {
    const first = store(['a=1; Secure', 'b=2']).jar
    const second = store(['a=3; SameSite=None'], first, HTTP, NOW + 1).jar
    const refused = 'Refused: SameSite=None cookies must also be Secure'
    expect(second[0]).toMatchObject({ key: 'a', value: '3', refused })
    const accepted = store(['a=4'], second, HTTP, NOW + 2).jar
    expect(accepted.map((c) => c.key)).toEqual(['a', 'b'])
    expect(accepted[0]).toEqual({ key: 'a', value: '4', attrs: { path: '/echo' }, set_at: NOW + 2 })
  })

  it('lets a refused cookie take the place of an expired one', () => {
    const expired = [cookie('a', 'old', { path: '/', 'max-age': 1 })]
    const { jar } = store(['a=new; Secure'], expired, HTTP, NOW + 5000)
    expect(jar[0]).toMatchObject({ value: 'new', refused: expect.any(String) })
  })

  it('keeps an http:// response from overwriting a Secure cookie', () => {
    const jar = store(['tok=s; Secure; Path=/'], [], HTTPS).jar
    const { jar: after, notes } = store(['tok=plain; Path=/'], jar)
    expect(after).toEqual(jar)
    expect(notes).toEqual([{ key: 'tok', note: 'Refused: an http:// page cannot overwrite the Secure cookie tok' }])
    expect(store(['tok=plain; Path=/'], jar, HTTPS).jar[0]!.value).toBe('plain')
  })
})

describe('browserCookieHeader', () => {
  it('sends a cookie only under its path (RFC 6265 path-match)', () => {
    const jar = [cookie('a', '1', { path: '/a' })]
    const header = (path: string) => browserCookieHeader(jar, `${SITE_ORIGIN}${path}`, NOW)
    expect(['/a', '/a/', '/a/b?x=1'].map(header)).toEqual(['a=1', 'a=1', 'a=1'])
    expect(['/ab', '/', '/b/a'].map(header)).toEqual(['', '', ''])
    expect(browserCookieHeader([cookie('a', '1', { path: '/a/' })], `${SITE_ORIGIN}/a`, NOW)).toBe('')
  })

  it('sends a host-only cookie to the site host only, and a Domain cookie to subdomains too', () => {
    const hostOnly = [cookie('a', '1')]
    expect(browserCookieHeader(hostOnly, 'http://testserver/', NOW)).toBe('a=1')
    expect(browserCookieHeader(hostOnly, 'http://sub.testserver/', NOW)).toBe('')
    for (const domain of ['example.com', '.example.com']) {
      const jar = [cookie('d', '1', { path: '/', domain })]
      expect(browserCookieHeader(jar, 'http://example.com/', NOW)).toBe('d=1')
      expect(browserCookieHeader(jar, 'http://a.b.example.com/', NOW)).toBe('d=1')
      expect(browserCookieHeader(jar, 'http://notexample.com/', NOW)).toBe('')
    }
    // Chromium keeps Domain=testserver (no registrable part) as host-only.
    const intranet = [cookie('t', '1', { path: '/', domain: 'testserver' })]
    expect(browserCookieHeader(intranet, 'http://testserver/', NOW)).toBe('t=1')
    expect(browserCookieHeader(intranet, 'http://sub.testserver/', NOW)).toBe('')
  })

  it('sends Secure cookies over https:// only', () => {
    const jar = [cookie('s', '1', { path: '/', secure: true }), cookie('p', '2')]
    expect(browserCookieHeader(jar, HTTPS, NOW)).toBe('s=1; p=2')
    expect(browserCookieHeader(jar, HTTP, NOW)).toBe('p=2')
  })

  it('skips refused cookies and cookies whose Max-Age ran out', () => {
    const jar = [
      cookie('r', '1', { path: '/' }, { refused: 'Refused: no' }),
      cookie('m', '2', { path: '/', 'max-age': 60 }),
    ]
    expect(browserCookieHeader(jar, HTTP, NOW + 59_000)).toBe('m=2')
    expect(browserCookieHeader(jar, HTTP, NOW + 61_000)).toBe('')
  })

  it('orders longer paths first, then earlier set_at, then jar order', () => {
    const jar = [
      cookie('late', '1', { path: '/' }, { set_at: NOW + 10 }),
      cookie('early', '2', { path: '/' }, { set_at: NOW }),
      cookie('deep', '3', { path: '/echo' }, { set_at: NOW + 20 }),
      cookie('tie', '4', { path: '/' }, { set_at: NOW + 10 }),
    ]
    expect(browserCookieHeader(jar, HTTP, NOW + 100)).toBe('deep=3; early=2; late=1; tie=4')
  })

  it('is empty for an empty jar and treats a missing path as /', () => {
    expect(browserCookieHeader([], HTTP, NOW)).toBe('')
    expect(browserCookieHeader([{ key: 'a', value: '1', attrs: {} }], HTTP, NOW)).toBe('a=1')
  })
})

describe('scripts', () => {
  const jar = [cookie('sid', 'secret', { path: '/', httponly: true }), cookie('theme', 'dark')]

  it('hides HttpOnly cookies from document.cookie', () => {
    expect(browserCookieHeader(jar, HTTP, NOW)).toBe('sid=secret; theme=dark')
    expect(scriptCookies(jar, HTTP, NOW)).toBe('theme=dark')
  })

  it('stores a script write like a response cookie, with the page default path', () => {
    const { jar: next, notes } = storeScriptCookie(jar, 'lang=fr; max-age=60', 'http://testserver/a/b', NOW)
    expect(notes).toEqual([])
    expect(next[2]).toEqual({ key: 'lang', value: 'fr', attrs: { path: '/a', 'max-age': 60 }, set_at: NOW })
  })

  it('refuses HttpOnly in the text', () => {
    const { jar: next, notes } = storeScriptCookie([], 'x=1; HttpOnly', HTTP, NOW)
    expect(notes).toEqual([{ key: 'x', note: 'Refused: document.cookie cannot set an HttpOnly cookie' }])
    expect(next[0]!.refused).toBe(notes[0]!.note)
    expect(scriptCookies(next, HTTP, NOW)).toBe('')
  })

  it('cannot overwrite or delete an HttpOnly cookie, but can delete its own', () => {
    const note = { key: 'sid', note: 'Refused: a script cannot overwrite the HttpOnly cookie sid' }
    expect(storeScriptCookie(jar, 'sid=forged; path=/', HTTP, NOW)).toEqual({ jar, notes: [note] })
    expect(storeScriptCookie(jar, 'sid=; max-age=0', HTTP, NOW)).toEqual({ jar, notes: [note] })
    expect(storeScriptCookie(jar, 'theme=; max-age=0; path=/', HTTP, NOW).jar).toEqual([jar[0]])
  })

  it('refuses Secure from a script on http://', () => {
    expect(storeScriptCookie([], 's=1; secure', HTTP, NOW).notes[0]!.note).toBe(
      'Refused: Secure cookies cannot be set from an http:// page',
    )
  })
})

describe('mergeClientJar', () => {
  const before = [
    cookie('old', '1', { path: '/' }, { set_at: NOW - 5000 }),
    cookie('flag', '2', { path: '/', secure: true }, { set_at: NOW - 4000, refused: 'Refused: earlier' }),
    cookie('redo', '3', { path: '/', secure: true }, { set_at: NOW - 3000, refused: 'Refused: earlier' }),
  ]

  it("keeps Django's entries and order, and set_at/refused of the cookies this response did not set", () => {
    // Django's jar, as cookie_to_jar gives it: no set_at, no refused.
    const after: JarCookie[] = [
      { key: 'new', value: 'n', attrs: { path: '/' } },
      { key: 'flag', value: '2', attrs: { path: '/', secure: true } },
      { key: 'old', value: '1', attrs: { path: '/' } },
      { key: 'redo', value: '4', attrs: { path: '/' } },
    ]
    const { jar, notes } = mergeClientJar(before, after, ['new=n; Path=/', 'redo=4; Path=/'], HTTP, NOW)
    expect(notes).toEqual([])
    expect(jar).toEqual([
      { key: 'new', value: 'n', attrs: { path: '/' }, set_at: NOW },
      { key: 'flag', value: '2', attrs: { path: '/', secure: true }, set_at: NOW - 4000, refused: 'Refused: earlier' },
      { key: 'old', value: '1', attrs: { path: '/' }, set_at: NOW - 5000 },
      { key: 'redo', value: '4', attrs: { path: '/' }, set_at: NOW },
    ])
  })

  it('marks what a browser would refuse, with a note, and not on https://', () => {
    const after: JarCookie[] = [{ key: 's', value: '1', attrs: { path: '/', secure: true } }]
    const http = mergeClientJar([], after, ['s=1; Path=/; Secure'], HTTP, NOW)
    const note = 'Refused: Secure cookies cannot be set from an http:// page'
    expect(http).toEqual({ jar: [{ ...after[0], set_at: NOW, refused: note }], notes: [{ key: 's', note }] })
    expect(mergeClientJar([], after, ['s=1; Path=/; Secure'], HTTPS, NOW).jar).toEqual([{ ...after[0], set_at: NOW }])
  })

  it('deletes nothing Django kept: an expired cookie stays listed, and is not sent', () => {
    const attrs = { path: '/', 'max-age': 0, expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }
    const after: JarCookie[] = [{ key: 'old', value: '', attrs }]
    const line = 'old=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'
    const { jar, notes } = mergeClientJar(before, after, [line], HTTP, NOW)
    expect(notes).toEqual([])
    expect(jar).toEqual([{ ...after[0], set_at: NOW }])
    expect(browserCookieHeader(jar, HTTP, NOW)).toBe('')
  })
})

describe('properties', () => {
  const names = fc.oneof(
    fc.constantFrom('a', 'sid', '__Secure-x', '__Host-y', '__host-z', ''),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  const values = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constant('x'.repeat(4100)),
  )
  const attrs = fc.array(
    fc.oneof(
      fc.constantFrom(
        'Secure',
        'HttpOnly',
        'Partitioned',
        'Path=/',
        'Path=/echo',
        'Path=',
        'Domain=testserver',
        'Domain=.example.com',
        'Domain=',
        'Domain=.',
        'Domain=ex ample',
        'Domain=bücher.de',
        'Max-Age=0',
        'Max-Age=60',
        'Max-Age=-5',
        'Max-Age=x',
        'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
        'Expires=Fri, 01 Jan 2100 00:00:00 GMT',
        'Expires=garbage',
        'SameSite=None',
        'SameSite=Strict',
      ),
      fc.string({ maxLength: 16 }),
      fc.string({ unit: 'binary', maxLength: 16 }),
    ),
    { maxLength: 6 },
  )
  const lines = fc
    .tuple(names, fc.boolean(), values, attrs)
    .map(([name, eq, value, avs]) => [eq ? `${name}=${value}` : value, ...avs].join('; '))
  const urls = fc.constantFrom(
    HTTP,
    HTTPS,
    'http://sub.testserver/a/b',
    'https://www.example.com/x/',
    'http://[::1]/',
    'http://127.0.0.1/',
  )

  it('storeResponseCookies never throws and lists every refusal with a reason', () => {
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 8 }), fc.array(lines, { maxLength: 8 }), urls, (first, second, url) => {
        const once = storeResponseCookies([], first, url, NOW)
        const { jar, notes } = storeResponseCookies(once.jar, second, url, NOW + 1000)
        for (const entry of jar) expect(entry.refused === undefined || entry.refused.length > 0).toBe(true)
        for (const note of notes) expect(note.note).toMatch(/^Refused: ./)
        expect(new Set(jar.map((c) => c.key)).size).toBe(jar.length)
        browserCookieHeader(jar, url, NOW)
        scriptCookies(jar, url, NOW)
        storeScriptCookie(jar, second[0] ?? '', url, NOW)
        mergeClientJar(once.jar, jar, second, url, NOW)
      }),
      { seed: 20250115, numRuns: 400 },
    )
  })
})
