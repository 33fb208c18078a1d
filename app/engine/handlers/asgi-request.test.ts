import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { BytesIO } from '../core/bytes-io.ts'
import { MultiValueDict } from '../core/datastructures.ts'
import { UnicodeDecodeError } from '../core/encoding.ts'
import { AttributeError } from '../core/exceptions.ts'
import { ASGIRequest, get_script_prefix, type AsgiScope } from './asgi-request.ts'

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const utf8 = (text: string) => new TextEncoder().encode(text)
const header = (name: string, value: string): [Uint8Array, Uint8Array] => [bytes(name), bytes(value)]

/** AsyncRequestFactory's `_base_scope()` (Django 5.2, django/test/client.py). */
function scope(extra: Partial<AsgiScope> = {}): AsgiScope {
  return {
    asgi: { version: '3.0' },
    type: 'http',
    http_version: '1.1',
    client: ['127.0.0.1', 0],
    server: ['testserver', '80'],
    scheme: 'http',
    method: 'GET',
    headers: [],
    path: '/',
    ...extra,
  }
}

const settings = make_settings({ ALLOWED_HOSTS: ['testserver', 'example.com'] })
const request = (extra: Partial<AsgiScope> = {}, body = new Uint8Array(0)) =>
  with_settings(settings, () => new ASGIRequest(scope(extra), new BytesIO(body)))

describe('ASGIRequest META', () => {
  it('holds the CGI keys, the client and the server', () => {
    const r = request({ method: 'get', path: '/somepath/', query_string: bytes('a=1') })
    expect({ ...r.META }).toEqual({
      REQUEST_METHOD: 'GET',
      QUERY_STRING: 'a=1',
      SCRIPT_NAME: '',
      PATH_INFO: '/somepath/',
      'wsgi.multithread': true,
      'wsgi.multiprocess': true,
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_HOST: '127.0.0.1',
      REMOTE_PORT: 0,
      SERVER_NAME: 'testserver',
      SERVER_PORT: '80',
    })
    expect(r.method).toBe('GET')
    expect(r.path).toBe('/somepath/')
    expect(r.path_info).toBe('/somepath/')
    expect(String(r)).toBe("<ASGIRequest: GET '/somepath/?a=1'>")
  })

  it('leaves out the client when there is none and names an unknown server', () => {
    const r = request({ client: null, server: null })
    expect('REMOTE_ADDR' in r.META).toBe(false)
    expect(r.META.SERVER_NAME).toBe('unknown')
    expect(r.META.SERVER_PORT).toBe('0')
    // An empty tuple is false in Python too.
    expect('REMOTE_ADDR' in request({ client: [] as unknown as [string, number] }).META).toBe(false)
  })

  it('turns the server port into a str (None for a unix socket)', () => {
    expect(request({ server: ['h', 8000] }).META.SERVER_PORT).toBe('8000')
    expect(request({ server: ['/tmp/sock', null] }).META.SERVER_PORT).toBe('None')
  })

  it('defaults QUERY_STRING to "" and takes a str query string as is', () => {
    expect(request({ query_string: undefined }).META.QUERY_STRING).toBe('')
    expect(request({ query_string: 'name=Andrew' }).GET.get('name')).toBe('Andrew')
    expect(request({ query_string: bytes('name=Andrew') }).GET.get('name')).toBe('Andrew')
  })

  it('raises UnicodeDecodeError for a query string that is not UTF-8', () => {
    expect(() => request({ query_string: Uint8Array.of(0xff) })).toThrow(UnicodeDecodeError)
    expect(request({ query_string: utf8('q=café') }).GET.get('q')).toBe('café')
  })

  it('maps headers to META, joining repeated ones with a bare comma', () => {
    const r = request({
      headers: [
        header('content-type', 'text/plain; charset=utf-8'),
        header('content-length', '77'),
        header('referer', 'Scotland'),
        header('referer', 'Wales'),
        header('cookie', 'a=1'),
        header('cookie', 'b=2'),
        header('x-custom-header', 'v'),
      ],
    })
    expect(r.META.CONTENT_TYPE).toBe('text/plain; charset=utf-8')
    expect(r.META.CONTENT_LENGTH).toBe('77')
    expect(r.META.HTTP_REFERER).toBe('Scotland,Wales')
    expect(r.META.HTTP_COOKIE).toBe('a=1,b=2')
    expect(r.META.HTTP_X_CUSTOM_HEADER).toBe('v')
    expect(r.headers.get('Referer')).toBe('Scotland,Wales')
    expect(r.content_type).toBe('text/plain')
    expect(r.content_params).toEqual({ charset: 'utf-8' })
    expect(r.encoding).toBe('utf-8')
  })

  it('ignores header names with an underscore (Django 5.2.13, CVE-2026-3902)', () => {
    const r = request({ headers: [header('x_forwarded_for', 'evil'), header('x-forwarded-for', 'good')] })
    expect(r.META.HTTP_X_FORWARDED_FOR).toBe('good')
    expect(request({ headers: [header('x_only', '1')] }).META.HTTP_X_ONLY).toBeUndefined()
  })

  it('decodes header bytes as latin-1', () => {
    const r = request({ headers: [[bytes('x-name'), utf8('é')]] })
    expect(r.META.HTTP_X_NAME).toBe('\xc3\xa9')
  })

  it('ignores an unknown charset', () => {
    const r = request({ headers: [header('content-type', 'text/plain; charset=nope')] })
    expect(r.encoding).toBeNull()
  })
})

describe('ASGIRequest script name', () => {
  it('strips root_path from the path for path_info', () => {
    const r = request({ path: '/root/somepath/', root_path: '/root' })
    expect(r.path).toBe('/root/somepath/')
    expect(r.script_name).toBe('/root')
    expect(r.path_info).toBe('/somepath/')
    expect(r.META.SCRIPT_NAME).toBe('/root')
    expect(r.META.PATH_INFO).toBe('/somepath/')
  })

  it('keeps the path when it does not start with the prefix, and strips without a slash check', () => {
    expect(request({ path: '/other/', root_path: '/root' }).path_info).toBe('/other/')
    expect(request({ path: '/rootless/', root_path: '/root' }).path_info).toBe('less/')
  })

  it('prefers a non-empty FORCE_SCRIPT_NAME', () => {
    const forced = make_settings({ FORCE_SCRIPT_NAME: '/FORCED_PREFIX' })
    expect(get_script_prefix(scope({ root_path: '/root' }), forced)).toBe('/FORCED_PREFIX')
    expect(get_script_prefix(scope({ root_path: '/root' }), make_settings({ FORCE_SCRIPT_NAME: '' }))).toBe('/root')
    expect(get_script_prefix(scope(), make_settings())).toBe('')
    const r = with_settings(forced, () => new ASGIRequest(scope({ path: '/FORCED_PREFIX/x/', root_path: '/r' }), new BytesIO()))
    expect(r.script_name).toBe('/FORCED_PREFIX')
    expect(r.path_info).toBe('/x/')
  })
})

describe('ASGIRequest data', () => {
  it('decodes GET with DEFAULT_CHARSET, whatever the request encoding', () => {
    const r = request({ query_string: 'a=%E9', headers: [header('content-type', 'text/plain; charset=latin-1')] })
    expect(r.encoding).toBe('latin-1')
    expect(r.GET.get('a')).toBe('\ufffd')
    expect(r.GET).toBe(r.GET)
  })

  it('parses COOKIES from the cookie header', () => {
    expect(request({ headers: [header('cookie', 'a=1; b="x y"')] }).COOKIES).toEqual({ a: '1', b: 'x y' })
    expect(request().COOKIES).toEqual({})
  })

  it('reads POST and body from the body file', () => {
    const body = utf8('name=value&x=%C3%A9')
    const r = request(
      {
        method: 'POST',
        headers: [header('content-type', 'application/x-www-form-urlencoded'), header('content-length', String(body.length))],
      },
      body,
    )
    expect(r.POST.get('name')).toBe('value')
    expect(r.POST.get('x')).toBe('é')
    expect(r.body).toEqual(body)
    expect(r.read()).toEqual(body)
    expect(r.FILES).toBeInstanceOf(MultiValueDict)
  })

  it('lets POST be assigned but not FILES', () => {
    const r = request()
    const replacement = r.GET.copy()
    r.POST = replacement
    expect(r.POST).toBe(replacement)
    expect(() => {
      r.FILES = new MultiValueDict()
    }).toThrow(AttributeError)
  })

  it('takes the scheme from the scope', () => {
    expect(request({ scheme: 'https' }).is_secure()).toBe(true)
    expect(request({ scheme: undefined }).scheme).toBe('http')
  })

  it('builds the host from the Host header, else the server', () => {
    expect(request({ headers: [header('host', 'example.com')] }).get_host()).toBe('example.com')
    expect(request().get_host()).toBe('testserver')
    expect(request({ server: ['testserver', 8000] }).get_host()).toBe('testserver:8000')
  })

  it('closes the body stream with the request', () => {
    const file = new BytesIO(utf8('x'))
    const r = with_settings(settings, () => new ASGIRequest(scope(), file))
    r.close()
    expect(file.closed).toBe(true)
  })

  it('declares body_receive_timeout = 60', () => {
    expect(ASGIRequest.body_receive_timeout).toBe(60)
    expect(request().body_receive_timeout).toBe(60)
  })
})
