/** Routing results checked against real Django 5.2.19 (Python 3.13.5), run once on the oracle machine. */
import { describe, expect, it } from 'vitest'
import { resolve, reverse } from '../urls/base.ts'
import { include, path, re_path } from '../urls/conf.ts'
import type { URLconfModule } from '../urls/resolvers.ts'
import { in_module } from './fixtures/urlconfs/views.ts'
import { HttpResponse } from '../http/response.ts'

const v = in_module('probe', function v() {
  return new HttpResponse('')
})
const inner: URLconfModule = {
  __name__: 'probe_inner',
  app_name: 'inner',
  urlpatterns: [path('x-<int:pk>/ü/', v, { name: 'ix' }), re_path('^r/(?P<a>\\w+)~&#/$', v, { name: 'ir' })],
}
const urlconf: URLconfModule = {
  __name__: 'probe_urls',
  urlpatterns: [
    path('a b/<slug:s>/', v, { name: 'sp' }),
    path('café/<str:s>/', v, { kwargs: { k: [1, 'x'] }, name: 'cafe' }),
    path('inc/<int:n>/', include(inner, 'ns')),
    re_path('^q/(\\d+)/(?:x(\\d+))?$', v, { name: 'q' }),
  ],
}

function outcome(fn: () => unknown): string {
  try {
    return String(fn())
  } catch (error) {
    return `${(error as Error).name} ${(error as Error).message}`
  }
}

const cases: Array<[() => unknown, string]> = [
  [() => reverse('sp', { urlconf }), "NoReverseMatch Reverse for 'sp' with no arguments not found. 1 pattern(s) tried: ['a\\\\ b/(?P<s>[-a-zA-Z0-9_]+)/\\\\Z']"],
  [() => reverse('sp', { urlconf, args: ['x y'] }), "NoReverseMatch Reverse for 'sp' with arguments '('x y',)' not found. 1 pattern(s) tried: ['a\\\\ b/(?P<s>[-a-zA-Z0-9_]+)/\\\\Z']"],
  [() => reverse('sp', { urlconf, kwargs: { s: 'é' } }), "NoReverseMatch Reverse for 'sp' with keyword arguments '{'s': 'é'}' not found. 1 pattern(s) tried: ['a\\\\ b/(?P<s>[-a-zA-Z0-9_]+)/\\\\Z']"],
  [() => reverse('cafe', { urlconf, kwargs: { s: 'ü/' } }), "NoReverseMatch Reverse for 'cafe' with keyword arguments '{'s': 'ü/'}' not found. 1 pattern(s) tried: ['café/(?P<s>[^/]+)/\\\\Z']"],
  [() => reverse('cafe', { urlconf, kwargs: { s: 'ü?#', k: [1, 'x'] } }), '/caf%C3%A9/%C3%BC%3F%23/'],
  [() => reverse('cafe', { urlconf, kwargs: { s: 'a', k: [2] } }), "NoReverseMatch Reverse for 'cafe' with keyword arguments '{'s': 'a', 'k': [2]}' not found. 1 pattern(s) tried: ['café/(?P<s>[^/]+)/\\\\Z']"],
  [() => reverse('ns:ix', { urlconf, args: [3] }), "NoReverseMatch Reverse for 'ix' with arguments '(3,)' not found. 1 pattern(s) tried: ['inc/(?P<n>[0-9]+)/x\\\\-(?P<pk>[0-9]+)/ü/\\\\Z']"],
  [() => reverse('ns:ix', { urlconf, kwargs: { n: 3, pk: 4 } }), '/inc/3/x-4/%C3%BC/'],
  [() => reverse('ns:ir', { urlconf, kwargs: { n: 3, a: 'zz' } }), '/inc/3/r/zz~&%23/'],
  [() => reverse('ns:ir', { urlconf, args: [1] }), "NoReverseMatch Reverse for 'ir' with arguments '(1,)' not found. 1 pattern(s) tried: ['inc/(?P<n>[0-9]+)/r/(?P<a>\\\\w+)~&#/$']"],
  [() => reverse('q', { urlconf, args: ['1'] }), '/q/1/'],
  [() => reverse('q', { urlconf, args: ['1', '2'] }), '/q/1/x2'],
  [() => reverse('q', { urlconf, args: ['a'] }), "NoReverseMatch Reverse for 'q' with arguments '('a',)' not found. 1 pattern(s) tried: ['q/(\\\\d+)/(?:x(\\\\d+))?$']"],
  [() => resolve('/café/zz/', urlconf), "ResolverMatch(func=probe.v, args=(), kwargs={'s': 'zz', 'k': [1, 'x']}, url_name='cafe', app_names=[], namespaces=[], route='café/<str:s>/', captured_kwargs={'s': 'zz'}, extra_kwargs={'k': [1, 'x']})"],
  [() => resolve('/inc/7/x-8/ü/', urlconf), "ResolverMatch(func=probe.v, args=(), kwargs={'n': 7, 'pk': 8}, url_name='ix', app_names=['inner'], namespaces=['ns'], route='inc/<int:n>/x-<int:pk>/ü/', captured_kwargs={'pk': 8})"],
  [() => resolve('/q/5/x6', urlconf), "ResolverMatch(func=probe.v, args=('5', '6'), kwargs={}, url_name='q', app_names=[], namespaces=[], route='^q/(\\\\d+)/(?:x(\\\\d+))?$')"],
  [() => resolve('/q/5/', urlconf), "ResolverMatch(func=probe.v, args=('5', None), kwargs={}, url_name='q', app_names=[], namespaces=[], route='^q/(\\\\d+)/(?:x(\\\\d+))?$')"],
  [() => resolve('/nope/', urlconf), "Resolver404 {'tried': [[<URLPattern 'a b/<slug:s>/' [name='sp']>], [<URLPattern 'café/<str:s>/' [name='cafe']>], [<URLResolver <module 'probe_inner'> (inner:ns) 'inc/<int:n>/'>], [<URLPattern '^q/(\\d+)/(?:x(\\d+))?$' [name='q']>]], 'path': 'nope/'}"],
  [() => resolve('/inc/7/nope', urlconf), "Resolver404 {'tried': [[<URLPattern 'a b/<slug:s>/' [name='sp']>], [<URLPattern 'café/<str:s>/' [name='cafe']>], [<URLResolver <module 'probe_inner'> (inner:ns) 'inc/<int:n>/'>, <URLPattern 'x-<int:pk>/ü/' [name='ix']>], [<URLResolver <module 'probe_inner'> (inner:ns) 'inc/<int:n>/'>, <URLPattern '^r/(?P<a>\\w+)~&#/$' [name='ir']>], [<URLPattern '^q/(\\d+)/(?:x(\\d+))?$' [name='q']>]], 'path': 'inc/7/nope'}"],
  [() => resolve('nope', urlconf), "Resolver404 {'path': 'nope'}"],
]

describe('routing matches Django 5.2.19', () => {
  cases.forEach(([fn, expected], i) => {
    it(`case ${i}`, () => expect(outcome(fn)).toBe(expected))
  })
})
