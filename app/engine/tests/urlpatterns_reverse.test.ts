/** Django 5.2's reverse()/resolve() tests: regex reversing, messages, resolvers, ResolverMatch, include(). */
// django: tests/urlpatterns_reverse/tests.py (URLconfs in fixtures/urlconfs/urlpatterns-reverse.ts)
import { afterEach, describe, expect, it } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { ImportError, ImproperlyConfigured, ValueError, ViewDoesNotExist } from '../core/exceptions.ts'
import { register_import } from '../core/module-loading.ts'
import { HttpRequest } from '../http/request.ts'
import { QueryDict } from '../http/query-dict.ts'
import { clear_script_prefix, get_urlconf, resolve, reverse, set_script_prefix } from '../urls/base.ts'
import { include, path, re_path } from '../urls/conf.ts'
import { NoReverseMatch, Resolver404 } from '../urls/exceptions.ts'
import { RegexPattern } from '../urls/patterns.ts'
import { ResolverMatch } from '../urls/resolver-match.ts'
import { get_resolver, URLResolver } from '../urls/resolvers.ts'
import { URLPattern } from '../urls/url-pattern.ts'
import { get_callable } from '../urls/utils.ts'
import { URLObject } from './fixtures/urlconfs/urlpatterns-reverse.ts'
import * as views from './fixtures/urlconfs/views.ts'
import { empty_view } from './fixtures/urlconfs/views.ts'

const NRM = NoReverseMatch

function itWith(urlconf: string | null) {
  return (name: string, fn: () => void) => it(name, () => override_settings({ ROOT_URLCONF: urlconf }, fn))
}

/** `@override_script_prefix(prefix)`. */
function withPrefix<T>(prefix: string, fn: () => T): T {
  set_script_prefix(prefix)
  try {
    return fn()
  } finally {
    clear_script_prefix()
  }
}

afterEach(() => clear_script_prefix())

type TestDatum = [name: string, expected: string | typeof NoReverseMatch, args: unknown[], kwargs: Record<string, unknown>]

const test_data: TestDatum[] = [
  ['places', '/places/3/', [3], {}],
  ['places', '/places/3/', ['3'], {}],
  ['places', NRM, ['a'], {}],
  ['places', NRM, [], {}],
  ['places?', '/place/', [], {}],
  ['places+', '/places/', [], {}],
  ['places*', '/place/', [], {}],
  ['places2?', '/', [], {}],
  ['places2+', '/places/', [], {}],
  ['places2*', '/', [], {}],
  ['places3', '/places/4/', [4], {}],
  ['places3', '/places/harlem/', ['harlem'], {}],
  ['places3', NRM, ['harlem64'], {}],
  ['places4', '/places/3/', [], { id: 3 }],
  ['people', NRM, [], {}],
  ['people', '/people/adrian/', ['adrian'], {}],
  ['people', '/people/adrian/', [], { name: 'adrian' }],
  ['people', NRM, ['name with spaces'], {}],
  ['people', NRM, [], { name: 'name with spaces' }],
  ['people2', '/people/name/', [], {}],
  ['people2a', '/people/name/fred/', ['fred'], {}],
  ['people_backref', '/people/nate-nate/', ['nate'], {}],
  ['people_backref', '/people/nate-nate/', [], { name: 'nate' }],
  ['optional', '/optional/fred/', [], { name: 'fred' }],
  ['optional', '/optional/fred/', ['fred'], {}],
  ['named_optional', '/optional/1/', [1], {}],
  ['named_optional', '/optional/1/', [], { arg1: 1 }],
  ['named_optional', '/optional/1/2/', [1, 2], {}],
  ['named_optional', '/optional/1/2/', [], { arg1: 1, arg2: 2 }],
  ['named_optional_terminated', '/optional/1/', [1], {}],
  ['named_optional_terminated', '/optional/1/', [], { arg1: 1 }],
  ['named_optional_terminated', '/optional/1/2/', [1, 2], {}],
  ['named_optional_terminated', '/optional/1/2/', [], { arg1: 1, arg2: 2 }],
  ['hardcoded', '/hardcoded/', [], {}],
  ['hardcoded2', '/hardcoded/doc.pdf', [], {}],
  ['people3', '/people/il/adrian/', [], { state: 'il', name: 'adrian' }],
  ['people3', NRM, [], { state: 'il' }],
  ['people3', NRM, [], { name: 'adrian' }],
  ['people4', NRM, [], { state: 'il', name: 'adrian' }],
  ['people6', '/people/il/test/adrian/', ['il/test', 'adrian'], {}],
  ['people6', '/people//adrian/', ['adrian'], {}],
  ['range', '/character_set/a/', [], {}],
  ['range2', '/character_set/x/', [], {}],
  ['price', '/price/$10/', ['10'], {}],
  ['price2', '/price/$10/', ['10'], {}],
  ['price3', '/price/$10/', ['10'], {}],
  ['product', '/product/chocolate+($2.00)/', [], { price: '2.00', product: 'chocolate' }],
  ['headlines', '/headlines/2007.5.21/', [], { year: 2007, month: 5, day: 21 }],
  ['windows', '/windows_path/C:%5CDocuments%20and%20Settings%5Cspam/', [], { drive_name: 'C', path: 'Documents and Settings\\spam' }],
  ['special', '/special_chars/~@+%5C$*%7C/', ['~@+\\$*|'], {}],
  ['special', '/special_chars/some%20resource/', ['some resource'], {}],
  ['special', '/special_chars/10%25%20complete/', ['10% complete'], {}],
  ['special', '/special_chars/some%20resource/', [], { chars: 'some resource' }],
  ['special', '/special_chars/10%25%20complete/', [], { chars: '10% complete' }],
  ['special', NRM, [''], {}],
  ['mixed', '/john/0/', [], { name: 'john' }],
  ['repeats', '/repeats/a/', [], {}],
  ['repeats2', '/repeats/aa/', [], {}],
  ['repeats3', '/repeats/aa/', [], {}],
  ['test', '/test/1', [], {}],
  ['inner-nothing', '/outer/42/', [], { outer: '42' }],
  ['inner-nothing', '/outer/42/', ['42'], {}],
  ['inner-nothing', NRM, ['foo'], {}],
  ['inner-extra', '/outer/42/extra/inner/', [], { extra: 'inner', outer: '42' }],
  ['inner-extra', '/outer/42/extra/inner/', ['42', 'inner'], {}],
  ['inner-extra', NRM, ['fred', 'inner'], {}],
  ['inner-no-kwargs', '/outer-no-kwargs/42/inner-no-kwargs/1/', ['42', '1'], {}],
  ['disjunction', NRM, ['foo'], {}],
  ['inner-disjunction', NRM, ['10', '11'], {}],
  ['extra-places', '/e-places/10/', ['10'], {}],
  ['extra-people', '/e-people/fred/', ['fred'], {}],
  ['extra-people', '/e-people/fred/', [], { name: 'fred' }],
  ['part', '/part/one/', [], { value: 'one' }],
  ['part', '/prefix/xx/part/one/', [], { value: 'one', prefix: 'xx' }],
  ['part2', '/part2/one/', [], { value: 'one' }],
  ['part2', '/part2/', [], {}],
  ['part2', '/prefix/xx/part2/one/', [], { value: 'one', prefix: 'xx' }],
  ['part2', '/prefix/xx/part2/', [], { prefix: 'xx' }],
  // Nested capturing groups only work if you supply the outer group alone.
  ['nested-noncapture', '/nested/noncapture/opt', [], { p: 'opt' }],
  ['nested-capture', '/nested/capture/opt/', ['opt/'], {}],
  ['nested-capture', NRM, [], { p: 'opt' }],
  ['nested-mixedcapture', '/nested/capture/mixed/opt', ['opt'], {}],
  ['nested-mixedcapture', NRM, [], { p: 'opt' }],
  ['nested-namedcapture', '/nested/capture/named/opt/', [], { outer: 'opt/' }],
  ['nested-namedcapture', NRM, [], { outer: 'opt/', inner: 'opt' }],
  ['nested-namedcapture', NRM, [], { inner: 'opt' }],
  ['non_path_include', '/includes/non_path_include/', [], {}],
  // Tests for #13154
  ['defaults', '/defaults_view1/3/', [], { arg1: 3, arg2: 1 }],
  ['defaults', '/defaults_view2/3/', [], { arg1: 3, arg2: 2 }],
  ['defaults', NRM, [], { arg1: 3, arg2: 3 }],
  ['defaults', NRM, [], { arg2: 1 }],
  // Security tests
  ['security', '/%2Fexample.com/security/', ['/example.com'], {}],
]

describe('NoURLPatternsTests', () => {
  itWith('urlpatterns_reverse.no_urls')('test_no_urls_exception', () => {
    const resolver = new URLResolver(new RegexPattern('^$'), 'urlpatterns_reverse.no_urls')
    expect(() => resolver.url_patterns).toThrow(
      new ImproperlyConfigured(
        "The included URLconf 'urlpatterns_reverse.no_urls' does not appear to have any patterns in it. If you " +
          "see the 'urlpatterns' variable with valid patterns in the file then the issue is probably caused by a " +
          'circular import.',
      ),
    )
  })
})

describe('URLPatternReverse', () => {
  const t = itWith('urlpatterns_reverse.urls')

  t('test_urlpattern_reverse', () => {
    for (const [name, expected, args, kwargs] of test_data) {
      let got: string | typeof NoReverseMatch
      try {
        got = reverse(name, { args, kwargs })
      } catch (error) {
        if (!(error instanceof NoReverseMatch)) throw error
        got = NoReverseMatch
      }
      expect([name, args, kwargs, got]).toEqual([name, args, kwargs, expected])
    }
  })

  t('test_reverse_none', () => {
    expect(() => reverse(null)).toThrow(NoReverseMatch)
  })

  t('test_mixing_args_and_kwargs', () => {
    expect(() => reverse('name', { args: ['a'], kwargs: { b: 'c' } })).toThrow(
      new ValueError("Don't mix *args and **kwargs in call to reverse()!"),
    )
  })

  t('test_prefix_braces', () => {
    withPrefix('/{{invalid}}/', () => expect(reverse('non_path_include')).toBe('/%7B%7Binvalid%7D%7D/includes/non_path_include/'))
  })

  t('test_prefix_parenthesis', () => {
    // Parentheses are allowed and should not cause errors or be escaped.
    withPrefix('/bogus)/', () => expect(reverse('non_path_include')).toBe('/bogus)/includes/non_path_include/'))
    withPrefix('/(bogus)/', () => expect(reverse('non_path_include')).toBe('/(bogus)/includes/non_path_include/'))
  })

  t('test_prefix_format_char', () => {
    withPrefix('/bump%20map/', () => expect(reverse('non_path_include')).toBe('/bump%2520map/includes/non_path_include/'))
  })

  t('test_non_urlsafe_prefix_with_args', () => {
    withPrefix('/%7Eme/', () => expect(reverse('places', { args: [1] })).toBe('/%257Eme/places/1/'))
  })

  t('test_patterns_reported', () => {
    // This URL exists, but requires an argument.
    expect(() => reverse('people', { args: [] })).toThrow("1 pattern(s) tried: ['people/(?P<name>\\\\w+)/$']")
  })

  t('test_script_name_escaping', () => {
    withPrefix('/script:name/', () => expect(reverse('optional', { args: ['foo:bar'] })).toBe('/script:name/optional/foo:bar/'))
  })

  t('test_view_not_found_message', () => {
    expect(() => reverse('nonexistent-view')).toThrow(
      new NoReverseMatch("Reverse for 'nonexistent-view' not found. 'nonexistent-view' is not a valid view function or pattern name."),
    )
  })

  t('test_no_args_message', () => {
    expect(() => reverse('places')).toThrow(
      new NoReverseMatch("Reverse for 'places' with no arguments not found. 1 pattern(s) tried: ['places/([0-9]+)/$']"),
    )
  })

  t('test_illegal_args_message', () => {
    expect(() => reverse('places', { args: [1, 2] })).toThrow(
      new NoReverseMatch("Reverse for 'places' with arguments '(1, 2)' not found. 1 pattern(s) tried: ['places/([0-9]+)/$']"),
    )
  })

  t('test_illegal_kwargs_message', () => {
    expect(() => reverse('places', { kwargs: { arg1: 2 } })).toThrow(
      new NoReverseMatch(
        "Reverse for 'places' with keyword arguments '{'arg1': 2}' not found. 1 pattern(s) tried: ['places/([0-9]+)/$']",
      ),
    )
  })

  t('test_view_func_from_cbv', () => {
    expect(reverse(views.view_func_from_cbv, { kwargs: { name: 'world' } })).toBe('/hello/world/')
  })

  t('test_view_func_from_cbv_no_expected_kwarg', () => {
    expect(() => reverse(views.view_func_from_cbv)).toThrow(NoReverseMatch)
  })

  t('test_reverse_with_query', () => {
    expect(reverse('test', { query: { hello: 'world', foo: 123 } })).toBe('/test/1?hello=world&foo=123')
  })

  t('test_reverse_with_query_sequences', () => {
    const cases = [
      [['hello', 'world'], ['foo', 123], ['foo', 456]],
      new Map<string, unknown>([['hello', 'world'], ['foo', [123, 456]]]),
      { hello: 'world', foo: [123, 456] },
    ]
    for (const query of cases) expect(reverse('test', { query })).toBe('/test/1?hello=world&foo=123&foo=456')
  })

  t('test_reverse_with_fragment', () => {
    expect(reverse('test', { fragment: 'tab-1' })).toBe('/test/1#tab-1')
  })

  t('test_reverse_with_fragment_not_encoded', () => {
    expect(reverse('test', { fragment: 'tab 1 is the best!' })).toBe('/test/1#tab 1 is the best!')
  })

  t('test_reverse_with_query_and_fragment', () => {
    expect(reverse('test', { query: { hello: 'world', foo: 123 }, fragment: 'tab-1' })).toBe('/test/1?hello=world&foo=123#tab-1')
  })

  t('test_reverse_with_empty_fragment', () => {
    expect(reverse('test', { fragment: null })).toBe('/test/1')
    expect(reverse('test', { fragment: '' })).toBe('/test/1#')
  })

  t('test_reverse_with_invalid_fragment', () => {
    for (const fragment of [0, false, {}, [], new Set(), []]) {
      expect(() => reverse('test', { fragment: fragment as never })).toThrow(TypeError)
    }
  })

  t('test_reverse_with_empty_query', () => {
    for (const query of [null, '', {}, [], new Set(), new QueryDict()]) expect(reverse('test', { query })).toBe('/test/1')
  })

  t('test_reverse_with_invalid_query', () => {
    for (const query of [0, false, [1, 3, 5], new Set([1, 2, 3])]) expect(() => reverse('test', { query })).toThrow(TypeError)
  })

  t('test_reverse_encodes_query_string', () => {
    const query = { 'hello world': 'django project', foo: [123, 456], '@invalid': ['?', '!', 'a b'] }
    expect(reverse('test', { query })).toBe(
      '/test/1?hello+world=django+project&foo=123&foo=456&%40invalid=%3F&%40invalid=%21&%40invalid=a+b',
    )
  })

  t('test_reverse_with_query_from_querydict', () => {
    const query_string = 'a=1&b=2&b=3&c=4'
    expect(reverse('test', { query: new QueryDict(query_string) })).toBe(`/test/1?${query_string}`)
  })
})

describe('ResolverTests', () => {
  it('test_resolver_repr', () => {
    // Pick a resolver from a namespaced URLconf.
    const resolver = get_resolver('urlpatterns_reverse.namespace_urls')
    const sub_resolver = resolver.namespace_dict.get('test-ns1')![1]
    expect(String(sub_resolver)).toContain('<URLPattern list>')
  })

  it('test_resolver_reverse', () => {
    const resolver = get_resolver('urlpatterns_reverse.named_urls')
    expect(resolver.reverse('named-url1')).toBe('')
    expect(resolver.reverse('named-url2', ['arg'])).toBe('extra/arg/')
    expect(resolver.reverse('named-url2', [], { extra: 'arg' })).toBe('extra/arg/')
  })

  it('test_resolver_reverse_conflict', () => {
    // Pattern names need not be unique; the last registered pattern wins for conflicting names.
    const resolver = get_resolver('urlpatterns_reverse.named_urls_conflict')
    const test_urls: Array<[string, unknown[], Record<string, unknown>, string]> = [
      ['name-conflict', [], {}, 'conflict/'],
      ['name-conflict', ['arg'], {}, 'conflict-last/arg/'],
      ['name-conflict', [], { first: 'arg' }, 'conflict-first/arg/'],
      ['name-conflict', [], { middle: 'arg' }, 'conflict-middle/arg/'],
      ['name-conflict', [], { last: 'arg' }, 'conflict-last/arg/'],
      ['name-conflict', ['arg', 'arg'], {}, 'conflict/arg/arg/'],
    ]
    for (const [name, args, kwargs, expected] of test_urls) expect(resolver.reverse(name, args, kwargs)).toBe(expected)
  })

  it('test_non_regex', () => {
    for (const path_ of ['', 'a', '\\', '.']) expect(() => resolve(path_, 'urlpatterns_reverse.urls')).toThrow(Resolver404)
  })

  it('test_404_tried_urls_have_names', () => {
    const url_types_names: Array<Array<{ type: unknown; name?: string | null }>> = [
      [{ type: URLPattern, name: 'named-url1' }],
      [{ type: URLPattern, name: 'named-url2' }],
      [{ type: URLPattern, name: null }],
      [{ type: URLResolver }, { type: URLPattern, name: 'named-url3' }],
      [{ type: URLResolver }, { type: URLPattern, name: 'named-url4' }],
      [{ type: URLResolver }, { type: URLPattern, name: null }],
      [{ type: URLResolver }, { type: URLResolver }],
    ]
    let error: Resolver404 | null = null
    try {
      resolve('/included/nonexistent-url', 'urlpatterns_reverse.named_urls')
    } catch (e) {
      error = e as Resolver404
    }
    expect(error).toBeInstanceOf(Resolver404)
    expect(error!.message).toContain('tried')
    const tried = error!.args[0].tried!
    expect(tried.length).toBe(url_types_names.length)
    tried.forEach((entry, i) => {
      url_types_names[i]!.forEach((e, j) => {
        const t = entry[j] as URLPattern | URLResolver
        expect(t).toBeInstanceOf(e.type as typeof URLPattern)
        if ('name' in e) expect((t as URLPattern).name).toBe(e.name)
      })
    })
  })

  it('test_namespaced_view_detail', () => {
    const resolver = get_resolver('urlpatterns_reverse.nested_urls')
    expect(resolver._is_callback('urlpatterns_reverse.nested_urls.view1')).toBe(true)
    expect(resolver._is_callback('urlpatterns_reverse.nested_urls.view2')).toBe(true)
    expect(resolver._is_callback('urlpatterns_reverse.nested_urls.View3')).toBe(true)
    expect(resolver._is_callback('urlpatterns_reverse.nested_urls.blub')).toBe(false)
  })

  it('test_view_detail_as_method', () => {
    // Views which have a class name as part of their path.
    const resolver = get_resolver('urlpatterns_reverse.method_view_urls')
    expect(resolver._is_callback('urlpatterns_reverse.method_view_urls.ViewContainer.method_view')).toBe(true)
    expect(resolver._is_callback('urlpatterns_reverse.method_view_urls.ViewContainer.classmethod_view')).toBe(true)
  })
})

describe('ErrorHandlerResolutionTests', () => {
  const resolver = new URLResolver(new RegexPattern('^$'), 'urlpatterns_reverse.urls_error_handlers')
  const callable_resolver = new URLResolver(new RegexPattern('^$'), 'urlpatterns_reverse.urls_error_handlers_callables')

  it('test_named_handlers', () => {
    for (const code of [400, 403, 404, 500]) expect(resolver.resolve_error_handler(code)).toBe(empty_view)
  })

  it('test_callable_handlers', () => {
    for (const code of [400, 403, 404, 500]) expect(callable_resolver.resolve_error_handler(code)).toBe(empty_view)
  })
})

describe('NoRootUrlConfTests', () => {
  // Django drives this through the test client; resolving directly raises the same error.
  itWith(null)('test_no_handler_exception', () => {
    expect(() => resolve('/test/me/')).toThrow(
      new ImproperlyConfigured(
        "The included URLconf 'None' does not appear to have any patterns in it. If you see the 'urlpatterns' " +
          'variable with valid patterns in the file then the issue is probably caused by a circular import.',
      ),
    )
  })
})

describe('ResolverMatchTests', () => {
  const t = itWith('urlpatterns_reverse.namespace_urls')

  t('test_resolver_match_on_request_before_resolution', () => {
    expect(new HttpRequest().resolver_match).toBeNull()
  })

  t('test_repr', () => {
    expect(String(resolve('/no_kwargs/42/37/'))).toBe(
      "ResolverMatch(func=urlpatterns_reverse.views.empty_view, args=('42', '37'), kwargs={}, url_name='no-kwargs', " +
        "app_names=[], namespaces=[], route='^no_kwargs/([0-9]+)/([0-9]+)/$')",
    )
  })

  t('test_repr_extra_kwargs', () => {
    expect(String(resolve('/mixed_args/1986/11/'))).toBe(
      "ResolverMatch(func=urlpatterns_reverse.views.empty_view, args=(), kwargs={'arg2': '11', 'extra': True}, " +
        "url_name='mixed-args', app_names=[], namespaces=[], route='^mixed_args/([0-9]+)/(?P<arg2>[0-9]+)/$', " +
        "captured_kwargs={'arg2': '11'}, extra_kwargs={'extra': True})",
    )
  })

  itWith('urlpatterns_reverse.reverse_lazy_urls')('test_classbased_repr', () => {
    expect(String(resolve('/redirect/'))).toBe(
      'ResolverMatch(func=urlpatterns_reverse.views.LazyRedirectView, args=(), kwargs={}, url_name=None, ' +
        "app_names=[], namespaces=[], route='redirect/')",
    )
  })

  t('indexing and unpacking give func, args, kwargs', () => {
    const match = resolve('/no_kwargs/42/37/')
    const [func, args, kwargs] = match
    expect([func, args, kwargs]).toEqual([empty_view, ['42', '37'], {}])
    expect([match.getitem(0), match.getitem(1), match.getitem(2)]).toEqual([empty_view, ['42', '37'], {}])
    expect(match).toBeInstanceOf(ResolverMatch)
  })
})

describe('ErroneousViewTests', () => {
  itWith('urlpatterns_reverse.erroneous_urls')('test_noncallable_view', () => {
    // View is not a callable (an arbitrary object).
    expect(() => path('uncallable-object/', null as never)).toThrow('view must be a callable')
  })

  itWith('urlpatterns_reverse.erroneous_urls')('test_invalid_regex', () => {
    // Regex contains an error (refs #6170).
    expect(() => reverse(empty_view)).toThrow(
      new ImproperlyConfigured(
        '"(regex_error/$" is not a valid regular expression: missing ), unterminated subpattern at position 0',
      ),
    )
  })
})

describe('ViewLoadingTests', () => {
  it('test_view_loading', () => {
    expect(get_callable('urlpatterns_reverse.views.empty_view')).toBe(empty_view)
    expect(get_callable(empty_view)).toBe(empty_view)
  })

  it('test_view_does_not_exist', () => {
    expect(() => get_callable('urlpatterns_reverse.views.i_should_not_exist')).toThrow(
      new ViewDoesNotExist(
        "Could not import 'urlpatterns_reverse.views.i_should_not_exist'. View does not exist in module urlpatterns_reverse.views.",
      ),
    )
  })

  it('test_non_string_value', () => {
    expect(() => get_callable(1)).toThrow(new ViewDoesNotExist("'1' is not a callable or a dot-notation path"))
  })

  it('test_string_without_dot', () => {
    expect(() => get_callable('test')).toThrow(new ImportError("Could not import 'test'. The path must be fully qualified."))
  })

  it('test_module_does_not_exist', () => {
    expect(() => get_callable('foo.bar')).toThrow(new ImportError("No module named 'foo'"))
  })

  it('test_parent_module_does_not_exist', () => {
    expect(() => get_callable('urlpatterns_reverse.foo.bar')).toThrow(
      new ViewDoesNotExist("Could not import 'urlpatterns_reverse.foo.bar'. Parent module urlpatterns_reverse.foo does not exist."),
    )
  })

  it('test_not_callable', () => {
    register_import('urlpatterns_reverse.tests.resolve_test_data', [])
    expect(() => get_callable('urlpatterns_reverse.tests.resolve_test_data')).toThrow(
      new ViewDoesNotExist("Could not import 'urlpatterns_reverse.tests.resolve_test_data'. View is not callable."),
    )
  })
})

describe('IncludeTests', () => {
  const url_patterns = [
    path('inner/', empty_view, { name: 'urlobject-view' }),
    re_path('^inner/(?P<arg1>[0-9]+)/(?P<arg2>[0-9]+)/$', empty_view, { name: 'urlobject-view' }),
    re_path('^inner/\\+\\\\\\$\\*/$', empty_view, { name: 'urlobject-special-view' }),
  ]
  const app_urls = new URLObject('inc-app')

  it('test_include_urls', () => {
    expect(include(url_patterns)).toEqual([url_patterns, null, null])
  })

  it('test_include_namespace', () => {
    expect(() => include(url_patterns, 'namespace')).toThrow(
      'Specifying a namespace in include() without providing an app_name is not supported.',
    )
  })

  it('test_include_4_tuple', () => {
    expect(() => include([url_patterns, 'app_name', 'namespace', 'blah'])).toThrow(
      'Passing a 4-tuple to include() is not supported.',
    )
  })

  it('test_include_3_tuple', () => {
    expect(() => include([url_patterns, 'app_name', 'namespace'])).toThrow('Passing a 3-tuple to include() is not supported.')
  })

  it('test_include_3_tuple_namespace', () => {
    expect(() => include([url_patterns, 'app_name', 'namespace'], 'namespace')).toThrow(
      new ImproperlyConfigured('Cannot override the namespace for a dynamic module that provides a namespace.'),
    )
  })

  it('test_include_2_tuple', () => {
    expect(include([url_patterns, 'app_name'])).toEqual([url_patterns, 'app_name', 'app_name'])
  })

  it('test_include_2_tuple_namespace', () => {
    expect(include([url_patterns, 'app_name'], 'namespace')).toEqual([url_patterns, 'app_name', 'namespace'])
  })

  it('test_include_app_name', () => {
    expect(include(app_urls as never)).toEqual([app_urls, 'inc-app', 'inc-app'])
  })

  it('test_include_app_name_namespace', () => {
    expect(include(app_urls as never, 'namespace')).toEqual([app_urls, 'inc-app', 'namespace'])
  })
})

describe('LookaheadTests', () => {
  const t = itWith('urlpatterns_reverse.urls')

  t('test_valid_resolve', () => {
    for (const url of ['/lookahead-/a-city/', '/lookbehind-/a-city/', '/lookahead+/a-city/', '/lookbehind+/a-city/']) {
      expect(resolve(url).kwargs).toEqual({ city: 'a-city' })
    }
  })

  t('test_invalid_resolve', () => {
    for (const url of ['/lookahead-/not-a-city/', '/lookbehind-/not-a-city/', '/lookahead+/other-city/', '/lookbehind+/other-city/']) {
      expect(() => resolve(url)).toThrow(Resolver404)
    }
  })

  t('test_valid_reverse', () => {
    expect(reverse('lookahead-positive', { kwargs: { city: 'a-city' } })).toBe('/lookahead+/a-city/')
    expect(reverse('lookahead-negative', { kwargs: { city: 'a-city' } })).toBe('/lookahead-/a-city/')
    expect(reverse('lookbehind-positive', { kwargs: { city: 'a-city' } })).toBe('/lookbehind+/a-city/')
    expect(reverse('lookbehind-negative', { kwargs: { city: 'a-city' } })).toBe('/lookbehind-/a-city/')
  })

  t('test_invalid_reverse', () => {
    expect(() => reverse('lookahead-positive', { kwargs: { city: 'other-city' } })).toThrow(NoReverseMatch)
    expect(() => reverse('lookahead-negative', { kwargs: { city: 'not-a-city' } })).toThrow(NoReverseMatch)
    expect(() => reverse('lookbehind-positive', { kwargs: { city: 'other-city' } })).toThrow(NoReverseMatch)
    expect(() => reverse('lookbehind-negative', { kwargs: { city: 'not-a-city' } })).toThrow(NoReverseMatch)
  })
})

describe('ReverseResolvedTests', () => {
  itWith('urlpatterns_reverse.urls')('test_rereverse', () => {
    let match = resolve('/resolved/12/')
    expect(reverse(match.url_name, { args: match.args, kwargs: match.kwargs })).toBe('/resolved/12/')
    match = resolve('/resolved-overridden/12/url/')
    expect(reverse(match.url_name, { args: match.args, kwargs: match.captured_kwargs })).toBe('/resolved-overridden/12/url/')
  })
})

describe('RequestURLconfTests', () => {
  it('test_urlconf_is_reset_after_request', () => {
    // Without a request in flight no URLconf override is active.
    expect(get_urlconf()).toBeNull()
  })
})
