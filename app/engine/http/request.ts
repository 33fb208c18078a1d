/** Port of django/http/request.py HttpRequest (State, body and streams, POST loading, content negotiation). */
import { with_settings, get_settings } from '../conf/context.ts'
import type { Settings } from '../conf/settings.ts'
import { readline_of, type ByteReader } from '../core/bytes-io.ts'
import { ImmutableList, MultiValueDict } from '../core/datastructures.ts'
import { is_known_codec } from '../core/encoding.ts'
import { AttributeError, KeyError } from '../core/exceptions.ts'
import { parse_header_parameters } from '../core/http.ts'
import { str_repr } from '../core/python.ts'
import { MultiPartParser } from '../multipart/parser.ts'
import { load_handler, type FileUploadHandler } from '../multipart/upload-handler.ts'
import { BadSignature, unsign_cookie, type Duration } from '../signing/signing.ts'
import type { RequestUser } from '../auth/auth.ts'
import type { SessionBase } from '../sessions/base.ts'
import type { ResolverMatch } from '../urls/resolver-match.ts'
import { HttpHeaders } from './headers.ts'
import { by_precedence, MediaType, parse_accept, preferred_type } from './media-type.ts'
import { QueryDict } from './query-dict.ts'
import * as body from './request-body.ts'
import * as host from './request-host.ts'

export { RawPostDataException, UnreadablePostError } from './request-exceptions.ts'
export { split_domain_port, validate_host } from './request-host.ts'

/** Keyword arguments of `new HttpRequest(...)`. */
export interface HttpRequestOptions {
  /** The settings this request reads (ALLOWED_HOSTS, DEFAULT_CHARSET, limits...); the active ones by default. */
  settings?: Settings
}

/** Keyword arguments of `get_signed_cookie()`; leaving out `default` means "raise". */
export interface GetSignedCookieOptions<D> {
  default?: D
  salt?: string
  max_age?: number | Duration | null
}

/** Keyword arguments of `get_full_path()` / `get_full_path_info()`. */
export interface FullPathOptions {
  force_append_slash?: boolean
}

/** Django's HttpRequest: a bare request, and the base of WSGIRequest. */
export class HttpRequest {
  /** The settings every lookup of this request reads. */
  settings: Settings
  /** The CGI-style environment (headers as `HTTP_*`, `SERVER_NAME`, ...). */
  META: Record<string, string> = Object.create(null)
  /** The full path, script name included, decoded. */
  path = ''
  /** The path below the script name. */
  path_info = ''
  /** The upper-case method, or null. */
  method: string | null = null
  /** Set by URL resolution: the view and arguments the path resolved to. */
  resolver_match: ResolverMatch | null = null
  // The attributes below exist only once middleware sets them (Django's `hasattr(request, ...)`):
  // `declare` keeps them off the object until then, and types them as views read them.
  /** A URLconf for this request only (set by middleware); ROOT_URLCONF otherwise. */
  declare urlconf?: unknown
  /** Set by SessionMiddleware: this request's session (absent without it). */
  declare session: SessionBase
  /** Set by AuthenticationMiddleware: the user, evaluated on first use (absent without it). */
  declare user: RequestUser
  /** Set by AuthenticationMiddleware: the user, for async views. */
  declare auser: () => Promise<RequestUser>
  /** Set by CsrfViewMiddleware once the request passed (or needed no) CSRF checks. */
  declare csrf_processing_done?: boolean
  /** @internal Set by the test client unless it enforces CSRF checks. */
  declare _dont_enforce_csrf_checks?: boolean
  /** The media type of the body (from CONTENT_TYPE), or null. */
  content_type: string | null = null
  /** The CONTENT_TYPE parameters, or null. */
  content_params: Record<string, string> | null = null
  /** @internal The body charset; null means DEFAULT_CHARSET. */
  _encoding: string | null = null
  /** @internal */
  _upload_handlers: FileUploadHandler[] = []
  /** @internal True once something read from `_stream`. */
  _read_started = false
  /** @internal The body stream (a LimitedStream, then a BytesIO over the cached body). */
  _stream: ByteReader | null = null
  /** @internal The cached body. */
  _body: Uint8Array | undefined = undefined
  /** @internal Parsed POST, set by `_load_post_and_files()`. */
  _post: QueryDict | undefined = undefined
  /** @internal Parsed FILES, set by `_load_post_and_files()`. */
  _files: MultiValueDict | undefined = undefined

  // Plain attributes on a bare request; lazily computed caches on WSGIRequest.
  #GET: QueryDict | undefined
  #POST: QueryDict | undefined
  #FILES: MultiValueDict | undefined
  #COOKIES: Record<string, string> | undefined
  #headers: HttpHeaders | undefined
  #accepted_types: MediaType[] | undefined
  #accepted_types_by_precedence: MediaType[] | undefined
  #current_scheme_host: string | undefined

  constructor(options: HttpRequestOptions = {}) {
    this.settings = options.settings ?? get_settings()
    this.#GET = new QueryDict(null, { mutable: true, settings: this.settings })
    this.#POST = new QueryDict(null, { mutable: true, settings: this.settings })
    this.#FILES = new MultiValueDict()
    this.#COOKIES = Object.create(null)
  }

  /** @internal For subclasses whose GET/COOKIES/FILES are computed: forget the bare-request values. */
  protected dropBareAttributes(): void {
    this.#GET = undefined
    this.#POST = undefined
    this.#FILES = undefined
    this.#COOKIES = undefined
  }

  /** `repr()`: `<HttpRequest: GET '/path'>`, or `<HttpRequest>` without a method or path. */
  toString(): string {
    const name = this.constructor.name
    if (this.method === null || !this.get_full_path()) return `<${name}>`
    return `<${name}: ${this.method} ${str_repr(this.get_full_path())}>`
  }

  /** The query parameters. */
  get GET(): QueryDict {
    this.#GET ??= this._compute_GET()
    return this.#GET
  }
  set GET(value: QueryDict) {
    this.#GET = value
  }

  /** @internal How GET is built when not set; a bare request lost it when its encoding changed. */
  protected _compute_GET(): QueryDict {
    throw new AttributeError(`'${this.constructor.name}' object has no attribute 'GET'`)
  }

  /** The form data of a POST (urlencoded or multipart); empty otherwise. */
  get POST(): QueryDict {
    return this._get_post()
  }
  set POST(value: QueryDict) {
    this._set_post(value)
  }

  /** @internal */
  protected _get_post(): QueryDict {
    if (this.#POST === undefined) throw new AttributeError(`'${this.constructor.name}' object has no attribute 'POST'`)
    return this.#POST
  }

  /** @internal */
  protected _set_post(value: QueryDict): void {
    this.#POST = value
  }

  /** Uploaded files (a MultiValueDict of field name → files). */
  get FILES(): MultiValueDict {
    return this._get_files()
  }
  set FILES(value: MultiValueDict) {
    this._set_files(value)
  }

  /** @internal */
  protected _get_files(): MultiValueDict {
    if (this.#FILES === undefined) throw new AttributeError(`'${this.constructor.name}' object has no attribute 'FILES'`)
    return this.#FILES
  }

  /** @internal */
  protected _set_files(value: MultiValueDict): void {
    this.#FILES = value
  }

  /** The request cookies, name → value. */
  get COOKIES(): Record<string, string> {
    this.#COOKIES ??= this._compute_COOKIES()
    return this.#COOKIES
  }
  set COOKIES(value: Record<string, string>) {
    this.#COOKIES = value
  }

  /** @internal */
  protected _compute_COOKIES(): Record<string, string> {
    throw new AttributeError(`'${this.constructor.name}' object has no attribute 'COOKIES'`)
  }

  /** The headers from META (cached on first access). */
  get headers(): HttpHeaders {
    this.#headers ??= new HttpHeaders(this.META)
    return this.#headers
  }

  /** Accepted media types, by quality then specificity, q=0 entries dropped (cached). */
  get accepted_types(): MediaType[] {
    this.#accepted_types ??= parse_accept(String(this.headers.get('Accept', '*/*')))
    return this.#accepted_types
  }

  /** Accepted media types by specificity then quality: the order `accepted_type()` matches in (cached). */
  get accepted_types_by_precedence(): MediaType[] {
    this.#accepted_types_by_precedence ??= by_precedence(this.accepted_types)
    return this.#accepted_types_by_precedence
  }

  /** The most specific accepted type that `media_type` satisfies, or null. */
  accepted_type(media_type: string): MediaType | null {
    const offered = new MediaType(media_type)
    return this.accepted_types_by_precedence.find((accepted) => offered.match(accepted)) ?? null
  }

  /** The offered type whose matching accepted type ranks first in `accepted_types`, or null. */
  get_preferred_type(media_types: readonly string[]): string | null {
    return preferred_type(this.accepted_types, media_types, (media_type) => this.accepted_type(media_type))
  }

  /** True when the Accept header admits `media_type`. */
  accepts(media_type: string): boolean {
    return this.accepted_type(media_type) !== null
  }

  /** @internal Sets content_type/content_params from CONTENT_TYPE, and the encoding from a known charset. */
  _set_content_type_params(meta: Record<string, unknown>): void {
    const [content_type, params] = parse_header_parameters(String(meta.CONTENT_TYPE ?? ''))
    this.content_type = content_type
    this.content_params = params
    if ('charset' in params && is_known_codec(params.charset!)) this.encoding = params.charset!
  }

  /** @internal The host from X-Forwarded-Host / Host / SERVER_NAME:port, unvalidated. */
  _get_raw_host(): string {
    return host.get_raw_host(this)
  }

  /** The host (with port), validated against ALLOWED_HOSTS; DisallowedHost otherwise. */
  get_host(): string {
    return host.get_host(this)
  }

  /** The port, from X-Forwarded-Port (when trusted) or SERVER_PORT, as a string. */
  get_port(): string {
    return host.get_port(this)
  }

  /** The path plus query string, escaped (`/%3Bsome/?a=b`). */
  get_full_path(options: FullPathOptions | boolean = {}): string {
    return host.full_path(this, this.path, options)
  }

  /** The path_info plus query string, escaped. */
  get_full_path_info(options: FullPathOptions | boolean = {}): string {
    return host.full_path(this, this.path_info, options)
  }

  /** The absolute URI of `location` (default: this request's full path) on this request's scheme and host. */
  build_absolute_uri(location: unknown = null): string {
    return host.build_absolute_uri(this, location)
  }

  /** @internal `scheme://host` of this request (cached; may raise DisallowedHost). */
  get _current_scheme_host(): string {
    this.#current_scheme_host ??= `${this.scheme}://${this.get_host()}`
    return this.#current_scheme_host
  }

  /** @internal The transport scheme, when no proxy header decides. */
  _get_scheme(): string | null {
    return 'http'
  }

  /** `http` or `https`, honouring SECURE_PROXY_SSL_HEADER. */
  get scheme(): string | null {
    return host.scheme(this)
  }

  /** True when the scheme is https. */
  is_secure(): boolean {
    return this.scheme === 'https'
  }

  /** The charset GET/POST are decoded with (null: DEFAULT_CHARSET). Setting it drops the parsed GET and POST. */
  get encoding(): string | null {
    return this._encoding
  }
  set encoding(value: string | null) {
    this._encoding = value
    this.#GET = undefined
    this._post = undefined
  }

  /** @internal Fills `_upload_handlers` from FILE_UPLOAD_HANDLERS. */
  _initialize_handlers(): void {
    this._upload_handlers = this.settings.FILE_UPLOAD_HANDLERS.map((name) => load_handler(name, this))
  }

  /** The upload handlers multipart parsing will use (built from settings on first access). */
  get upload_handlers(): FileUploadHandler[] {
    if (!this._upload_handlers.length) this._initialize_handlers()
    return this._upload_handlers
  }
  set upload_handlers(value: FileUploadHandler[]) {
    if (this._files !== undefined) {
      throw new AttributeError('You cannot set the upload handlers after the upload has been processed.')
    }
    this._upload_handlers = value
  }

  /** Parses a multipart/form-data body into `[POST, FILES]`; the handler list is frozen first. */
  parse_file_upload(META: Record<string, unknown>, post_data: ByteReader): [QueryDict, MultiValueDict] {
    this.upload_handlers = ImmutableList.of_items(
      this.upload_handlers,
      'You cannot alter upload handlers after the upload has been processed.',
    )
    const parser = new MultiPartParser(META, post_data, this.upload_handlers, this.encoding, { settings: this.settings })
    return parser.parse()
  }

  /** The raw body (cached); after a stream read it raises RawPostDataException. */
  get body(): Uint8Array {
    return body.read_body(this)
  }

  /** @internal Empties POST and FILES after a parse error so later access does not raise again. */
  _mark_post_parse_error(): void {
    this._post = new QueryDict(null, { settings: this.settings })
    this._files = new MultiValueDict()
  }

  /** @internal Fills `_post` and `_files` for POSTs of form content types; other requests get empty ones. */
  _load_post_and_files(): void {
    body.load_post_and_files(this)
  }

  /** Closes every uploaded file. */
  close(): void {
    if (this._files === undefined) return
    for (const [, files] of this._files.lists()) {
      for (const file of files) (file as { close?: () => void }).close?.()
    }
  }

  /** `read(size=-1)` from the body stream; an OSError becomes UnreadablePostError. */
  read(size: number | null = -1): Uint8Array {
    return body.read_stream(this, (stream) => stream.read(size))
  }

  /** `readline(size=-1)` from the body stream; an OSError becomes UnreadablePostError. */
  readline(size: number | null = -1): Uint8Array {
    return body.read_stream(this, (stream) => readline_of(stream, size))
  }

  /** Iterates over the body's lines. */
  *[Symbol.iterator](): Iterator<Uint8Array> {
    for (let line = this.readline(); line.length > 0; line = this.readline()) yield line
  }

  /** Every remaining line of the body. */
  readlines(): Uint8Array[] {
    return [...this]
  }

  /**
   * The value of a cookie set with `set_signed_cookie()`. A missing cookie raises KeyError, a bad
   * or expired signature BadSignature/SignatureExpired, unless `default` is given.
   */
  get_signed_cookie<D = never>(key: string, options: GetSignedCookieOptions<D> = {}): string | D {
    const hasDefault = 'default' in options
    const cookies = this.COOKIES
    if (!Object.hasOwn(cookies, key)) {
      if (hasDefault) return options.default as D
      throw new KeyError(str_repr(key))
    }
    try {
      const { salt = '', max_age = null } = options
      return with_settings(this.settings, () => unsign_cookie(key, cookies[key]!, { salt, max_age }))
    } catch (error) {
      if (hasDefault && error instanceof BadSignature) return options.default as D
      throw error
    }
  }
}
