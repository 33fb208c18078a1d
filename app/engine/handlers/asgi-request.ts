/** Port of django/core/handlers/asgi.py (ASGIRequest, get_script_prefix and the ASGI types). */
import { get_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import type { ByteReader } from '../core/bytes-io.ts'
import type { MultiValueDict } from '../core/datastructures.ts'
import { latin1_decode, utf8_decode } from '../core/encoding.ts'
import { AttributeError } from '../core/exceptions.ts'
import { pystr } from '../core/python.ts'
import { parse_cookie } from '../http/cookie.ts'
import { QueryDict } from '../http/query-dict.ts'
import { HttpRequest } from '../http/request.ts'

/** An ASGI `http` connection scope (the keys Django reads; servers may add more). */
export interface AsgiScope {
  /** `http` for requests; anything else is refused by ASGIHandler. */
  type: string
  /** The request method, e.g. `GET`. */
  method: string
  /** The decoded path, root_path included. */
  path: string
  /** The path as sent, before percent-decoding. */
  raw_path?: Uint8Array | null
  /** The prefix the application is mounted under. */
  root_path?: string
  /** The undecoded query string (bytes), or a str. */
  query_string?: Uint8Array | string
  /** `[name, value]` byte pairs; names lower-cased. */
  headers?: Array<[Uint8Array, Uint8Array]>
  /** `[host, port]` of the client. */
  client?: [string, number] | null
  /** `[host, port]` of the server; port null for a unix socket. */
  server?: [string, number | string | null] | null
  /** `http` or `https`. */
  scheme?: string
  /** `1.0`, `1.1` or `2`. */
  http_version?: string
  /** `{version, spec_version}`. */
  asgi?: { version: string; spec_version?: string }
  [key: string]: unknown
}

/** A message received from the server: `http.request` (body, more_body) or `http.disconnect`. */
export interface AsgiReceiveMessage {
  type: string
  body?: Uint8Array
  more_body?: boolean
  [key: string]: unknown
}

/** A message sent to the server: `http.response.start` (status, headers) or `http.response.body`. */
export interface AsgiSendMessage {
  type: string
  status?: number
  headers?: Array<[Uint8Array, Uint8Array]>
  body?: Uint8Array
  more_body?: boolean
  [key: string]: unknown
}

/** Either direction's message. */
export type AsgiMessage = AsgiReceiveMessage | AsgiSendMessage

/** The ASGI `receive` callable. */
export type AsgiReceive = () => Promise<AsgiReceiveMessage>

/** The ASGI `send` callable. */
export type AsgiSend = (message: AsgiSendMessage) => Promise<void>

/** Keyword arguments of `new ASGIRequest(...)`. */
export interface ASGIRequestOptions {
  /** The settings the request reads; the active ones by default. */
  settings?: Settings
}

/** The body stream an ASGIRequest reads: a Python binary file (the handler's in-memory body). */
export type AsgiBodyFile = ByteReader

/** `get_script_prefix(scope)`: FORCE_SCRIPT_NAME when set (non-empty), else the scope's root_path. */
export function get_script_prefix(scope: AsgiScope, settings: Settings = get_settings()): string {
  if (settings.FORCE_SCRIPT_NAME) return settings.FORCE_SCRIPT_NAME
  return scope.root_path || ''
}

/** Python truthiness of a scope value (an empty tuple is false). */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  return Boolean(value)
}

/** A header name or value: bytes decoded as latin-1. */
// DEVIATION(django): a str (Python raises AttributeError on its .decode) is taken as is.
function latin1(value: Uint8Array | string): string {
  return typeof value === 'string' ? value : latin1_decode(value)
}

/** A request built from an ASGI scope and the already-received body. */
export class ASGIRequest extends HttpRequest {
  /** Seconds a request may wait for its body (declared by Django 5.2, but not used). */
  static body_receive_timeout = 60

  /** The scope this request was built from. */
  scope: AsgiScope
  /** FORCE_SCRIPT_NAME or the scope's root_path. */
  script_name: string
  /**
   * Not in Django: aborted when the client disconnects while the view runs, where Python would
   * cancel the view's task. The handler replaces it with its own per-request signal.
   */
  abortSignal: AbortSignal = new AbortController().signal

  constructor(scope: AsgiScope, body_file: AsgiBodyFile, options: ASGIRequestOptions = {}) {
    super(options)
    this.dropBareAttributes()
    this.scope = scope
    this._read_started = false
    this.resolver_match = null
    this.path = scope.path
    this.script_name = get_script_prefix(scope, this.settings)
    // Django strips the prefix as is, without checking it ends at a slash.
    const prefixed = this.script_name !== '' && scope.path.startsWith(this.script_name)
    this.path_info = prefixed ? scope.path.slice(this.script_name.length) : scope.path
    this.method = scope.method.toUpperCase()
    // Bytes must be UTF-8: a UnicodeDecodeError here becomes the handler's 400.
    const raw_query = scope.query_string ?? ''
    const query_string = typeof raw_query === 'string' ? raw_query : utf8_decode(raw_query)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const META: Record<string, any> = Object.create(null)
    Object.assign(META, {
      REQUEST_METHOD: this.method,
      QUERY_STRING: query_string,
      SCRIPT_NAME: this.script_name,
      PATH_INFO: this.path_info,
      // WSGI-expecting code reads these.
      'wsgi.multithread': true,
      'wsgi.multiprocess': true,
    })
    if (truthy(scope.client)) {
      const [host, port] = scope.client!
      META.REMOTE_ADDR = host
      META.REMOTE_HOST = host
      META.REMOTE_PORT = port
    }
    if (truthy(scope.server)) {
      META.SERVER_NAME = scope.server![0]
      META.SERVER_PORT = pystr(scope.server![1])
    } else {
      META.SERVER_NAME = 'unknown'
      META.SERVER_PORT = '0'
    }
    for (const [raw_name, raw_value] of scope.headers ?? []) {
      const name = latin1(raw_name)
      // Django 5.2.13 (CVE-2026-3902): `x_forwarded_for` must not pass for `x-forwarded-for`.
      if (name.includes('_')) continue
      const key =
        name === 'content-length'
          ? 'CONTENT_LENGTH'
          : name === 'content-type'
            ? 'CONTENT_TYPE'
            : `HTTP_${name.toUpperCase().replaceAll('-', '_')}`
      let value = latin1(raw_value)
      if (key in META) value = `${META[key]},${value}`
      META[key] = value
    }
    this.META = META
    this._set_content_type_params(META)
    this._stream = body_file
  }

  /** Seconds a request may wait for its body (the class attribute). */
  get body_receive_timeout(): number {
    return (this.constructor as typeof ASGIRequest).body_receive_timeout
  }

  /** @internal The scope's scheme, else `http`. */
  override _get_scheme(): string | null {
    return this.scope.scheme || super._get_scheme()
  }

  /** @internal GET from META's QUERY_STRING, decoded with DEFAULT_CHARSET (not the request encoding, as in Django). */
  protected override _compute_GET(): QueryDict {
    return new QueryDict(this.META.QUERY_STRING as string, { settings: this.settings })
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
    return parse_cookie((this.META.HTTP_COOKIE as string | undefined) ?? '')
  }

  /** @internal */
  protected override _get_files(): MultiValueDict {
    if (this._files === undefined) this._load_post_and_files()
    return this._files!
  }

  /** @internal FILES is a read-only property on ASGIRequest. */
  protected override _set_files(_value: MultiValueDict): void {
    throw new AttributeError(`property 'FILES' of '${this.constructor.name}' object has no setter`)
  }

  /** Closes the uploaded files, then the body stream. */
  override close(): void {
    super.close()
    this._stream?.close?.()
  }
}
