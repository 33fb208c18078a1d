import { describe, expect, it } from 'vitest'
import { frozen_clock, with_clock } from '../core/clock.ts'
import { latin1_encode, utf8_decode, UnicodeEncodeError, UnicodeDecodeError } from '../core/encoding.ts'
import { DisallowedRedirect, ValueError } from '../core/exceptions.ts'
import { catch_warnings } from '../core/warnings.ts'
import { override_settings } from '../conf/context.ts'
import { BytesFile, FileResponse } from './file-response.ts'
import { BadHeaderError, ResponseHeaders, mime_encode_header } from './response-headers.ts'
import { Http404, HttpResponseNotFound, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse } from './response-subclasses.ts'
import { request_finished } from '../core/signals.ts'
import type { SignalKwargs } from '../dispatch/dispatcher.ts'
import { HttpResponse, HttpResponseBase, responses } from './response.ts'
import { StreamingHttpResponse } from './streaming.ts'

const b = (s: string) => latin1_encode(s)

describe('HttpResponseBase', () => {
  it('uses the reason phrases of Python 3.13, which the oracle ran on', () => {
    expect(responses[413]).toBe('Content Too Large')
    expect(responses[414]).toBe('URI Too Long')
    expect(responses[416]).toBe('Range Not Satisfiable')
    expect(responses[418]).toBe("I'm a Teapot")
    expect(responses[422]).toBe('Unprocessable Content')
    expect(new HttpResponse(undefined, { status: 599 }).reason_phrase).toBe('Unknown Status Code')
    const r = new HttpResponse(undefined, { reason: '' })
    expect(r.reason_phrase).toBe('')
  })

  it("converts the status with Python's int()", () => {
    expect(new HttpResponse(undefined, { status: 404.9 }).status_code).toBe(404)
    expect(new HttpResponse(undefined, { status: ' 4_04 ' }).status_code).toBe(404)
    expect(new HttpResponse(undefined, { status: '+201' }).status_code).toBe(201)
    expect(() => new HttpResponse(undefined, { status: '404.0' })).toThrow(TypeError)
    expect(() => new HttpResponse(undefined, { status: '4__04' })).toThrow(TypeError)
    expect(() => new HttpResponse(undefined, { status: true as unknown as number })).toThrow(ValueError)
  })

  it('reads the charset from Content-Type each time', () => {
    const r = new HttpResponseBase({ content_type: 'text/plain; CHARSET="koi8-r"; x=y' })
    expect(r.charset).toBe('koi8-r')
    r.setitem('Content-Type', 'text/plain')
    expect(r.charset).toBe('utf-8')
    override_settings({ DEFAULT_CHARSET: 'latin-1' }, () => {
      expect(new HttpResponse().headers.getitem('Content-Type')).toBe('text/html; charset=latin-1')
    })
  })

  it('serialises the headers and the full message', () => {
    const r = new HttpResponse('é', { headers: { 'X-A': 'café' } })
    expect(String.fromCharCode(...r.serialize())).toBe('X-A: caf\xe9\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\xc3\xa9')
  })

  it('close() runs the resource closers, ignoring their errors, and sends request_finished', () => {
    const calls: unknown[] = []
    const receiver = ({ sender }: SignalKwargs) => calls.push(sender)
    request_finished.connect(receiver)
    try {
      const r = new HttpResponse()
      r._handler_class = 'WSGIHandler'
      r._resource_closers.push(() => calls.push('a'), () => {
        throw new Error('ignored')
      }, () => calls.push('b'))
      r.close()
      expect(calls).toEqual(['a', 'b', 'WSGIHandler'])
      expect(r._resource_closers).toEqual([])
    } finally {
      request_finished.disconnect(receiver)
    }
  })
})

describe('HttpResponse content', () => {
  it('iterates Python-dict content by key and str()s the rest', () => {
    expect(new HttpResponse({ a: 1, b: 2 }).content).toEqual(b('ab'))
    expect(new HttpResponse(new Map([['k', 'v']])).content).toEqual(b('k'))
    expect(new HttpResponse(new Set(['x', 'y'])).content).toEqual(b('xy'))
    expect(new HttpResponse(null).content).toEqual(b('None'))
    expect(new HttpResponse(1.5).content).toEqual(b('1.5'))
    expect(new HttpResponse([true, null]).content).toEqual(b('TrueNone'))
  })

  it('encodes text with the response charset', () => {
    expect(new HttpResponse('é', { charset: 'latin-1' }).content).toEqual(b('\xe9'))
    expect(() => new HttpResponse('†', { charset: 'latin-1' })).toThrow(UnicodeEncodeError)
  })

  it('keeps the cached text until content is set again (writes do not reset it, as in Django)', () => {
    const r = new HttpResponse('a')
    expect(r.text).toBe('a')
    r.write('b')
    expect(r.text).toBe('a')
    const body = r.content
    r.content = body
    expect(r.text).toBe('ab')
  })
})

describe('ResponseHeaders', () => {
  it('MIME-encodes non-latin-1 values as one word, the shorter of B and Q', () => {
    expect(mime_encode_header('†')).toBe('=?utf-8?b?4oCg?=')
    expect(mime_encode_header('café †')).toBe('=?utf-8?b?Y2Fmw6kg4oCg?=')
    expect(mime_encode_header('x'.repeat(100) + '✓')).toBe(`=?utf-8?q?${'x'.repeat(100)}=E2=9C=93?=`)
    expect(mime_encode_header('a b=c?_✓'.repeat(20))).toMatch(/^=\?utf-8\?b\?/)
    expect(mime_encode_header('long plain text with one mark ✓')).toBe('=?utf-8?q?long_plain_text_with_one_mark_=E2=9C=93?=')
  })

  it('raises Python-worded UnicodeErrors for non-ASCII names', () => {
    const h = new ResponseHeaders()
    expect(() => h.setitem('føø', 'x')).toThrow(
      new UnicodeEncodeError("'ascii' codec can't encode characters in position 1-2: ordinal not in range(128), HTTP response headers must be in ascii format"),
    )
    expect(() => h.setitem('a†', 'x')).toThrow("'ascii' codec can't encode character '\\u2020' in position 1")
    expect(() => h.setitem(b('a\xc3'), 'x')).toThrow(
      new UnicodeDecodeError("'ascii' codec can't decode byte 0xc3 in position 1: ordinal not in range(128), HTTP response headers must be in ascii format"),
    )
  })

  it('quotes the offending value in BadHeaderError', () => {
    const h = new ResponseHeaders()
    expect(() => h.setitem('X', 'a\nb')).toThrow(new BadHeaderError("Header values can't contain newlines (got 'a\\nb')"))
    expect(() => h.setitem(b('\xe2\nx'), 'v')).toThrow(new BadHeaderError("Header values can't contain newlines (got b'\\xe2\\nx')"))
  })

  it('validates pair-form input and str()s values', () => {
    expect(() => new ResponseHeaders([['a', 'b', 'c']])).toThrow(new ValueError('dictionary update sequence element #0 has length 3; 2 is required.'))
    expect(() => new ResponseHeaders([[b('a'), 'b']])).toThrow(new ValueError("Element key b'a' invalid, only strings are allowed"))
    const h = new ResponseHeaders({ 'Content-Length': 12, 'X-None': null, 'X-Bool': false })
    expect(h.items()).toEqual([
      ['Content-Length', '12'],
      ['X-None', 'None'],
      ['X-Bool', 'False'],
    ])
  })

  it('keeps the spelling of the latest set and compares case-insensitively', () => {
    const h = new ResponseHeaders({ 'x-a': '1' })
    h.setitem('X-A', '2')
    expect([...h]).toEqual(['X-A'])
    expect(h.equals({ 'x-A': '2' })).toBe(true)
    expect(h.pop('X-a')).toEqual(['X-A', '2'])
    expect(h.pop('X-a', 'gone')).toBe('gone')
    expect(String(new ResponseHeaders({ A: "it's" }))).toBe('{\'A\': "it\'s"}')
  })
})

describe('cookies on responses', () => {
  it('reuses the morsel, so max-age from delete_cookie survives a later set_cookie (QUIRK)', () => {
    const r = new HttpResponse()
    with_clock(frozen_clock(1700000000), () => {
      r.delete_cookie('c')
      r.set_cookie('c', 'v')
    })
    expect(r.cookies.getitem('c').OutputString()).toBe('c=v; Max-Age=0; Path=/')
  })

  it('serialises the session-deletion example of the spec', () => {
    const r = new HttpResponse()
    r.delete_cookie('sessionid', { path: '/example/', domain: '.example.local', samesite: 'Lax' })
    expect(r.cookies.getitem('sessionid').OutputString()).toBe(
      'sessionid=""; Domain=.example.local; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax',
    )
  })

  it('floors a past datetime to max-age 0 and keeps string expires verbatim', () => {
    const r = new HttpResponse()
    with_clock(frozen_clock(1700000000), () => {
      r.set_cookie('old', 'x', { expires: new Date(0) })
      r.set_cookie('s', 'x', { expires: 'soon', max_age: 5 })
    })
    expect(r.cookies.getitem('old').OutputString()).toBe('old=x; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0; Path=/')
    expect(r.cookies.getitem('s').OutputString()).toBe('s=x; expires=soon; Max-Age=5; Path=/')
  })

  it('signs cookies with the v2 salt', () => {
    const r = new HttpResponse()
    override_settings({ SECRET_KEY: 'secret' }, () =>
      with_clock(frozen_clock(1700000000), () => r.set_signed_cookie('c', 'hello', { salt: 's', httponly: true })),
    )
    const morsel = r.cookies.getitem('c')
    expect(morsel.value).toMatch(/^hello:1r31eq:[\w-]{43}$/)
    expect(morsel.getitem('httponly')).toBe(true)
  })
})

describe('subclasses', () => {
  it('allows relative, query-only and scheme-relative redirects and encodes IRIs', () => {
    expect(new HttpResponseRedirect('?a=1').url).toBe('?a=1')
    expect(new HttpResponseRedirect('//other.example/x').url).toBe('//other.example/x')
    expect(new HttpResponsePermanentRedirect('/café/?q=é').url).toBe('/caf%C3%A9/?q=%C3%A9')
    expect(() => new HttpResponseRedirect('javascript:alert(1)')).toThrow(
      new DisallowedRedirect("Unsafe redirect to URL with protocol 'javascript'"),
    )
  })

  it('refuses redirects longer than 16384 characters', () => {
    expect(new HttpResponseRedirect('/' + 'x'.repeat(16383)).status_code).toBe(302)
    expect(() => new HttpResponseRedirect('/' + 'x'.repeat(16384))).toThrow(new DisallowedRedirect('Unsafe redirect exceeding 16384 characters'))
  })

  it('has 404 as a response and Http404 as an exception', () => {
    expect(new HttpResponseNotFound().status_code).toBe(404)
    const e = new Http404('nope')
    expect(e.name).toBe('Http404')
    expect(e.message).toBe('nope')
  })

  it('dumps JSON like Python with application/json', () => {
    const r = new JsonResponse({ when: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)), ms: new Date(Date.UTC(2023, 0, 1, 0, 0, 0, 120)), n: 1.0 })
    expect(r.headers.getitem('Content-Type')).toBe('application/json')
    expect(utf8_decode(r.content)).toBe('{"when": "2023-11-14T22:13:20Z", "ms": "2023-01-01T00:00:00.120Z", "n": 1}')
    expect(new JsonResponse({ b: 1, a: [] }, { json_dumps_params: { sort_keys: true, separators: [',', ':'] } }).text).toBe('{"a":[],"b":1}')
    expect(() => new JsonResponse({ f: () => 1 })).toThrow(new TypeError('Object of type function is not JSON serializable'))
    expect(new JsonResponse({}, { content_type: null }).headers.getitem('Content-Type')).toBe('text/html; charset=utf-8')
  })
})

describe('StreamingHttpResponse', () => {
  it('closes an unfinished generator with the response (Python generator.close())', () => {
    let finalised = false
    const gen = (function* () {
      try {
        yield 'a'
        yield 'b'
      } finally {
        finalised = true
      }
    })()
    const r = new StreamingHttpResponse(gen)
    expect(r.streaming_content.next()).toEqual({ done: false, value: b('a') })
    expect(finalised).toBe(false)
    r.close()
    expect(finalised).toBe(true)
  })

  it('does not close the source when a loop over it breaks', () => {
    const r = new StreamingHttpResponse(['a', 'b', 'c'][Symbol.iterator]())
    for (const chunk of r) {
      expect(chunk).toEqual(b('a'))
      break
    }
    expect([...r]).toEqual([b('b'), b('c')])
  })

  it('maps async content lazily through make_bytes', async () => {
    const r = new StreamingHttpResponse(
      (async function* () {
        yield 'x'
        yield 1
      })(),
      { charset: 'latin-1' },
    )
    expect(r.is_async).toBe(true)
    const seen: Uint8Array[] = []
    const { warnings } = await (async () => {
      const out = catch_warnings(async () => {
        for await (const c of r) seen.push(c)
      })
      await out.result
      return out
    })()
    expect(seen).toEqual([b('x'), b('1')])
    expect(warnings).toEqual([])
    expect(() => r.getvalue()).toThrow(TypeError)
  })

  it('refuses what is not iterable', () => {
    expect(() => new StreamingHttpResponse(5 as unknown as Iterable<unknown>)).toThrow(TypeError)
  })
})

describe('FileResponse', () => {
  it('streams block_size reads and closes the file with the response', () => {
    const file = new BytesFile(b('abcdefghij'), 'data.bin')
    const r = new FileResponse(file)
    r.block_size = 4
    expect(r.file_to_stream).toBe(file)
    expect(r.headers.getitem('Content-Type')).toBe('application/octet-stream')
    expect([...r]).toEqual([b('abcd'), b('efgh'), b('ij')])
    expect(file.closed).toBe(false)
    r.close()
    expect(file.closed).toBe(true)
  })

  it('streams plain iterables like StreamingHttpResponse', () => {
    const r = new FileResponse(['a', 'b'])
    expect(r.file_to_stream).toBeNull()
    expect(r.headers.getitem('Content-Type')).toBe('text/html; charset=utf-8')
    expect(r.getvalue()).toEqual(b('ab'))
  })

  it('escapes quotes in an ASCII filename', () => {
    const r = new FileResponse(new BytesFile(b('x')), { filename: 'a "b"\\.txt', as_attachment: true })
    expect(r.headers.getitem('Content-Disposition')).toBe('attachment; filename="a \\"b\\"\\\\.txt"')
    expect(r.headers.getitem('Content-Type')).toBe('text/plain')
  })
})
