/**
 * Port of django/test/client.py's RequestFactory: builds WSGI requests (environ dicts) the way
 * the test client sends them, without running any handler.
 */
import { get_settings } from '../conf/context.ts'
import { BytesIO } from '../core/bytes-io.ts'
import { decode, encode, latin1_decode } from '../core/encoding.ts'
import { ValueError } from '../core/exceptions.ts'
import { urlencode, type QueryInput } from '../core/http.ts'
import { pystr } from '../core/python.ts'
import { unquote_to_bytes, urlsplit, type SplitResult } from '../core/urllib.ts'
import { WSGIRequest, type WsgiEnviron } from '../handlers/wsgi.ts'
import { SimpleCookie } from '../http/cookie.ts'
import { HttpHeaders } from '../http/headers.ts'
import { DjangoJSONEncoder, type JSONEncoderClass } from '../http/response-subclasses.ts'
import { BOUNDARY, encode_multipart, MULTIPART_CONTENT, type MultipartData } from './encode.ts'
import { FakePayload } from './fake-payload.ts'

/** `Content-Type: ...; charset=x` as Django's client sniffs it (anchored, Python `match`). */
export const CONTENT_TYPE_RE = /^.*; charset=([\w-]+);?/
/** The content types whose dict/list data the client JSON-encodes. */
export const JSON_CONTENT_TYPE_RE = /^application\/(.+\+)?json/

/** Keyword arguments of `new RequestFactory()`: the rest are environ keys added to every request. */
export interface RequestFactoryOptions {
  json_encoder?: JSONEncoderClass
  headers?: Record<string, string> | null
  query_params?: QueryInput | null
  [environ_key: string]: unknown
}

/** Keyword arguments of a request method: the rest are environ keys for this request (`HTTP_X_FOO`, `REMOTE_ADDR`, ...). */
export interface RequestOptions {
  secure?: boolean
  headers?: Record<string, string> | null
  query_params?: QueryInput | null
  content_type?: string | null
  [environ_key: string]: unknown
}

/** The per-request environ entries `generic()` built (what `response.request` shows). */
export type RequestDict = Record<string, unknown>

/** Python's `force_bytes(data, charset)`: text encoded, bytes re-encoded unless the charset is utf-8. */
function force_bytes(value: unknown, charset: string): Uint8Array {
  if (value instanceof Uint8Array) return charset === 'utf-8' ? value : encode(decode(value, 'utf-8'), charset)
  return encode(pystr(value), charset)
}

function is_json_container(data: unknown): boolean {
  if (Array.isArray(data) || data instanceof Map) return true
  if (data === null || typeof data !== 'object') return false
  const proto = Object.getPrototypeOf(data)
  return proto === Object.prototype || proto === null
}

/** Splits Django's keyword arguments from the environ extras a request method takes. */
function split_options(options: RequestOptions) {
  const { secure = false, headers = null, query_params = null, content_type, follow: _follow, ...extra } = options
  return { secure, headers, query_params, content_type, extra }
}

/** Django's RequestFactory: `factory.get('/path/')` returns a WSGIRequest for a view to be called with. */
export class RequestFactory {
  json_encoder: JSONEncoderClass
  /** Environ entries added to every request (the constructor's extra keyword arguments). */
  defaults: Record<string, unknown>
  /** Cookies sent with every request (`HTTP_COOKIE`). */
  cookies = new SimpleCookie()
  /** `wsgi.errors`. */
  errors = new BytesIO()

  constructor(options: RequestFactoryOptions = {}) {
    const { json_encoder = DjangoJSONEncoder, headers = null, query_params = null, ...defaults } = options
    this.json_encoder = json_encoder
    this.defaults = defaults
    if (headers) Object.assign(this.defaults, HttpHeaders.to_wsgi_names(headers))
    if (query_params) this.defaults.QUERY_STRING = urlencode(query_params, true)
  }

  /** The environ of every request: Django's base keys, then `defaults`, then this request's. */
  _base_environ(request: RequestDict): WsgiEnviron {
    const cookie = this.cookies
      .values()
      .map((morsel) => `${morsel.key}=${morsel.coded_value}`)
      .sort()
      .join('; ')
    return {
      HTTP_COOKIE: cookie,
      PATH_INFO: '/',
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: '',
      SERVER_NAME: 'testserver',
      SERVER_PORT: '80',
      SERVER_PROTOCOL: 'HTTP/1.1',
      'wsgi.version': [1, 0],
      'wsgi.url_scheme': 'http',
      'wsgi.input': new FakePayload(new Uint8Array(0)),
      'wsgi.errors': this.errors,
      'wsgi.multiprocess': true,
      'wsgi.multithread': false,
      'wsgi.run_once': false,
      ...this.defaults,
      ...request,
    }
  }

  /** Builds the request (the Client overrides this to run it through the handler). */
  request(request: RequestDict): unknown {
    return new WSGIRequest(this._base_environ(request))
  }

  /** The body of a POST: multipart for MULTIPART_CONTENT, else the data in the content type's charset. */
  _encode_data(data: unknown, content_type: string): Uint8Array {
    // DEVIATION(django): Django compares with MULTIPART_CONTENT by identity; an equal string counts here.
    if (content_type === MULTIPART_CONTENT) return encode_multipart(BOUNDARY, data as MultipartData)
    const match = CONTENT_TYPE_RE.exec(content_type)
    return force_bytes(data, match ? match[1]! : get_settings().DEFAULT_CHARSET)
  }

  /** A dict or list sent with a JSON content type is dumped with the factory's encoder. */
  _encode_json(data: unknown, content_type: string | null | undefined): unknown {
    const should_encode = JSON_CONTENT_TYPE_RE.test(content_type ?? '') && is_json_container(data)
    return should_encode ? new this.json_encoder().encode(data) : data
  }

  /** PATH_INFO: the percent-decoded path bytes, as a latin-1 "native" string (WSGI's convention). */
  _get_path(parsed: SplitResult): string {
    // Without escapes or non-ASCII characters, the bytes round trip gives the path back unchanged.
    if (!parsed.path.includes('%') && /^[^\u0080-\uffff]*$/.test(parsed.path)) return parsed.path
    return latin1_decode(unquote_to_bytes(parsed.path))
  }

  /** A GET; `data` (or `query_params`) replaces the URL's query string. */
  get(path: string, data: QueryInput | null = null, options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, extra } = split_options(options)
    if (truthy_query(query_params) && truthy_query(data)) {
      throw new ValueError('query_params and data arguments are mutually exclusive.')
    }
    return this.generic('GET', path, '', { secure, headers, query_params: truthy_query(data) ? data : query_params, ...extra })
  }

  /** A POST; data is multipart-encoded by default, JSON-encoded for a JSON content type. */
  post(path: string, data: unknown = null, options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, content_type = MULTIPART_CONTENT, extra } = split_options(options)
    const encoded = this._encode_json(data ?? {}, content_type)
    const post_data = this._encode_data(encoded, content_type ?? MULTIPART_CONTENT)
    return this.generic('POST', path, post_data, { content_type, secure, headers, query_params, ...extra })
  }

  /** A HEAD, built like a GET. */
  head(path: string, data: QueryInput | null = null, options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, extra } = split_options(options)
    if (truthy_query(query_params) && truthy_query(data)) {
      throw new ValueError('query_params and data arguments are mutually exclusive.')
    }
    return this.generic('HEAD', path, '', { secure, headers, query_params: truthy_query(data) ? data : query_params, ...extra })
  }

  /** A TRACE; `data`, if given, is the body. */
  trace(path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, extra } = split_options(options)
    return this.generic('TRACE', path, data, { secure, headers, query_params, ...extra })
  }

  /** An OPTIONS; the data is the raw body. */
  options(path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, content_type = 'application/octet-stream', extra } = split_options(options)
    return this.generic('OPTIONS', path, data, { content_type, secure, headers, query_params, ...extra })
  }

  /** A PUT; a dict or list is JSON-encoded for a JSON content type, anything else sent as is. */
  put(path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    return this.#with_body('PUT', path, data, options)
  }

  /** A PATCH, like PUT. */
  patch(path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    return this.#with_body('PATCH', path, data, options)
  }

  /** A DELETE, like PUT. */
  delete(path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    return this.#with_body('DELETE', path, data, options)
  }

  #with_body(method: string, path: string, data: unknown, options: RequestOptions): unknown {
    const { secure, headers, query_params, content_type = 'application/octet-stream', extra } = split_options(options)
    const encoded = this._encode_json(data, content_type)
    return this.generic(method, path, encoded, { content_type, secure, headers, query_params, ...extra })
  }

  /** Any method: the body, content type, scheme, headers and query string as Django's `generic()` sets them. */
  generic(method: string, path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    const { secure, headers, query_params, content_type = 'application/octet-stream', extra } = split_options(options)
    const parsed = urlsplit(String(path))
    const body = force_bytes(data ?? 'None', get_settings().DEFAULT_CHARSET)
    const r: RequestDict = {
      PATH_INFO: this._get_path(parsed),
      REQUEST_METHOD: method,
      SERVER_PORT: secure ? '443' : '80',
      'wsgi.url_scheme': secure ? 'https' : 'http',
    }
    if (body.length) {
      r.CONTENT_LENGTH = String(body.length)
      r.CONTENT_TYPE = content_type
      r['wsgi.input'] = new FakePayload(body)
    }
    if (headers) Object.assign(extra, HttpHeaders.to_wsgi_names(headers))
    if (truthy_query(query_params)) extra.QUERY_STRING = urlencode(query_params!, true)
    Object.assign(r, extra)
    // No QUERY_STRING (or an empty one): the URL's own, as a latin-1 native string.
    if (!r.QUERY_STRING) r.QUERY_STRING = latin1_decode(encode(parsed.query, 'utf-8'))
    return this.request(r)
  }
}

/** Python truthiness of a query argument: null and an empty dict, list or QueryDict are false. */
export function truthy_query(query: QueryInput | null | undefined): query is QueryInput {
  return query !== null && query !== undefined && !is_empty_query(query)
}

function is_empty_query(query: QueryInput): boolean {
  if (query instanceof Map) return query.size === 0
  if (Array.isArray(query)) return query.length === 0
  const lists = (query as { lists?: () => unknown[] }).lists
  if (typeof lists === 'function') return [...lists.call(query)].length === 0
  if (typeof query === 'object' && Symbol.iterator in query) return false
  return Object.keys(query).length === 0
}
