/** Django's test_client_regress tests, continued: request methods and bodies, JSON, query strings, payload charsets, uploads, headers. */
// django: tests/test_client_regress/tests.py (RequestMethodTests, RequestMethodStringDataTests, QueryStringTests,
// PayloadEncodingTests, UploadedFileEncodingTest, RequestHeadersTest, ReadLimitedStreamTest,
// RequestFactoryStateTest, RequestFactoryEnvironmentTests)
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { encode, utf8_encode } from '../core/encoding.ts'
import { ValueError } from '../core/exceptions.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponse } from '../http/response.ts'
import { Client } from '../testing/client.ts'
import { encode_file } from '../testing/encode.ts'
import { RequestFactory } from '../testing/request-factory.ts'
import { assertRedirects, text } from './fixtures/test_client/assertions.ts'
import './fixtures/test_client/regress.ts'
import { site_settings } from './fixtures/test_client/urls.ts'

const settings = site_settings('test_client_regress.urls')

function run(fn: (client: Client) => void): () => void {
  return () => with_settings(settings, () => fn(new Client()))
}

const content = (response: object) => (response as HttpResponse).content
const bytes = (s: string) => utf8_encode(s)

describe('RequestMethodTests', () => {
  for (const method of ['get', 'post', 'options', 'put', 'delete', 'patch'] as const) {
    it(`test_${method}`, run((client) => {
      const response = (client[method] as (p: string) => ReturnType<Client['get']>).call(client, '/request_methods/')
      expect(response.status_code).toBe(200)
      expect(text(response)).toBe(`request method: ${method.toUpperCase()}`)
    }))
  }

  it('test_head', run((client) => {
    const response = client.head('/request_methods/')
    expect(response.status_code).toBe(200)
    // A HEAD request gets no content.
    expect(content(response)).toEqual(new Uint8Array(0))
  }))
})

describe('RequestMethodStringDataTests', () => {
  // #11371 / #17797: string data with a JSON content type.
  const data = '{"test": "json"}'
  for (const method of ['post', 'put', 'patch'] as const) {
    it(`test_${method}`, run((client) => {
      const response = client[method]('/request_methods/', data, { content_type: 'application/json' })
      expect(response.status_code).toBe(200)
      expect(text(response)).toBe(`request method: ${method.toUpperCase()}`)
      expect(response.wsgi_request.body).toEqual(bytes(data))
    }))
  }

  it('test_empty_string_data', run((client) => {
    // #21740.
    expect(content(client.get('/body/', null, { content_type: 'application/json' }))).toEqual(new Uint8Array(0))
    expect(content(client.post('/body/', '', { content_type: 'application/json' }))).toEqual(new Uint8Array(0))
    expect(content(client.head('/body/', null, { content_type: 'application/json' }))).toEqual(new Uint8Array(0))
  }))

  it('test_json', run((client) => {
    expect(client.get('/json_response/').json()).toEqual({ key: 'value' })
  }))

  it('test_json_structured_suffixes', run((client) => {
    const valid_types = [
      'application/vnd.api+json',
      'application/vnd.api.foo+json',
      'application/json; charset=utf-8',
      'application/activity+json',
      'application/activity+json; charset=utf-8',
    ]
    for (const content_type of valid_types) {
      const response = client.get('/json_response/', { content_type })
      expect(response.headers.getitem('Content-Type')).toBe(content_type)
      expect(response.json()).toEqual({ key: 'value' })
    }
  }))

  it('test_json_multiple_access', run((client) => {
    const response = client.get('/json_response/')
    expect(response.json()).toBe(response.json())
  }))

  it('test_json_wrong_header', run((client) => {
    const response = client.get('/body/')
    expect(() => response.json()).toThrow(ValueError)
    expect(() => response.json()).toThrow('Content-Type header is "text/html; charset=utf-8", not "application/json"')
  }))
})

describe('QueryStringTests', () => {
  const values = (response: { json(): unknown }) => response.json() as Record<string, string | null>

  it('test_get_like_requests', run((client) => {
    for (const method of ['get', 'head'] as const) {
      // HEAD bodies are dropped, so read the request the view saw.
      const seen = (response: ReturnType<Client['get']>) => {
        const request = response.wsgi_request as HttpRequest
        return { foo: request.GET.get('foo'), bar: request.GET.get('bar') }
      }
      // #10571: data becomes the query string.
      expect(seen(client[method]('/request_data/', { foo: 'whiz' })).foo).toBe('whiz')
      // A query string in the URL is kept...
      expect(seen(client[method]('/request_data/?foo=whiz')).foo).toBe('whiz')
      // ...unless data replaces it.
      expect(seen(client[method]('/request_data/?foo=whiz', { foo: 'bang' })).foo).toBe('bang')
      expect(seen(client[method]('/request_data/?foo=whiz', { bar: 'bang' }))).toEqual({ foo: null, bar: 'bang' })
      if (method === 'get') expect(values(client.get('/request_data/', { foo: 'whiz' }))['get-foo']).toBe('whiz')
    }
  }))

  it('test_post_like_requests', run((client) => {
    // Data is the form body.
    let r = values(client.post('/request_data/', { foo: 'whiz' }))
    expect([r['get-foo'], r['post-foo']]).toEqual([null, 'whiz'])
    // The URL's query string is the query string.
    r = values(client.post('/request_data/?foo=whiz'))
    expect([r['get-foo'], r['post-foo']]).toEqual(['whiz', null])
    // Both at once: each in its own place.
    r = values(client.post('/request_data/?foo=whiz', { foo: 'bang' }))
    expect([r['get-foo'], r['post-foo']]).toEqual(['whiz', 'bang'])
    r = values(client.post('/request_data/?foo=whiz', { bar: 'bang' }))
    expect(r).toEqual({ 'get-foo': 'whiz', 'get-bar': null, 'post-foo': null, 'post-bar': 'bang', data: 'sausage' })
  }))
})

describe('PayloadEncodingTests', () => {
  // #10571: text bodies in the charset the content type declares.
  it('test_simple_payload', run((client) => {
    const body = 'English: mountain pass'
    expect(content(client.post('/parse_encoded_text/', body, { content_type: 'text/plain' }))).toEqual(bytes(body))
  }))

  it('test_utf8_payload', run((client) => {
    const body = 'dog: собака'
    const response = client.post('/parse_encoded_text/', body, { content_type: 'text/plain; charset=utf-8' })
    expect(content(response)).toEqual(bytes(body))
  }))

  it('test_utf16_payload', run((client) => {
    const body = 'dog: собака'
    const response = client.post('/parse_encoded_text/', body, { content_type: 'text/plain; charset=utf-16' })
    // Python's 'utf-16' codec writes a BOM (little-endian here).
    expect(content(response)).toEqual(encode(body, 'utf-16'))
    expect([...content(response).slice(0, 4)]).toEqual([0xff, 0xfe, 0x64, 0x00])
  }))

  it('test_non_utf_payload', run((client) => {
    const body = 'dog: собака'
    const response = client.post('/parse_encoded_text/', body, { content_type: 'text/plain; charset=koi8-r' })
    expect(content(response)).toEqual(new Uint8Array([...bytes('dog: '), 0xd3, 0xcf, 0xc2, 0xc1, 0xcb, 0xc1]))
  }))
})

/** test_client_regress's DummyFile: a name and fixed content. */
class DummyFile {
  constructor(readonly name: string) {}
  read(): Uint8Array {
    return bytes('TEST_FILE_CONTENT')
  }
}

describe('UploadedFileEncodingTest', () => {
  const line = (b: Uint8Array | undefined) => new TextDecoder().decode(b)

  it('test_file_encoding', () => {
    const encoded_file = encode_file('TEST_BOUNDARY', 'TEST_KEY', new DummyFile('test_name.bin'))
    expect(line(encoded_file[0])).toBe('--TEST_BOUNDARY')
    expect(line(encoded_file[1])).toBe('Content-Disposition: form-data; name="TEST_KEY"; filename="test_name.bin"')
    expect(line(encoded_file.at(-1))).toBe('TEST_FILE_CONTENT')
  })

  it('test_guesses_content_type_on_file_encoding', () => {
    const type_of = (name: string) => line(encode_file('IGNORE', 'IGNORE', new DummyFile(name))[2])
    expect(type_of('file.bin')).toBe('Content-Type: application/octet-stream')
    expect(type_of('file.txt')).toBe('Content-Type: text/plain')
    expect([
      'Content-Type: application/x-compress',
      'Content-Type: application/x-zip',
      'Content-Type: application/x-zip-compressed',
      'Content-Type: application/zip',
    ]).toContain(type_of('file.zip'))
    expect(type_of('file.unknown')).toBe('Content-Type: application/octet-stream')
  })
})

describe('RequestHeadersTest', () => {
  it('test_client_headers', run((client) => {
    const response = client.get('/check_headers/', null, { headers: { 'x-arg-check': 'Testing 123' } })
    expect(response.status_code).toBe(200)
    expect(text(response)).toBe('HTTP_X_ARG_CHECK: Testing 123')
  }))

  it('test_client_headers_redirect', run((client) => {
    // Headers are sent again on every redirect.
    const response = client.get('/check_headers_redirect/', null, { follow: true, headers: { 'x-arg-check': 'Testing 123' } })
    expect(text(response)).toBe('HTTP_X_ARG_CHECK: Testing 123')
    assertRedirects(response, '/check_headers/', { status_code: 302, target_status_code: 200 })
    // Environ-style extras (Django's older spelling of the test) survive redirects too.
    const extras = client.get('/check_headers_redirect/', null, { follow: true, HTTP_X_ARG_CHECK: 'Testing 456' })
    expect(text(extras)).toBe('HTTP_X_ARG_CHECK: Testing 456')
  }))
})

describe('ReadLimitedStreamTest', () => {
  // #14753, #15785: body, read() and read(n) stop at CONTENT_LENGTH.
  it('test_body_from_empty_request', run((client) => {
    expect(content(client.get('/body/'))).toEqual(new Uint8Array(0))
  }))

  it('test_read_from_empty_request', run((client) => {
    expect(content(client.get('/read_all/'))).toEqual(new Uint8Array(0))
  }))

  it('test_read_numbytes_from_empty_request', run((client) => {
    expect(content(client.get('/read_buffer/'))).toEqual(new Uint8Array(0))
  }))

  it('test_read_from_nonempty_request', run((client) => {
    const payload = bytes('foobar')
    expect(content(client.put('/read_all/', payload, { content_type: 'text/plain' }))).toEqual(payload)
  }))

  it('test_read_numbytes_from_nonempty_request', run((client) => {
    const payload = bytes('foobar')
    expect(content(client.put('/read_buffer/', payload, { content_type: 'text/plain' }))).toEqual(payload)
  }))
})

describe('RequestFactoryStateTest', () => {
  // #15929: a client request leaves no state behind for the next factory request.
  function common_test_that_should_always_pass(): void {
    const request = new RequestFactory().get('/') as HttpRequest
    expect('user' in request && request.user !== undefined).toBe(false)
  }

  it('test_request', run(() => common_test_that_should_always_pass()))

  it('test_request_after_client', run((client) => {
    client.get('/')
    common_test_that_should_always_pass()
  }))

  it('test_request_after_client_2', run(() => common_test_that_should_always_pass()))
})

describe('RequestFactoryEnvironmentTests', () => {
  it('test_should_set_correct_env_variables', run(() => {
    const request = new RequestFactory().get('/path/') as HttpRequest
    expect(request.META.REMOTE_ADDR).toBe('127.0.0.1')
    expect(request.META.SERVER_NAME).toBe('testserver')
    expect(request.META.SERVER_PORT).toBe('80')
    expect(request.META.SERVER_PROTOCOL).toBe('HTTP/1.1')
    expect(`${request.META.SCRIPT_NAME}${request.META.PATH_INFO}`).toBe('/path/')
  }))

  it('test_cookies', run(() => {
    const factory = new RequestFactory()
    factory.cookies.load('A="B"; C="D"; Path=/; Version=1')
    const request = factory.get('/') as HttpRequest
    expect(request.META.HTTP_COOKIE).toBe('A="B"; C="D"')
  }))
})
