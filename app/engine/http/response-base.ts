/** Port of django/http/response.py (HttpResponseBase: headers, cookies, status, the file-like stubs). */
import { request_finished } from '../core/signals.ts'
import { time_now } from '../core/clock.ts'
import { encode, latin1_encode } from '../core/encoding.ts'
import { OSError, ValueError } from '../core/exceptions.ts'
import { responses } from '../core/http-client.ts'
import { http_date } from '../core/http.ts'
import { pystr } from '../core/python.ts'
import { get_settings } from '../conf/context.ts'
import { cookie_signer_salt, get_cookie_signer } from '../signing/signing.ts'
import { SimpleCookie } from './cookie.ts'
import { ResponseHeaders, type ResponseHeadersInit } from './response-headers.ts'

/** Keyword arguments shared by every response class. */
export interface HttpResponseBaseOptions {
  content_type?: string | null
  /** An int, or a string of digits (Python's `int(status)`). */
  status?: number | string | null
  reason?: string | null
  charset?: string | null
  headers?: ResponseHeadersInit | null
}

/** Keyword arguments of `set_cookie()`. `expires` is a string, or a Date (a datetime, naive taken as UTC). */
export interface SetCookieOptions {
  max_age?: number | null
  expires?: string | Date | null
  path?: string | null
  domain?: string | null
  secure?: boolean
  httponly?: boolean
  samesite?: string | null
}

/** Keyword arguments of `set_signed_cookie()`. */
export interface SetSignedCookieOptions extends SetCookieOptions {
  salt?: string
}

/** Keyword arguments of `delete_cookie()`. */
export interface DeleteCookieOptions {
  path?: string
  domain?: string | null
  samesite?: string | null
}

const CHARSET_FROM_CONTENT_TYPE = /;\s*charset=([^\s;]+)/i

/** Python's `int(x)` for what a status may be: ints, floats (truncated), bools, digit strings. */
function pyInt(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null
  if (typeof value === 'string') {
    const m = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/.exec(value)
    return m ? Number(m[1] + m[2]!.replace(/_/g, '')) : null
  }
  return null
}

/** True for what Python would treat as bytes-like (bytes, bytearray, memoryview). */
export function isBytesLike(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value)
}

/**
 * An HTTP response with dictionary-accessed headers and cookies, but no content handling: use
 * HttpResponse or StreamingHttpResponse.
 * @see https://docs.djangoproject.com/en/5.2/ref/request-response/#httpresponse-objects
 */
export class HttpResponseBase {
  /** The class's default status (Django's class attribute). */
  static status_code = 200

  /** The HTTP status code. */
  status_code: number
  /** Case-insensitive response headers. */
  headers: ResponseHeaders
  /** Cookies to send, one Set-Cookie header each. */
  cookies = new SimpleCookie()
  /** True once `close()` ran. */
  closed = false
  /** @internal Callables `close()` runs (errors ignored). */
  _resource_closers: Array<() => unknown> = []
  /** @internal Set by the handler; the sender of request_finished. */
  _handler_class: unknown = null
  /** @internal */
  _reason_phrase: string | null
  /** @internal */
  _charset: string | null

  constructor(options: HttpResponseBaseOptions = {}) {
    const { content_type = null, status = null, reason = null, charset = null, headers = null } = options
    this.status_code = (new.target as typeof HttpResponseBase).status_code
    this.headers = new ResponseHeaders(headers)
    this._charset = charset
    this._reason_phrase = null
    if (!this.headers.has('Content-Type')) {
      this.headers.setitem('Content-Type', content_type ?? `text/html; charset=${this.charset}`)
    } else if (content_type) {
      throw new ValueError("'headers' must not contain 'Content-Type' when the 'content_type' parameter is provided.")
    }
    if (status !== null && status !== undefined) {
      const code = pyInt(status)
      if (code === null) throw new TypeError('HTTP status code must be an integer.')
      this.status_code = code
      if (!(code >= 100 && code <= 599)) throw new ValueError('HTTP status code must be an integer from 100 to 599.')
    }
    this._reason_phrase = reason
  }

  /** False here; HttpResponse and StreamingHttpResponse say which they are. */
  get streaming(): boolean {
    return false
  }

  /** The explicit reason, else the standard phrase of the current status, else "Unknown Status Code". */
  get reason_phrase(): string {
    if (this._reason_phrase !== null) return this._reason_phrase
    return responses[this.status_code] ?? 'Unknown Status Code'
  }

  set reason_phrase(value: string | null) {
    this._reason_phrase = value
  }

  /** The explicit charset, else the one in Content-Type (read each time), else DEFAULT_CHARSET. */
  get charset(): string {
    if (this._charset !== null) return this._charset
    const content_type = this.headers.get('Content-Type')
    if (content_type) {
      const matched = CHARSET_FROM_CONTENT_TYPE.exec(content_type)
      if (matched) return matched[1]!.replace(/"/g, '')
    }
    return get_settings().DEFAULT_CHARSET
  }

  set charset(value: string | null) {
    this._charset = value
  }

  /** The headers as bytes: `Name: value` lines joined by CRLF (cookies not included). */
  serialize_headers(): Uint8Array {
    const text = this.headers.items().map(([k, v]) => `${k}: ${v}`).join('\r\n')
    return latin1_encode(text)
  }

  /** @internal `, "<Content-Type>"` for reprs, or nothing without the header. */
  get _content_type_for_repr(): string {
    return this.headers.has('Content-Type') ? `, "${this.headers.getitem('Content-Type')}"` : ''
  }

  /** `response[header] = value`. */
  setitem(header: string | Uint8Array, value: unknown): void {
    this.headers.setitem(header, value)
  }

  /** `del response[header]` (no error when absent). */
  delitem(header: string): void {
    this.headers.delitem(header)
  }

  /** `response[header]`: KeyError when absent. */
  getitem(header: string): string {
    return this.headers.getitem(header)
  }

  /** Case-insensitive check for a header. */
  has_header(header: string): boolean {
    return this.headers.has(header)
  }

  /** `header in response`. */
  has(header: string): boolean {
    return this.headers.has(header)
  }

  /** `[name, value]` pairs. */
  items(): Array<[string, string]> {
    return this.headers.items()
  }

  /** `response.get(header, alternate=None)`. */
  get<D = null>(header: string, alternate: D = null as D): string | D {
    return this.headers.get(header, alternate)
  }

  /** Sets a header unless it is already set. */
  setdefault(key: string, value: unknown): void {
    this.headers.setdefault(key, value)
  }

  /**
   * Sets a cookie. The morsel of an earlier cookie with the same name is reused, so attributes
   * not overwritten here survive (as in Django).
   */
  set_cookie(key: string, value: unknown = '', options: SetCookieOptions = {}): void {
    const { path = '/', domain = null, secure = false, httponly = false, samesite = null } = options
    let { max_age = null, expires = null } = options
    this.cookies.setitem(key, value)
    const morsel = this.cookies.getitem(key)
    if (expires !== null && expires !== undefined) {
      if (expires instanceof Date) {
        // +1 s: a fraction of a second is lost between the delta and the date string.
        const delta = expires.getTime() / 1000 - time_now() + 1
        expires = null
        if (max_age !== null && max_age !== undefined) {
          throw new ValueError("'expires' and 'max_age' can't be used together.")
        }
        max_age = Math.max(0, Math.floor(delta))
      } else {
        morsel.setitem('expires', expires)
      }
    } else {
      morsel.setitem('expires', '')
    }
    if (max_age !== null && max_age !== undefined) {
      morsel.setitem('max-age', Math.trunc(max_age))
      // IE requires expires, so set it if it hasn't been already.
      if (!expires) morsel.setitem('expires', http_date(time_now() + max_age))
    }
    if (path !== null) morsel.setitem('path', path)
    if (domain !== null) morsel.setitem('domain', domain)
    if (secure) morsel.setitem('secure', true)
    if (httponly) morsel.setitem('httponly', true)
    if (samesite) {
      if (!['lax', 'none', 'strict'].includes(samesite.toLowerCase())) {
        throw new ValueError('samesite must be "lax", "none", or "strict".')
      }
      morsel.setitem('samesite', samesite)
    }
  }

  /** `set_cookie()` with the value signed by the cookie signer (salt `django.http.cookies.v2:…`, Django 5.2.15+). */
  set_signed_cookie(key: string, value: unknown, options: SetSignedCookieOptions = {}): void {
    const { salt = '', ...rest } = options
    const signed = get_cookie_signer({ salt: cookie_signer_salt(key, salt) }).sign(value)
    this.set_cookie(key, signed, rest)
  }

  /** Expires a cookie now; adds Secure for `__Secure-`/`__Host-` names and `samesite='none'`. */
  delete_cookie(key: string, options: DeleteCookieOptions = {}): void {
    const { path = '/', domain = null, samesite = null } = options
    // Browsers ignore such a Set-Cookie without the secure flag.
    const secure =
      key.startsWith('__Secure-') || key.startsWith('__Host-') || (!!samesite && samesite.toLowerCase() === 'none')
    this.set_cookie(key, '', { max_age: 0, path, domain, secure, expires: 'Thu, 01 Jan 1970 00:00:00 GMT', samesite })
  }

  /** A value as body bytes: bytes-like copied, text encoded with the response charset, the rest `str()`-ed first. */
  make_bytes(value: unknown): Uint8Array {
    if (value instanceof Uint8Array) return value.slice()
    if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0))
    if (ArrayBuffer.isView(value)) {
      return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength))
    }
    if (typeof value === 'string') return encode(value, this.charset)
    return encode(pystr(value), this.charset)
  }

  /** Runs the resource closers (ignoring their errors), marks the response closed, signals request_finished. */
  close(): void {
    for (const closer of this._resource_closers) {
      try {
        const result = closer()
        if (result instanceof Promise) result.catch(() => {})
      } catch {
        // Django ignores closer errors.
      }
    }
    this._resource_closers.length = 0
    this.closed = true
    request_finished.send(this._handler_class)
  }

  /** Not writable: raises OSError. */
  write(_content: unknown): void {
    throw new OSError(`This ${this.constructor.name} instance is not writable`)
  }

  /** No-op. */
  flush(): void {}

  /** Raises OSError: the position is unknown. */
  tell(): number {
    throw new OSError(`This ${this.constructor.name} instance cannot tell its position`)
  }

  /** False. */
  readable(): boolean {
    return false
  }

  /** False. */
  seekable(): boolean {
    return false
  }

  /** False. */
  writable(): boolean {
    return false
  }

  /** Not writable: raises OSError. */
  writelines(_lines: Iterable<unknown>): void {
    throw new OSError(`This ${this.constructor.name} instance is not writable`)
  }
}

