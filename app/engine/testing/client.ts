/**
 * Port of django/test/client.py's Client: a RequestFactory that runs each request through the
 * site's middleware and views (synchronously), keeps cookies, follows redirects and logs in.
 */
import type { AuthUser } from '../auth/backends.ts'
import type { QueryInput } from '../core/http.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { SessionBase } from '../sessions/base.ts'
import { resolve } from '../urls/base.ts'
import type { ResolverMatch } from '../urls/resolver-match.ts'
import type { URLConf } from '../urls/resolvers.ts'
import { ClientHandler } from './client-handler.ts'
import {
  capture_request_exceptions,
  check_exception,
  client_force_login,
  client_login,
  client_logout,
  client_session,
  parse_json,
} from './client-mixin.ts'
import { ensure_not_cyclic, next_hop, REDIRECT_STATUS_CODES, redirect_state } from './redirects.ts'
import { RequestFactory, type RequestDict, type RequestFactoryOptions, type RequestOptions } from './request-factory.ts'

/** Keyword arguments of `new Client()`: the rest are environ keys sent with every request. */
export interface ClientOptions extends RequestFactoryOptions {
  enforce_csrf_checks?: boolean
  raise_request_exception?: boolean
}

/** Keyword arguments of a Client request method. */
export interface ClientRequestOptions extends RequestOptions {
  /** Follow redirects, recording them in `response.redirect_chain`. */
  follow?: boolean
}

/** What the client adds to every response it returns. */
export interface ClientResponse extends HttpResponseBase {
  client: Client
  request: RequestDict
  wsgi_request: HttpRequest
  exc_info: unknown[] | null
  templates: unknown[]
  context: unknown
  redirect_chain?: Array<[string, number]>
  resolver_match: ResolverMatch
  json(): unknown
}

/** Django's test Client (sync). Async views need AsyncClient. */
export class Client extends RequestFactory {
  handler: ClientHandler
  raise_request_exception: boolean
  exc_info: unknown[] | null = null
  /** The extras and headers of the last request method call. */
  extra: Record<string, unknown> | null = null
  headers: Record<string, string> | null = null

  constructor(options: ClientOptions = {}) {
    const { enforce_csrf_checks = false, raise_request_exception = true, ...rest } = options
    super(rest)
    this.handler = new ClientHandler(enforce_csrf_checks)
    this.raise_request_exception = raise_request_exception
  }

  /** Runs one request through the handler and dresses the response. */
  override request(request: RequestDict): ClientResponse {
    const environ = this._base_environ(request)
    const stop_capture = capture_request_exceptions(this)
    let response: HttpResponseBase
    try {
      response = this.handler.__call__(environ)
    } finally {
      stop_capture()
    }
    check_exception(this, response)
    return dress_response(this, response, request, (response as ClientResponse).wsgi_request, String(request.PATH_INFO))
  }

  override get(path: string, data: QueryInput | null = null, options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.get(path, data, options))
  }

  override post(path: string, data: unknown = null, options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.post(path, data, options))
  }

  override head(path: string, data: QueryInput | null = null, options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.head(path, data, options))
  }

  override options(path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.options(path, data, options))
  }

  override put(path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.put(path, data, options))
  }

  override patch(path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.patch(path, data, options))
  }

  override delete(path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.delete(path, data, options))
  }

  override trace(path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return this.#send(data, options, () => super.trace(path, data, options))
  }

  override generic(method: string, path: string, data: unknown = '', options: ClientRequestOptions = {}): ClientResponse {
    return super.generic(method, path, data, options) as ClientResponse
  }

  #send(data: unknown, options: ClientRequestOptions, send: () => unknown): ClientResponse {
    const { follow = false, secure: _s, headers = null, query_params: _q, content_type: _c, ...extra } = options
    this.extra = extra
    this.headers = headers
    const response = send() as ClientResponse
    return follow ? this._handle_redirects(response, data, options) : response
  }

  /** Follows redirects (301/302/303 as GET; 307/308 keep method and body) and records the chain. */
  _handle_redirects(response: ClientResponse, data: unknown, options: ClientRequestOptions): ClientResponse {
    const state = redirect_state(data, options)
    response.redirect_chain = []
    while (REDIRECT_STATUS_CODES.has(response.status_code)) {
      const chain: Array<[string, number]> = response.redirect_chain
      const { method, path, options: next } = next_hop(response, state)
      response = this.#method(method)(path, state.data, { ...next, follow: false })
      response.redirect_chain = chain
      ensure_not_cyclic(response)
    }
    return response
  }

  #method(name: string): (path: string, data: unknown, options: ClientRequestOptions) => ClientResponse {
    const fn = (this as unknown as Record<string, unknown>)[name]
    return (fn as (path: string, data: unknown, options: ClientRequestOptions) => ClientResponse).bind(this)
  }

  /** A store over the jar's session cookie (a new, saved session when there is none). */
  get session(): SessionBase {
    return client_session(this)
  }

  /** Authenticates with `credentials` and logs in; false when they are wrong. */
  login(credentials: Record<string, unknown>): boolean {
    return client_login(this, credentials)
  }

  /** Logs `user` in without checking a password. */
  force_login(user: AuthUser, backend: string | null = null): void {
    client_force_login(this, user, backend)
  }

  /** Logs out and empties the cookie jar. */
  logout(): void {
    client_logout(this)
  }
}

const LAZY_MATCH = Symbol('resolver_match')

/** What `dress_response` keeps for the lazy `resolver_match` (Django's SimpleLazyObject). */
interface Dressed {
  [LAZY_MATCH]: { path: string; urlconf: URLConf | string | null; match: ResolverMatch | undefined }
}

function lazyResolverMatch(this: Dressed): ResolverMatch {
  const lazy = this[LAZY_MATCH]
  return (lazy.match ??= resolve(lazy.path, lazy.urlconf))
}

/** Attaches what Django's client adds to a response: client, request, json(), a lazy resolver_match. */
export function dress_response<C extends object>(
  client: C,
  response: HttpResponseBase,
  request: RequestDict,
  handled: HttpRequest,
  path: string,
): ClientResponse {
  const dressed = response as ClientResponse
  ;(dressed as unknown as { client: C }).client = client
  dressed.request = request
  dressed.templates = []
  dressed.context = null
  dressed.json = () => parse_json(dressed)
  const urlconf = handled.urlconf as URLConf | string | undefined
  ;(dressed as unknown as Dressed)[LAZY_MATCH] = { path, urlconf: urlconf ?? null, match: undefined }
  // One shared getter: a fresh closure per response gives each its own hidden class, which V8
  // keeps reachable until a full GC, so every response (and its request) outlived the scavenges.
  Object.defineProperty(dressed, 'resolver_match', { configurable: true, get: lazyResolverMatch })
  const jar = (client as unknown as { cookies: { setitem(k: string, v: unknown): void } }).cookies
  for (const [key, morsel] of response.cookies.items()) jar.setitem(key, morsel)
  return dressed
}

// Django's django.test.client module holds both clients.
export { AsyncClient } from './async-client.ts'
