/**
 * Port of django/test/client.py's AsyncRequestFactory: builds ASGI requests (scopes) the way
 * AsyncClient sends them, with Django's quirks (every extra becomes a header).
 */
import { get_settings } from '../conf/context.ts'
import { decode, encode, latin1_encode } from '../core/encoding.ts'
import { urlencode } from '../core/http.ts'
import { pystr } from '../core/python.ts'
import { urlsplit } from '../core/urllib.ts'
import { ASGIRequest, type AsgiScope } from '../handlers/asgi-request.ts'
import { LimitedStream } from '../handlers/wsgi.ts'
import { HttpHeaders } from '../http/headers.ts'
import { FakePayload } from './fake-payload.ts'
import { RequestFactory, truthy_query, type RequestDict, type RequestOptions } from './request-factory.ts'

const ascii = (text: string): Uint8Array => latin1_encode(text)

/** The request dict of an async request: the scope entries `generic()` set (what `response.request` shows). */
export type ScopeDict = RequestDict

/** Django's AsyncRequestFactory: `await`-free, it builds ASGIRequests; AsyncClient runs them. */
export class AsyncRequestFactory extends RequestFactory {
  /** The scope of every request: a minimal HTTP scope, `defaults`, this request's entries, then the cookie header. */
  _base_scope(request: ScopeDict): AsgiScope {
    // Django appends the cookie header to the request's own list, so `response.request` shows it too.
    const headers = (request.headers as AsgiScope['headers']) ?? []
    const scope = {
      asgi: { version: '3.0' },
      type: 'http',
      http_version: '1.1',
      client: ['127.0.0.1', 0],
      server: ['testserver', '80'],
      scheme: 'http',
      method: 'GET',
      ...this.defaults,
      ...request,
      headers,
    } as AsgiScope
    const cookie = this.cookies
      .values()
      .map((morsel) => `${morsel.key}=${morsel.coded_value}`)
      .sort()
      .join('; ')
    headers.push([ascii('cookie'), ascii(cookie)])
    return scope
  }

  /** Builds the ASGIRequest over the body `generic()` carried in `_body_file`. */
  override request(request: ScopeDict): unknown {
    const { _body_file, ...rest } = request
    const body = (_body_file as FakePayload | undefined) ?? new FakePayload('')
    return new ASGIRequest(this._base_scope(rest), new LimitedStream(body, body.length))
  }

  override generic(method: string, path: string, data: unknown = '', options: RequestOptions = {}): unknown {
    const { secure = false, headers = null, query_params = null, content_type = 'application/octet-stream', follow: _f, ...given } = options
    const parsed = urlsplit(String(path))
    const charset = get_settings().DEFAULT_CHARSET
    const body = data instanceof Uint8Array ? (charset === 'utf-8' ? data : encode(decode(data, 'utf-8'), charset)) : encode(pystr(data ?? 'None'), charset)
    const scope_headers: Array<[Uint8Array, Uint8Array]> = [[ascii('host'), ascii('testserver')]]
    const s: ScopeDict = {
      method,
      path: this._get_path(parsed),
      server: ['127.0.0.1', secure ? '443' : '80'],
      scheme: secure ? 'https' : 'http',
      headers: scope_headers,
    }
    const extra: Record<string, unknown> = Object.keys(this.defaults).length ? { ...this.defaults, ...given } : given
    if (body.length) {
      scope_headers.push([ascii('content-length'), ascii(String(body.length))], [ascii('content-type'), ascii(String(content_type))])
      s._body_file = new FakePayload(body)
    }
    if (truthy_query(query_params)) {
      s.query_string = urlencode(query_params, true)
    } else {
      // Django pops QUERY_STRING only here: with query_params it stays, and becomes a header.
      const query_string = extra.QUERY_STRING
      delete extra.QUERY_STRING
      s.query_string = query_string ? query_string : parsed.query
    }
    if (headers) Object.assign(extra, HttpHeaders.to_asgi_names(headers))
    // Django's quirk: every remaining extra, environ-style or not, becomes a header (`_` → `-`, as
    // 5.2.19's ASGIRequest drops header names with underscores).
    for (const [key, value] of Object.entries(extra)) {
      scope_headers.push([ascii(key.toLowerCase().replaceAll('_', '-')), latin1_encode(String(value))])
    }
    return this.request(s)
  }
}
