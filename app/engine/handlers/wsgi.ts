/** Port of django/core/handlers/wsgi.py (LimitedStream, WSGIRequest, environ helpers); the handler comes later. */
import { get_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { readline_of, type ByteReader } from '../core/bytes-io.ts'
import type { MultiValueDict } from '../core/datastructures.ts'
import { latin1_encode, utf8_decode } from '../core/encoding.ts'
import { AttributeError, KeyError } from '../core/exceptions.ts'
import { pystr, str_repr } from '../core/python.ts'
import { py_int_or_null } from '../core/py-values.ts'
import { repercent_broken_unicode } from '../core/wsgi-encoding.ts'
import { parse_cookie } from '../http/cookie.ts'
import { QueryDict } from '../http/query-dict.ts'
import { HttpRequest } from '../http/request.ts'

/** The `wsgi.input` stream: Python file-like `read(size)`, optionally `readline(size)`. */
export type WsgiInput = ByteReader

/**
 * A WSGI environ: native strings (bytes seen as latin-1) for the CGI keys, plus `wsgi.input`,
 * `wsgi.url_scheme` and whatever a server adds (so values are typed loosely, as in Python).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WsgiEnviron = Record<string, any>

/** Keyword arguments of `new WSGIRequest(...)`. */
export interface WSGIRequestOptions {
  /** The settings the request reads; the active ones by default. */
  settings?: Settings
}

/**
 * Django's LimitedStream: reads from `stream` but never past `limit` bytes, so a view can not
 * block waiting for body bytes the client never announced.
 */
export class LimitedStream implements ByteReader {
  #stream: ByteReader
  #pos = 0
  /** The number of bytes that may be read. */
  limit: number
  /** True once `close()` ran (the wrapped stream stays open, as with Python's IOBase). */
  closed = false

  constructor(stream: ByteReader, limit: number) {
    this.#stream = stream
    this.limit = limit
  }

  #size(size: number | null | undefined): number {
    const left = this.limit - this.#pos
    return size === undefined || size === null || size === -1 ? left : Math.min(size, left)
  }

  /** `read(size=-1)`: at most the bytes left before the limit; `b''` once it is reached. */
  read(size: number | null = -1): Uint8Array {
    if (this.#pos >= this.limit) return new Uint8Array(0)
    const data = this.#stream.read(this.#size(size))
    this.#pos += data.length
    return data
  }

  /** `readline(size=-1)`: one line, capped at the bytes left before the limit. */
  readline(size: number | null = -1): Uint8Array {
    if (this.#pos >= this.limit) return new Uint8Array(0)
    const line = readline_of(this.#stream, this.#size(size))
    this.#pos += line.length
    return line
  }

  /** `close()`. */
  close(): void {
    this.closed = true
  }
}

/** `get_bytes_from_wsgi(environ, key, default)`: the environ's native string back to its bytes. */
export function get_bytes_from_wsgi(environ: WsgiEnviron, key: string, default_: string): Uint8Array {
  const value = Object.hasOwn(environ, key) ? environ[key] : default_
  // Non-ASCII environ values are bytes decoded as ISO-8859-1: re-encode to recover them.
  return latin1_encode(pystr(value))
}

// An ASCII native string is its own UTF-8 decoding: the byte round trip can be skipped.
const ASCII = /^[^\u0080-\uffff]*$/

function ascii_value(environ: WsgiEnviron, key: string, default_: string): string | null {
  const value = Object.hasOwn(environ, key) ? environ[key] : default_
  return typeof value === 'string' && ASCII.test(value) ? value : null
}

/** `get_str_from_wsgi(environ, key, default)`: those bytes decoded as UTF-8, invalid sequences replaced. */
export function get_str_from_wsgi(environ: WsgiEnviron, key: string, default_: string): string {
  return ascii_value(environ, key, default_) ?? utf8_decode(get_bytes_from_wsgi(environ, key, default_), 'replace')
}

/** `get_path_info(environ)`: PATH_INFO (default `/`) decoded, invalid UTF-8 kept percent-encoded. */
export function get_path_info(environ: WsgiEnviron): string {
  return (
    ascii_value(environ, 'PATH_INFO', '/') ??
    utf8_decode(repercent_broken_unicode(get_bytes_from_wsgi(environ, 'PATH_INFO', '/')))
  )
}

function bytesEndsWith(bytes: Uint8Array, suffix: Uint8Array): boolean {
  if (suffix.length > bytes.length) return false
  const offset = bytes.length - suffix.length
  return suffix.every((b, i) => bytes[offset + i] === b)
}

/**
 * `get_script_name(environ)`: FORCE_SCRIPT_NAME, else SCRIPT_URL / REDIRECT_URL (mod_rewrite)
 * minus PATH_INFO, else SCRIPT_NAME.
 */
export function get_script_name(environ: WsgiEnviron, settings: Settings = get_settings()): string {
  if (settings.FORCE_SCRIPT_NAME !== null) return settings.FORCE_SCRIPT_NAME
  let script_url = get_bytes_from_wsgi(environ, 'SCRIPT_URL', '')
  if (!script_url.length) script_url = get_bytes_from_wsgi(environ, 'REDIRECT_URL', '')
  let script_name: Uint8Array
  if (script_url.length) {
    // mod_wsgi squashes repeated slashes in PATH_INFO; do the same before comparing (#17133).
    const squashed: number[] = []
    for (const b of script_url) if (!(b === 0x2f && squashed.at(-1) === 0x2f)) squashed.push(b)
    script_url = Uint8Array.from(squashed)
    const path_info = get_bytes_from_wsgi(environ, 'PATH_INFO', '')
    script_name = path_info.length && bytesEndsWith(script_url, path_info) ? script_url.slice(0, script_url.length - path_info.length) : script_url
  } else {
    script_name = get_bytes_from_wsgi(environ, 'SCRIPT_NAME', '')
  }
  return utf8_decode(script_name)
}

function requireKey(environ: WsgiEnviron, key: string): unknown {
  if (!Object.hasOwn(environ, key)) throw new KeyError(str_repr(key))
  return environ[key]
}

/** A request built from a WSGI environ; META is the environ itself. */
export class WSGIRequest extends HttpRequest {
  /** The environ this request was built from (the same object as META). */
  environ: WsgiEnviron

  constructor(environ: WsgiEnviron, options: WSGIRequestOptions = {}) {
    super(options)
    this.dropBareAttributes()
    const script_name = get_script_name(environ, this.settings)
    // An empty PATH_INFO (the SCRIPT_NAME URL without a trailing slash) is treated as '/'.
    const path_info = get_path_info(environ) || '/'
    this.environ = environ
    this.path_info = path_info
    // Only the first slash is replaced: http://test/x and http://test//x differ (RFC 3986).
    this.path = `${script_name.replace(/\/+$/, '')}/${path_info.replace('/', '')}`
    this.META = environ
    this.META.PATH_INFO = path_info
    this.META.SCRIPT_NAME = script_name
    this.method = pystr(requireKey(environ, 'REQUEST_METHOD')).toUpperCase()
    this._set_content_type_params(environ)
    // int(CONTENT_LENGTH), 0 where Python raises (a GET has none): no exception built per request.
    const content_length = py_int_or_null(environ.CONTENT_LENGTH) ?? 0
    this._stream = new LimitedStream(requireKey(environ, 'wsgi.input') as ByteReader, content_length)
    this._read_started = false
    this.resolver_match = null
  }

  /** @internal `wsgi.url_scheme` (null when the environ lacks it). */
  override _get_scheme(): string | null {
    return (this.environ['wsgi.url_scheme'] as string | undefined) ?? null
  }

  /** @internal GET from QUERY_STRING (absent is allowed), decoded with the request encoding. */
  protected override _compute_GET(): QueryDict {
    const raw_query_string = get_bytes_from_wsgi(this.environ, 'QUERY_STRING', '')
    return new QueryDict(raw_query_string, { encoding: this._encoding, settings: this.settings })
  }

  /** @internal */
  protected override _get_post(): QueryDict {
    if (this._post === undefined) this._load_post_and_files()
    return this._post!
  }

  /** @internal */
  protected override _set_post(value: QueryDict): void {
    this._post = value
  }

  /** @internal */
  protected override _compute_COOKIES(): Record<string, string> {
    return parse_cookie(get_str_from_wsgi(this.environ, 'HTTP_COOKIE', ''))
  }

  /** @internal */
  protected override _get_files(): MultiValueDict {
    if (this._files === undefined) this._load_post_and_files()
    return this._files!
  }

  /** @internal FILES is a read-only property on WSGIRequest. */
  protected override _set_files(_value: MultiValueDict): void {
    throw new AttributeError(`property 'FILES' of '${this.constructor.name}' object has no setter`)
  }
}
