/** The test client's redirect following, shared by Client and AsyncClient. */
import { KeyError, PythonError } from '../core/exceptions.ts'
import { str_repr } from '../core/python.ts'
import { split_hostname, split_port, urljoin, urlsplit } from '../core/urllib.ts'
import { QueryDict } from '../http/query-dict.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import type { RequestDict, RequestOptions } from './request-factory.ts'

/** 301, 302, 303, 307 and 308: the statuses `follow=True` follows. */
export const REDIRECT_STATUS_CODES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/** A redirect chain looped, or ran past 20 redirects. */
export class RedirectCycleError extends PythonError {
  readonly last_response: HttpResponseBase
  readonly redirect_chain: Array<[string, number]>

  constructor(message: string, last_response: HttpResponseBase) {
    super(message)
    this.last_response = last_response
    this.redirect_chain = (last_response as { redirect_chain?: Array<[string, number]> }).redirect_chain ?? []
  }
}

/** A response as redirect following sees it. */
export interface RedirectingResponse extends HttpResponseBase {
  request: RequestDict
  redirect_chain?: Array<[string, number]>
}

/** What carries over from one hop to the next: the data, content type, headers, query params and environ extras. */
export interface RedirectState {
  data: unknown
  content_type: string | null | undefined
  headers: Record<string, string> | null
  query_params: RequestOptions['query_params']
  extra: Record<string, unknown>
}

/** Splits a request method's options into the state redirect following carries. */
export function redirect_state(data: unknown, options: RequestOptions & { follow?: boolean }): RedirectState {
  const { follow: _f, secure: _s, headers = null, query_params = null, content_type, ...extra } = options
  return { data, content_type, headers, query_params, extra }
}

/** `request[key]`, with Python's KeyError when the request dict lacks it (AsyncClient's dicts have no REQUEST_METHOD). */
function item(request: RequestDict, key: string): string {
  if (!(key in request)) throw new KeyError(str_repr(key))
  return String(request[key])
}

/**
 * One hop: records `(url, status)` in the chain and returns the method, path and options of the
 * next request (301/302/303 become a GET of the Location's query; 307/308 keep method and body).
 */
export function next_hop(response: RedirectingResponse, state: RedirectState): { method: string; path: string; options: RequestOptions } {
  const response_url = (response as unknown as { url: string }).url
  response.redirect_chain!.push([response_url, response.status_code])
  const url = urlsplit(response_url)
  const extra = state.extra
  if (url.scheme) extra['wsgi.url_scheme'] = url.scheme
  const hostname = split_hostname(url.netloc)
  if (hostname) extra.SERVER_NAME = extra.HTTP_HOST = hostname
  const port = split_port(url.netloc)
  if (port) extra.SERVER_PORT = String(port)
  let path = url.path
  // RFC 3986 §6.2.3: an empty path is "/".
  if (!path && url.netloc) path = '/'
  if (!path.startsWith('/')) path = urljoin(item(response.request, 'PATH_INFO'), path)
  let method = 'get'
  if (response.status_code === 307 || response.status_code === 308) {
    method = item(response.request, 'REQUEST_METHOD').toLowerCase()
    if (method !== 'get' && method !== 'head') extra.QUERY_STRING = url.query
  } else {
    state.data = new QueryDict(url.query)
    state.content_type = null
  }
  const options: RequestOptions = { ...extra, headers: state.headers, query_params: state.query_params }
  if (state.content_type !== undefined) options.content_type = state.content_type
  return { method, path, options }
}

/** Raises RedirectCycleError for a repeated hop or a chain longer than 20. */
export function ensure_not_cyclic(response: RedirectingResponse): void {
  const chain = response.redirect_chain!
  const [url, status] = chain.at(-1)!
  if (chain.slice(0, -1).some(([u, s]) => u === url && s === status)) throw new RedirectCycleError('Redirect loop detected.', response)
  if (chain.length > 20) throw new RedirectCycleError('Too many redirects.', response)
}
