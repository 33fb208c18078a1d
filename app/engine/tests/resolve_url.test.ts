/** Django's ResolveUrlTests: resolve_url() with paths, relative URLs, full URLs, objects, views and view names. */
// django: tests/resolve_url/tests.py
// Skipped: test_lazy_reverse (the engine has no reverse_lazy).
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { register_import } from '../core/module-loading.ts'
import { HttpResponse } from '../http/response.ts'
import { resolve_url } from '../shortcuts.ts'
import { path } from '../urls/conf.ts'
import { NoReverseMatch } from '../urls/exceptions.ts'

/** resolve_url/urls.py's view. */
function some_view() {
  return new HttpResponse()
}

register_import('resolve_url.urls', { urlpatterns: [path('some-url/', some_view, { name: 'some-view' })] })

/** resolve_url/models.py's UnimportantThing: a model with get_absolute_url(). */
class UnimportantThing {
  constructor(readonly importance: number) {}
  get_absolute_url(): string {
    return `/importance/${this.importance}/`
  }
}

const settings = make_settings({ ROOT_URLCONF: 'resolve_url.urls' })
const run = (fn: () => void) => () => with_settings(settings, fn)

describe('ResolveUrlTests', () => {
  it('test_url_path', run(() => {
    // A URL path comes back as is.
    expect(resolve_url('/something/')).toBe('/something/')
  }))

  it('test_relative_path', run(() => {
    // Relative URLs are not reversed.
    expect(resolve_url('../')).toBe('../')
    expect(resolve_url('../relative/')).toBe('../relative/')
    expect(resolve_url('./')).toBe('./')
    expect(resolve_url('./relative/')).toBe('./relative/')
  }))

  it('test_full_url', run(() => {
    expect(resolve_url('http://example.com/')).toBe('http://example.com/')
  }))

  it('test_model', run(() => {
    // An object with get_absolute_url() gives that.
    const m = new UnimportantThing(1)
    expect(resolve_url(m)).toBe(m.get_absolute_url())
    expect(resolve_url(m)).toBe('/importance/1/')
  }))

  it('test_view_function', run(() => {
    expect(resolve_url(some_view)).toBe('/some-url/')
  }))

  it('test_valid_view_name', run(() => {
    expect(resolve_url('some-view')).toBe('/some-url/')
  }))

  it('test_domain', run(() => {
    // A dotted name that reverses to nothing is taken as a URL.
    expect(resolve_url('example.com')).toBe('example.com')
  }))

  it('test_non_view_callable_raises_no_reverse_match', run(() => {
    expect(() => resolve_url(() => 'asdf')).toThrow(NoReverseMatch)
  }))

  it('a name with neither "/" nor "." that reverses to nothing raises NoReverseMatch', run(() => {
    expect(() => resolve_url('not-a-view')).toThrow(NoReverseMatch)
  }))
})
