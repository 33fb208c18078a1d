/**
 * Port of django/test/client.py's AsyncClientHandler and AsyncClient: the test client for async
 * views, running requests through the middleware chain in async mode as an ASGI server would.
 */
import type { AuthUser } from '../auth/backends.ts'
import type { QueryInput } from '../core/http.ts'
import { request_started } from '../core/signals.ts'
import { ASGIRequest, type AsgiScope } from '../handlers/asgi-request.ts'
import { BaseHandler } from '../handlers/base.ts'
import { LimitedStream } from '../handlers/wsgi.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { SessionBase } from '../sessions/base.ts'
import { AsyncRequestFactory } from './async-request-factory.ts'
import { close_when_done, conditional_content_removal } from './client-handler.ts'
import {
  capture_request_exceptions,
  check_exception,
  client_force_login,
  client_login,
  client_logout,
  client_session,
} from './client-mixin.ts'
import { dress_response, type ClientOptions, type ClientRequestOptions, type ClientResponse } from './client.ts'
import { FakePayload } from './fake-payload.ts'
import { ensure_not_cyclic, next_hop, REDIRECT_STATUS_CODES, redirect_state } from './redirects.ts'
import type { RequestDict } from './request-factory.ts'

/** What AsyncClient adds to a response: `asgi_request` instead of `wsgi_request`. */
export interface AsyncClientResponse extends Omit<ClientResponse, 'wsgi_request' | 'client'> {
  client: AsyncClient
  asgi_request: HttpRequest
}

/** Runs an AsyncClient's scope through the middleware and view in async mode. */
export class AsyncClientHandler extends BaseHandler {
  constructor(readonly enforce_csrf_checks = true) {
    super()
  }

  /** Django's `async __call__(scope)`. */
  async __call__(scope: AsgiScope & { _body_file?: FakePayload }): Promise<HttpResponseBase> {
    if (this._middleware_chain === null) this.load_middleware(true)
    const body_file = scope._body_file ?? new FakePayload('')
    delete scope._body_file
    await request_started.asend(AsyncClientHandler, { scope })
    const request = new ASGIRequest(scope, new LimitedStream(body_file, body_file.length))
    request._dont_enforce_csrf_checks = !this.enforce_csrf_checks
    const response = await this.get_response_async(request)
    conditional_content_removal(request, response)
    ;(response as HttpResponseBase & { asgi_request?: HttpRequest }).asgi_request = request
    close_when_done(response)
    return response
  }
}

/** Django's AsyncClient: the Client's API, every request method returning a promise. */
export class AsyncClient extends AsyncRequestFactory {
  handler: AsyncClientHandler
  raise_request_exception: boolean
  exc_info: unknown[] | null = null
  extra: Record<string, unknown> | null = null
  headers: Record<string, string> | null = null

  constructor(options: ClientOptions = {}) {
    const { enforce_csrf_checks = false, raise_request_exception = true, ...rest } = options
    super(rest)
    this.handler = new AsyncClientHandler(enforce_csrf_checks)
    this.raise_request_exception = raise_request_exception
  }

  /** Runs one request and dresses the response. */
  override async request(request: RequestDict): Promise<AsyncClientResponse> {
    const scope = this._base_scope(request) as AsgiScope & { _body_file?: FakePayload }
    const stop_capture = capture_request_exceptions(this)
    let response: HttpResponseBase
    try {
      response = await this.handler.__call__(scope)
    } finally {
      stop_capture()
    }
    check_exception(this, response)
    const asgi_request = (response as AsyncClientResponse).asgi_request
    return dress_response(this, response, request, asgi_request, String(request.path)) as unknown as AsyncClientResponse
  }

  override get(path: string, data: QueryInput | null = null, options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.get(path, data, options))
  }

  override post(path: string, data: unknown = null, options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.post(path, data, options))
  }

  override head(path: string, data: QueryInput | null = null, options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.head(path, data, options))
  }

  override options(path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.options(path, data, options))
  }

  override put(path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.put(path, data, options))
  }

  override patch(path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.patch(path, data, options))
  }

  override delete(path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.delete(path, data, options))
  }

  override trace(path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return this.#send(data, options, () => super.trace(path, data, options))
  }

  override generic(method: string, path: string, data: unknown = '', options: ClientRequestOptions = {}): Promise<AsyncClientResponse> {
    return super.generic(method, path, data, options) as Promise<AsyncClientResponse>
  }

  async #send(data: unknown, options: ClientRequestOptions, send: () => unknown): Promise<AsyncClientResponse> {
    const { follow = false, secure: _s, headers = null, query_params: _q, content_type: _c, ...extra } = options
    this.extra = extra
    this.headers = headers
    const response = (await send()) as AsyncClientResponse
    return follow ? this._ahandle_redirects(response, data, options) : response
  }

  /** The async twin of Client's redirect following. */
  async _ahandle_redirects(response: AsyncClientResponse, data: unknown, options: ClientRequestOptions): Promise<AsyncClientResponse> {
    const state = redirect_state(data, options)
    response.redirect_chain = []
    while (REDIRECT_STATUS_CODES.has(response.status_code)) {
      const chain: Array<[string, number]> = response.redirect_chain
      const { method, path, options: next } = next_hop(response, state)
      const send = (this as unknown as Record<string, (p: string, d: unknown, o: ClientRequestOptions) => Promise<AsyncClientResponse>>)[method]!
      response = await send.call(this, path, state.data, { ...next, follow: false })
      response.redirect_chain = chain
      ensure_not_cyclic(response)
    }
    return response
  }

  /** `await client.asession()`: the session store over the jar's session cookie. */
  async asession(): Promise<SessionBase> {
    return client_session(this)
  }

  /** The session store (sync access, as Django's `client.session` property). */
  get session(): SessionBase {
    return client_session(this)
  }

  /** Authenticates and logs in. */
  async alogin(credentials: Record<string, unknown>): Promise<boolean> {
    return client_login(this, credentials)
  }

  /** Logs `user` in without a password. */
  async aforce_login(user: AuthUser, backend: string | null = null): Promise<void> {
    client_force_login(this, user, backend)
  }

  /** Logs out and empties the jar. */
  async alogout(): Promise<void> {
    client_logout(this)
  }

  /** Sync login, as ClientMixin offers it to AsyncClient too. */
  login(credentials: Record<string, unknown>): boolean {
    return client_login(this, credentials)
  }

  /** Sync force_login. */
  force_login(user: AuthUser, backend: string | null = null): void {
    client_force_login(this, user, backend)
  }

  /** Sync logout. */
  logout(): void {
    client_logout(this)
  }
}
