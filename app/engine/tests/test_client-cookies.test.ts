/** The Client's cookie jar and the dict `response.request`, as spec §1.4, §1.10 and §1.11 pin them. */
// django: django/test/client.py behaviour exercised by tests/test_client/tests.py and tests/test_client_regress
// (cookies set by views persist; deleted cookies are not expired from the jar; exceptions skip the merge).
import { beforeEach, describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { KeyError, ValueError } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { Database, set_database } from '../db/connection.ts'
import type { HttpRequest } from '../http/request.ts'
import { Http404, HttpResponseRedirect } from '../http/response-subclasses.ts'
import { HttpResponse } from '../http/response.ts'
import { Client } from '../testing/client.ts'
import { path } from '../urls/conf.ts'
import { text } from './fixtures/test_client/assertions.ts'
import { site_settings } from './fixtures/test_client/urls.ts'

register_import('test_client_cookies.urls', {
  urlpatterns: [
    path('set/<str:name>/<str:value>/', (_request: HttpRequest, { name, value }: { name: string; value: string }) => {
      const response = new HttpResponse('set')
      response.set_cookie(name, value)
      return response
    }),
    path('delete/<str:name>/', (_request: HttpRequest, { name }: { name: string }) => {
      const response = new HttpResponse('deleted')
      response.delete_cookie(name)
      return response
    }),
    path('echo/', (request: HttpRequest) => new HttpResponse(String(request.META.HTTP_COOKIE))),
    path('set_then_raise/', () => {
      const response = new HttpResponse()
      response.set_cookie('lost', 'x')
      throw new KeyError("'boom'")
    }),
    path('not_found/', () => {
      throw new Http404('nothing here')
    }),
    path('', (request: HttpRequest) => new HttpResponse(`${request.method} ${request.GET.urlencode()}`)),
    path('go/', () => new HttpResponseRedirect('/?from=redirect')),
  ],
})

const settings = site_settings('test_client_cookies.urls')
const run = (fn: (client: Client) => void) => () => with_settings(settings, () => fn(new Client()))

beforeEach(() => set_database(new Database()))

describe('Client cookie jar', () => {
  it('cookies set by views persist and are sent back, sorted by "name=value"', run((client) => {
    expect(text(client.get('/echo/'))).toBe('')
    client.get('/set/zeta/1/')
    client.get('/set/alpha/2/')
    expect(text(client.get('/echo/'))).toBe('alpha=2; zeta=1')
    expect(client.cookies.get('zeta')!.value).toBe('1')
  }))

  it('QUIRK: a deleted cookie stays in the jar and is sent back empty', run((client) => {
    client.get('/set/sid/abc/')
    const deleted = client.get('/delete/sid/')
    expect(deleted.cookies.get('sid')!.OutputString()).toBe('sid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/')
    expect(text(client.get('/echo/'))).toBe('sid=""')
  }))

  it('a re-raised exception skips the cookie merge', run((client) => {
    expect(() => client.get('/set_then_raise/')).toThrow(KeyError)
    expect(client.cookies.has('lost')).toBe(false)
    expect(client.exc_info).toBeNull()
  }))

  it('logout() empties the whole jar', run((client) => {
    client.get('/set/keep/1/')
    client.logout()
    expect(text(client.get('/echo/'))).toBe('')
  }))

  it('exc_info is null for the exceptions that become 4xx responses', () =>
    with_settings(settings, () => {
      const client = new Client({ raise_request_exception: false })
      const response = client.get('/not_found/')
      expect(response.status_code).toBe(404)
      expect(response.exc_info).toBeNull()
      const broken = client.get('/set_then_raise/')
      expect(broken.status_code).toBe(500)
      expect(broken.exc_info![0]).toBe(KeyError)
    }))
})

describe('response.request', () => {
  it('is the per-request dict generic() built, not the whole environ', run((client) => {
    expect(client.get('/?a=1').request).toEqual({
      PATH_INFO: '/',
      REQUEST_METHOD: 'GET',
      SERVER_PORT: '80',
      'wsgi.url_scheme': 'http',
      QUERY_STRING: 'a=1',
    })
    const post = client.post('/', { b: '2' }, { secure: true, HTTP_X_EXTRA: 'e' }).request
    expect(Object.keys(post).sort()).toEqual(
      ['CONTENT_LENGTH', 'CONTENT_TYPE', 'HTTP_X_EXTRA', 'PATH_INFO', 'QUERY_STRING', 'REQUEST_METHOD', 'SERVER_PORT', 'wsgi.input', 'wsgi.url_scheme'],
    )
    expect([post.SERVER_PORT, post['wsgi.url_scheme'], post.CONTENT_TYPE]).toEqual(['443', 'https', 'multipart/form-data; boundary=BoUnDaRyStRiNg'])
    // An empty POST body still has the multipart closing line: 20 bytes.
    expect(client.post('/', {}).request.CONTENT_LENGTH).toBe('20')
  }))

  it('paths starting with // take their first segment as the host (urlsplit)', run((client) => {
    expect(client.get('//foo/bar').request.PATH_INFO).toBe('/bar')
    expect(client.get('////x/y').request.PATH_INFO).toBe('//x/y')
  }))
})

describe('follow with query_params', () => {
  it('QUIRK: query_params and a redirect to a URL with a query string raise ValueError (spec §1.11)', run((client) => {
    expect(() => client.get('/go/', null, { query_params: { q: '1' }, follow: true })).toThrow(
      new ValueError('query_params and data arguments are mutually exclusive.'),
    )
    // Without query_params the redirect's query string is followed.
    expect(text(client.get('/go/', null, { follow: true }))).toBe('GET from=redirect')
  }))
})
