/** Django's redirect() shortcut tests: status codes (permanent, preserve_request) and what it redirects to. */
// django: tests/shortcuts/tests.py (RedirectTests) and tests/urlpatterns_reverse/tests.py (ReverseShortcutTests)
// Skipped: render() tests (no templates), test_reverse_by_path_nested (urlpatterns_reverse's own URLconf).
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { register_import } from '../core/module-loading.ts'
import type { HttpRequest } from '../http/request.ts'
import {
  HttpResponsePermanentRedirect,
  HttpResponseRedirect,
  HttpResponseRedirectBase,
} from '../http/response-subclasses.ts'
import { HttpResponse } from '../http/response.ts'
import { redirect } from '../shortcuts.ts'
import { Client } from '../testing/client.ts'
import { path, re_path } from '../urls/conf.ts'
import { NoReverseMatch } from '../urls/exceptions.ts'

const empty_view = () => new HttpResponse()
/** urlpatterns_reverse/views.py's absolute_kwargs_view. */
function absolute_kwargs_view(_request: HttpRequest, _kwargs?: Record<string, unknown>) {
  return new HttpResponse()
}

register_import('shortcuts_tests.urls', {
  urlpatterns: [
    re_path('^hardcoded/doc\\.pdf$', empty_view, { name: 'hardcoded2' }),
    re_path('^places/([0-9]+)/$', empty_view, { name: 'places' }),
    re_path('^headlines/(?P<year>[0-9]+)\\.(?P<month>[0-9]+)\\.(?P<day>[0-9]+)/$', empty_view, { name: 'headlines' }),
    re_path('^absolute_arg_view/(?P<arg1>[0-9]+)/$', absolute_kwargs_view),
    re_path('^absolute_arg_view/$', absolute_kwargs_view),
    // Views that answer with redirect(), for the client tests below.
    path('to_named/', () => redirect('places', 3)),
    path('keep_method/', (request: HttpRequest) =>
      request.method === 'POST' ? redirect('/target/', { preserve_request: true }) : new HttpResponse('moved'),
    ),
    path('keep_method_permanently/', (request: HttpRequest) =>
      request.method === 'POST' ? redirect('/target/', { permanent: true, preserve_request: true }) : new HttpResponse(),
    ),
    path('target/', (request: HttpRequest) => new HttpResponse(`${request.method} ${request.POST.get('value')}`)),
  ],
})

const settings = make_settings({ ROOT_URLCONF: 'shortcuts_tests.urls', ALLOWED_HOSTS: ['testserver'] })
const run = (fn: () => void) => () => with_settings(settings, fn)

describe('RedirectTests', () => {
  it('test_redirect_response_status_code', run(() => {
    const tests: Array<[boolean, boolean, number, typeof HttpResponseRedirectBase]> = [
      [true, false, 301, HttpResponsePermanentRedirect],
      [false, false, 302, HttpResponseRedirect],
      [false, true, 307, HttpResponseRedirect],
      [true, true, 308, HttpResponsePermanentRedirect],
    ]
    for (const [permanent, preserve_request, expected_status_code, cls] of tests) {
      const response = redirect('/path/is/irrelevant/', { permanent, preserve_request })
      expect(response).toBeInstanceOf(HttpResponseRedirectBase)
      expect(response).toBeInstanceOf(cls)
      expect(response.status_code, `permanent=${permanent} preserve_request=${preserve_request}`).toBe(expected_status_code)
      expect(response.url).toBe('/path/is/irrelevant/')
    }
  }))

  it('the client follows a preserve_request redirect with the same method and body', run(() => {
    const client = new Client()
    for (const [url, code] of [['/keep_method/', 307], ['/keep_method_permanently/', 308]] as const) {
      const response = client.post(url, { value: 'kept' }, { follow: true }) as unknown as HttpResponse & {
        redirect_chain: Array<[string, number]>
      }
      expect(response.redirect_chain).toEqual([['/target/', code]])
      expect(response.text).toBe('POST kept')
    }
  }))
})

describe('ReverseShortcutTests', () => {
  it('test_redirect_to_object', run(() => {
    // Anything with get_absolute_url() will do.
    const obj = { get_absolute_url: () => '/hi-there/' }
    let res = redirect(obj)
    expect(res).toBeInstanceOf(HttpResponseRedirect)
    expect(res.url).toBe('/hi-there/')
    res = redirect(obj, { permanent: true })
    expect(res).toBeInstanceOf(HttpResponsePermanentRedirect)
    expect(res.url).toBe('/hi-there/')
  }))

  it('test_redirect_to_view_name', run(() => {
    expect(redirect('hardcoded2').url).toBe('/hardcoded/doc.pdf')
    expect(redirect('places', 1).url).toBe('/places/1/')
    expect(redirect('headlines', { kwargs: { year: '2008', month: '02', day: '17' } }).url).toBe('/headlines/2008.02.17/')
    expect(() => redirect('not-a-view')).toThrow(NoReverseMatch)
  }))

  it('test_redirect_to_url', run(() => {
    expect(redirect('/foo/').url).toBe('/foo/')
    expect(redirect('http://example.com/').url).toBe('http://example.com/')
    // UTF-8 paths are IRI-encoded.
    expect(redirect('/æøå/abc/').url).toBe('/%C3%A6%C3%B8%C3%A5/abc/')
    // A dotted relative path is not imported, just used.
    expect(redirect('/æøå.abc/').url).toBe('/%C3%A6%C3%B8%C3%A5.abc/')
    expect(redirect('os.path').url).toBe('os.path')
  }))

  it('test_no_illegal_imports', run(() => {
    // A dotted name that is no view is a URL, not something to import.
    expect(redirect('urlpatterns_reverse.nonimported_module.view').url).toBe('urlpatterns_reverse.nonimported_module.view')
  }))

  it('test_redirect_view_object', run(() => {
    expect(redirect(absolute_kwargs_view).url).toBe('/absolute_arg_view/')
    expect(() => redirect(absolute_kwargs_view, { kwargs: { wrong_argument: null } })).toThrow(NoReverseMatch)
  }))

  it('a view answering redirect() to a view name, through the Client', run(() => {
    const response = new Client().get('/to_named/')
    expect([response.status_code, response.get('Location')]).toEqual([302, '/places/3/'])
  }))
})
