import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { make_settings } from '../conf/settings.ts'
import { BytesIO } from '../core/bytes-io.ts'
import { MultiValueDict } from '../core/datastructures.ts'
import { latin1_encode, utf8_decode } from '../core/encoding.ts'
import { AttributeError } from '../core/exceptions.ts'
import { repercent_broken_unicode } from '../core/wsgi-encoding.ts'
import { get_path_info, get_script_name, get_str_from_wsgi, WSGIRequest } from './wsgi.ts'

const native = (text: string) => String.fromCharCode(...new TextEncoder().encode(text))
const environ = (extra: Record<string, unknown> = {}) => ({ REQUEST_METHOD: 'get', 'wsgi.input': new BytesIO(), ...extra })

describe('WSGI environ helpers', () => {
  it('decodes PATH_INFO from its native string, defaulting to /', () => {
    expect(get_path_info({})).toBe('/')
    expect(get_path_info({ PATH_INFO: native('/é/') })).toBe('/é/')
    expect(get_path_info({ PATH_INFO: '/\xed' })).toBe('/%ED')
  })

  it('prefers FORCE_SCRIPT_NAME, then SCRIPT_URL/REDIRECT_URL minus PATH_INFO, then SCRIPT_NAME', () => {
    expect(get_script_name({ SCRIPT_NAME: '/s' }, make_settings({ FORCE_SCRIPT_NAME: '/f' }))).toBe('/f')
    expect(get_script_name({ REDIRECT_URL: '/app/x/y', PATH_INFO: '/x/y', SCRIPT_NAME: '/s' })).toBe('/app')
    expect(get_script_name({ SCRIPT_URL: '/app/x', PATH_INFO: '/other' })).toBe('/app/x')
    expect(get_script_name({ SCRIPT_NAME: native('/ü') })).toBe('/ü')
    expect(get_script_name({})).toBe('')
  })

  it('decodes environ strings as UTF-8 with replacement', () => {
    expect(get_str_from_wsgi({ HTTP_COOKIE: native('a=é') + '\xff' }, 'HTTP_COOKIE', '')).toBe('a=é\ufffd')
    expect(get_str_from_wsgi({}, 'HTTP_COOKIE', 'x')).toBe('x')
  })
})

describe('WSGIRequest', () => {
  it('parses COOKIES from HTTP_COOKIE (UTF-8 behind the latin-1 native string)', () => {
    const request = new WSGIRequest(environ({ HTTP_COOKIE: native('a=1; name=André') }))
    expect(request.COOKIES).toEqual({ a: '1', name: 'André' })
    expect(request.COOKIES).toBe(request.COOKIES)
  })

  it('takes the scheme from wsgi.url_scheme', () => {
    expect(new WSGIRequest(environ({ 'wsgi.url_scheme': 'https' })).is_secure()).toBe(true)
    expect(new WSGIRequest(environ()).scheme).toBeNull()
  })

  it('treats a missing or invalid CONTENT_LENGTH as 0 and parses a numeric string', () => {
    const body = new TextEncoder().encode('abc')
    expect(new WSGIRequest(environ({ 'wsgi.input': new BytesIO(body), CONTENT_LENGTH: 'x' })).read()).toEqual(new Uint8Array(0))
    expect(new WSGIRequest(environ({ 'wsgi.input': new BytesIO(body), CONTENT_LENGTH: ' 2 ' })).read()).toEqual(body.slice(0, 2))
  })

  it('takes the encoding from a known charset only', () => {
    expect(new WSGIRequest(environ({ CONTENT_TYPE: 'text/plain; charset=latin-1' })).encoding).toBe('latin-1')
    expect(new WSGIRequest(environ({ CONTENT_TYPE: 'text/plain; charset=bogus' })).encoding).toBeNull()
  })

  it('decodes GET with the request encoding and reads limits from its settings', () => {
    const request = new WSGIRequest(environ({ QUERY_STRING: 'a=%E9', CONTENT_TYPE: 'text/plain; charset=latin-1' }))
    expect(request.GET.getitem('a')).toBe('é')
    expect(request.GET._mutable).toBe(false)
  })

  it('has read-only FILES, and parses an empty multipart POST to nothing', () => {
    const request = new WSGIRequest(environ({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'multipart/form-data; boundary=x' }))
    expect(request.POST.length).toBe(0)
    expect(request.FILES.length).toBe(0)
    expect(() => {
      request.FILES = new MultiValueDict()
    }).toThrow(AttributeError)
  })

  it('empties POST when the stream was read before POST was parsed', () => {
    const body = new TextEncoder().encode('a=1')
    const request = new WSGIRequest(
      environ({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: '3', 'wsgi.input': new BytesIO(body) }),
    )
    request.read(1)
    expect(request.POST.length).toBe(0)
    expect(request.POST._mutable).toBe(false)
  })

  it('uses its settings for GET field limits', () => {
    const request = new WSGIRequest(environ({ QUERY_STRING: 'a&b' }), { settings: make_settings({ DATA_UPLOAD_MAX_NUMBER_FIELDS: 1 }) })
    expect(() => request.GET).toThrow('DATA_UPLOAD_MAX_NUMBER_FIELDS')
  })
})

describe('ASCII fast paths', () => {
  // Any native string: the answer must be the bytes round trip's, fast path or not.
  const native = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) })

  it('get_path_info equals decoding the latin-1 bytes, for any native string', () => {
    fc.assert(
      fc.property(native, (path) => {
        const slow = utf8_decode(repercent_broken_unicode(latin1_encode(path)))
        expect(get_path_info({ PATH_INFO: path })).toBe(slow)
      }),
      { numRuns: 2000 },
    )
  })

  it('get_str_from_wsgi equals decoding the latin-1 bytes, for any native string', () => {
    fc.assert(
      fc.property(native, (value) => {
        expect(get_str_from_wsgi({ HTTP_COOKIE: value }, 'HTTP_COOKIE', '')).toBe(utf8_decode(latin1_encode(value), 'replace'))
      }),
      { numRuns: 2000 },
    )
  })
})
