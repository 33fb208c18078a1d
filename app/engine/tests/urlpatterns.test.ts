/** Django 5.2's URL pattern tests: path(), re_path(), converters and their errors. */
// django: tests/urlpatterns/tests.py, tests/urlpatterns/test_resolvers.py
import { describe, expect, it } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { ImproperlyConfigured, ValueError } from '../core/exceptions.ts'
import { catch_warnings } from '../core/warnings.ts'
import { include, path, re_path } from '../urls/conf.ts'
import { IntConverter, register_converter, REGISTERED_CONVERTERS, unregister_converter } from '../urls/converters.ts'
import { NoReverseMatch, Resolver404 } from '../urls/exceptions.ts'
import { resolve, reverse } from '../urls/base.ts'
import { RegexPattern, RoutePattern } from '../urls/patterns.ts'
import { get_resolver, type URLEntry } from '../urls/resolvers.ts'
import type { URLPattern } from '../urls/url-pattern.ts'
import { UUID } from '../urls/uuid.ts'
import { Base64Converter, DynamicConverter } from './fixtures/urlconfs/urlpatterns.ts'
import { EmptyCBV, path_empty_view as empty_view } from './fixtures/urlconfs/views.ts'

const te = new TextEncoder()
const b = (s: string): Uint8Array => te.encode(s)

/** `it()` under `@override_settings(ROOT_URLCONF=...)`. */
function itWith(urlconf: string) {
  return (name: string, fn: () => void) => it(name, () => override_settings({ ROOT_URLCONF: urlconf }, fn))
}

const included_kwargs = { base: b('hello'), value: b('world') }
const converter_test_data: Array<[string, [string, string, Record<string, unknown>]]> = [
  // aGVsbG8= is 'hello' encoded in base64.
  ['/base64/aGVsbG8=/', ['base64', '', { value: b('hello') }]],
  ['/base64/aGVsbG8=/subpatterns/d29ybGQ=/', ['subpattern-base64', '', included_kwargs]],
  ['/base64/aGVsbG8=/namespaced/d29ybGQ=/', ['subpattern-base64', 'namespaced-base64', included_kwargs]],
]

describe('SimplifiedURLTests', () => {
  const t = itWith('urlpatterns.path_urls')

  t('test_path_lookup_without_parameters', () => {
    const match = resolve('/articles/2003/')
    expect(match.url_name).toBe('articles-2003')
    expect(match.args).toEqual([])
    expect(match.kwargs).toEqual({})
    expect(match.route).toBe('articles/2003/')
    expect(match.captured_kwargs).toEqual({})
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_path_lookup_with_typed_parameters', () => {
    const match = resolve('/articles/2015/')
    expect(match.url_name).toBe('articles-year')
    expect(match.args).toEqual([])
    expect(match.kwargs).toEqual({ year: 2015 })
    expect(match.route).toBe('articles/<int:year>/')
    expect(match.captured_kwargs).toEqual({ year: 2015 })
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_path_lookup_with_multiple_parameters', () => {
    const match = resolve('/articles/2015/04/12/')
    expect(match.url_name).toBe('articles-year-month-day')
    expect(match.args).toEqual([])
    expect(match.kwargs).toEqual({ year: 2015, month: 4, day: 12 })
    expect(match.route).toBe('articles/<int:year>/<int:month>/<int:day>/')
    expect(match.captured_kwargs).toEqual({ year: 2015, month: 4, day: 12 })
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_path_lookup_with_multiple_parameters_and_extra_kwarg', () => {
    const match = resolve('/books/2015/04/12/')
    expect(match.url_name).toBe('books-year-month-day')
    expect(match.args).toEqual([])
    expect(match.kwargs).toEqual({ year: 2015, month: 4, day: 12, extra: true })
    expect(match.route).toBe('books/<int:year>/<int:month>/<int:day>/')
    expect(match.captured_kwargs).toEqual({ year: 2015, month: 4, day: 12 })
    expect(match.extra_kwargs).toEqual({ extra: true })
  })

  t('test_path_lookup_with_extra_kwarg', () => {
    const match = resolve('/books/2007/')
    expect(match.url_name).toBe('books-2007')
    expect(match.args).toEqual([])
    expect(match.kwargs).toEqual({ extra: true })
    expect(match.route).toBe('books/2007/')
    expect(match.captured_kwargs).toEqual({})
    expect(match.extra_kwargs).toEqual({ extra: true })
  })

  t('test_two_variable_at_start_of_path_pattern', () => {
    const match = resolve('/en/foo/')
    expect(match.url_name).toBe('lang-and-path')
    expect(match.kwargs).toEqual({ lang: 'en', url: 'foo' })
    expect(match.route).toBe('<lang>/<path:url>/')
    expect(match.captured_kwargs).toEqual({ lang: 'en', url: 'foo' })
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_re_path', () => {
    const match = resolve('/regex/1/')
    expect(match.url_name).toBe('regex')
    expect(match.kwargs).toEqual({ pk: '1' })
    expect(match.route).toBe('^regex/(?P<pk>[0-9]+)/$')
    expect(match.captured_kwargs).toEqual({ pk: '1' })
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_re_path_with_optional_parameter', () => {
    for (const [url, kwargs] of [
      ['/regex_optional/1/2/', { arg1: '1', arg2: '2' }],
      ['/regex_optional/1/', { arg1: '1' }],
    ] as const) {
      const match = resolve(url)
      expect(match.url_name).toBe('regex_optional')
      expect(match.kwargs).toEqual(kwargs)
      expect(match.route).toBe('^regex_optional/(?P<arg1>\\d+)/(?:(?P<arg2>\\d+)/)?')
      expect(match.captured_kwargs).toEqual(kwargs)
      expect(match.extra_kwargs).toEqual({})
    }
  })

  t('test_re_path_with_missing_optional_parameter', () => {
    const match = resolve('/regex_only_optional/')
    expect(match.url_name).toBe('regex_only_optional')
    expect(match.kwargs).toEqual({})
    expect(match.args).toEqual([])
    expect(match.route).toBe('^regex_only_optional/(?:(?P<arg1>\\d+)/)?')
    expect(match.captured_kwargs).toEqual({})
    expect(match.extra_kwargs).toEqual({})
  })

  t('test_path_lookup_with_inclusion', () => {
    const match = resolve('/included_urls/extra/something/')
    expect(match.url_name).toBe('inner-extra')
    expect(match.route).toBe('included_urls/extra/<extra>/')
  })

  t('test_path_lookup_with_empty_string_inclusion', () => {
    const match = resolve('/more/99/')
    expect(match.url_name).toBe('inner-more')
    expect(match.route).toBe('^more/(?P<extra>\\w+)/$')
    expect(match.kwargs).toEqual({ extra: '99', 'sub-extra': true })
    expect(match.captured_kwargs).toEqual({ extra: '99' })
    expect(match.extra_kwargs).toEqual({ 'sub-extra': true })
  })

  t('test_path_lookup_with_double_inclusion', () => {
    const match = resolve('/included_urls/more/some_value/')
    expect(match.url_name).toBe('inner-more')
    expect(match.route).toBe('included_urls/more/(?P<extra>\\w+)/$')
  })

  t('test_path_reverse_without_parameter', () => {
    expect(reverse('articles-2003')).toBe('/articles/2003/')
  })

  t('test_path_reverse_with_parameter', () => {
    expect(reverse('articles-year-month-day', { kwargs: { year: 2015, month: 4, day: 12 } })).toBe('/articles/2015/4/12/')
  })

  itWith('urlpatterns.path_base64_urls')('test_converter_resolve', () => {
    for (const [url, [url_name, app_name, kwargs]] of converter_test_data) {
      const match = resolve(url)
      expect(match.url_name).toBe(url_name)
      expect(match.app_name).toBe(app_name)
      expect(match.kwargs).toEqual(kwargs)
    }
  })

  itWith('urlpatterns.path_base64_urls')('test_converter_reverse', () => {
    for (const [expected, [url_name, app_name, kwargs]] of converter_test_data) {
      const name = app_name ? `${app_name}:${url_name}` : url_name
      expect(reverse(name, { kwargs })).toBe(expected)
    }
  })

  itWith('urlpatterns.path_base64_urls')('test_converter_reverse_with_second_layer_instance_namespace', () => {
    const kwargs = { ...included_kwargs, last_value: b('world') }
    expect(reverse('instance-ns-base64:subsubpattern-base64', { kwargs })).toBe('/base64/aGVsbG8=/subpatterns/d29ybGQ=/d29ybGQ=/')
  })

  t('test_path_inclusion_is_matchable', () => {
    const match = resolve('/included_urls/extra/something/')
    expect(match.url_name).toBe('inner-extra')
    expect(match.kwargs).toEqual({ extra: 'something' })
  })

  t('test_path_inclusion_is_reversible', () => {
    expect(reverse('inner-extra', { kwargs: { extra: 'something' } })).toBe('/included_urls/extra/something/')
  })

  it('test_invalid_kwargs', () => {
    const msg = 'kwargs argument must be a dict, but got str.'
    expect(() => path('hello/', empty_view, 'name' as never)).toThrow(new TypeError(msg))
    expect(() => re_path('^hello/$', empty_view, 'name' as never)).toThrow(new TypeError(msg))
  })

  it('test_invalid_converter', () => {
    expect(() => path('foo/<nonexistent:var>/', empty_view)).toThrow(
      new ImproperlyConfigured("URL route 'foo/<nonexistent:var>/' uses invalid converter 'nonexistent'."),
    )
  })

  // Django 5.2 still replaces the converter, with a RemovedInDjango60Warning (6.0 raises ValueError).
  it('test_warning_override_default_converter', () => {
    try {
      const { warnings } = catch_warnings(() => register_converter(IntConverter, 'int'))
      expect(warnings).toEqual([
        {
          category: 'RemovedInDjango60Warning',
          message:
            "Converter 'int' is already registered. Support for overriding registered converters is deprecated " +
            'and will be removed in Django 6.0.',
        },
      ])
    } finally {
      unregister_converter('int')
    }
  })

  it('test_warning_override_converter', () => {
    const saved = REGISTERED_CONVERTERS['base64']
    try {
      const { warnings } = catch_warnings(() => {
        register_converter(Base64Converter, 'base64')
        register_converter(Base64Converter, 'base64')
      })
      expect(warnings.map((w) => w.message)).toEqual([
        "Converter 'base64' is already registered. Support for overriding registered converters is deprecated " +
          'and will be removed in Django 6.0.',
        "Converter 'base64' is already registered. Support for overriding registered converters is deprecated " +
          'and will be removed in Django 6.0.',
      ])
    } finally {
      REGISTERED_CONVERTERS['base64'] = saved!
    }
  })

  it('test_invalid_view', () => {
    expect(() => path('articles/', 'invalid_view' as never)).toThrow(
      new TypeError('view must be a callable or a list/tuple in the case of include().'),
    )
  })

  it('test_invalid_view_instance', () => {
    expect(() => path('foo', new EmptyCBV() as never)).toThrow(
      new TypeError('view must be a callable, pass EmptyCBV.as_view(), not EmptyCBV().'),
    )
  })

  it('test_whitespace_in_route', () => {
    for (const whitespace of ' \t\n\r\x0b\x0c') {
      const route = `space/<int:num>/extra/<str:${whitespace}test>`
      const repr = `'${route.replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r').replace('\x0b', '\\x0b').replace('\x0c', '\\x0c')}'`
      expect(() => path(route, empty_view)).toThrow(
        new ImproperlyConfigured(`URL route ${repr} cannot contain whitespace in angle brackets <…>.`),
      )
    }
    // Whitespaces are valid in paths.
    const p = path('space \t\n\r\x0b\x0c/<int:num>/', empty_view) as URLPattern
    expect(p.resolve('space \t\n\r\x0b\x0c/1/')!.kwargs).toEqual({ num: 1 })
  })

  t('test_path_trailing_newlines', () => {
    for (const url of ['/articles/2003/\n', '/articles/2010/\n', '/en/foo/\n', '/included_urls/extra/\n', '/regex/1/\n', '/users/1/\n']) {
      expect(() => resolve(url)).toThrow(Resolver404)
    }
  })
})

describe('ConverterTests', () => {
  const t = itWith('urlpatterns.converter_urls')

  t('test_matching_urls', () => {
    const no_converter = (x: unknown): unknown => x
    const test_data: Array<[string, Array<string | number>, (x: string) => unknown]> = [
      ['int', ['0', '1', '01', 1234567890], (x) => Number(x)],
      ['str', ['abcxyz'], no_converter],
      ['path', ['allows.ANY*characters'], no_converter],
      ['slug', ['abcxyz-ABCXYZ_01234567890'], no_converter],
      ['uuid', ['39da9369-838e-4750-91a5-f7805cd82839'], (x) => new UUID(x)],
    ]
    for (const [url_name, url_suffixes, converter] of test_data) {
      for (const url_suffix of url_suffixes) {
        const url = `/${url_name}/${url_suffix}/`
        const match = resolve(url)
        expect(match.url_name).toBe(url_name)
        expect(match.kwargs).toEqual({ [url_name]: converter(String(url_suffix)) })
        // reverse() works with string parameters.
        expect(reverse(url_name, { kwargs: { [url_name]: url_suffix } })).toBe(url)
        // reverse() also works with native types (int, UUID, etc.).
        if (converter !== no_converter) {
          const converted_value = match.kwargs[url_name]
          expect(reverse(url_name, { kwargs: { [url_name]: converted_value } })).toBe(`/${url_name}/${String(converted_value)}/`)
        }
      }
    }
  })

  t('test_nonmatching_urls', () => {
    const test_data: Array<[string, string[]]> = [
      ['int', ['-1', 'letters']],
      ['str', ['', '/']],
      ['path', ['']],
      ['slug', ['', 'stars*notallowed']],
      [
        'uuid',
        [
          '',
          '9da9369-838e-4750-91a5-f7805cd82839',
          '39da9369-838-4750-91a5-f7805cd82839',
          '39da9369-838e-475-91a5-f7805cd82839',
          '39da9369-838e-4750-91a-f7805cd82839',
          '39da9369-838e-4750-91a5-f7805cd8283',
        ],
      ],
    ]
    for (const [url_name, url_suffixes] of test_data) {
      for (const url_suffix of url_suffixes) expect(() => resolve(`/${url_name}/${url_suffix}/`)).toThrow(Resolver404)
    }
  })
})

describe('SameNameTests', () => {
  itWith('urlpatterns.path_same_name_urls')('test_matching_urls_same_name', () => {
    DynamicConverter.register_to_url((value) => {
      if ((value as number) > 5) throw new ValueError()
      return value
    })
    const tests: Array<[string, Array<[unknown[], Record<string, unknown>, string]>]> = [
      ['number_of_args', [[[], {}, '0/'], [[1], {}, '1/1/']]],
      ['kwargs_names', [[[], { a: 1 }, 'a/1/'], [[], { b: 1 }, 'b/1/']]],
      [
        'converter',
        [
          [['a/b'], {}, 'path/a/b/'],
          [['a b'], {}, 'str/a%20b/'],
          [['a-b'], {}, 'slug/a-b/'],
          [['2'], {}, 'int/2/'],
          [['39da9369-838e-4750-91a5-f7805cd82839'], {}, 'uuid/39da9369-838e-4750-91a5-f7805cd82839/'],
        ],
      ],
      ['regex', [[['ABC'], {}, 'uppercase/ABC/'], [['abc'], {}, 'lowercase/abc/']]],
      ['converter_to_url', [[[6], {}, 'int/6/'], [[1], {}, 'tiny_int/1/']]],
    ]
    for (const [url_name, cases] of tests) {
      for (const [args, kwargs, url_suffix] of cases) {
        expect(reverse(url_name, { args, kwargs })).toBe(`/${url_name}/${url_suffix}`)
      }
    }
  })
})

describe('ParameterRestrictionTests', () => {
  it('test_integer_parameter_name_causes_exception', () => {
    expect(() => path('hello/<int:1>/', empty_view)).toThrow(
      new ImproperlyConfigured("URL route 'hello/<int:1>/' uses parameter name '1' which isn't a valid Python identifier."),
    )
  })

  it('test_non_identifier_parameter_name_causes_exception', () => {
    expect(() => path('b/<int:book.id>/', empty_view)).toThrow(
      new ImproperlyConfigured(
        "URL route 'b/<int:book.id>/' uses parameter name 'book.id' which isn't a valid Python identifier.",
      ),
    )
  })

  it('test_allows_non_ascii_but_valid_identifiers', () => {
    // \u0394 is "GREEK CAPITAL LETTER DELTA", a valid identifier.
    const p = path('hello/<str:\u0394>/', empty_view) as URLPattern
    expect(p.resolve('hello/1/')!.kwargs).toEqual({ '\u0394': '1' })
  })
})

describe('ConversionExceptionTests', () => {
  const t = itWith('urlpatterns.path_dynamic_urls')

  t('test_resolve_value_error_means_no_match', () => {
    DynamicConverter.register_to_python(() => {
      throw new ValueError()
    })
    expect(() => resolve('/dynamic/abc/')).toThrow(Resolver404)
  })

  t('test_resolve_type_error_propagates', () => {
    DynamicConverter.register_to_python(() => {
      throw new TypeError('This type error propagates.')
    })
    expect(() => resolve('/dynamic/abc/')).toThrow(new TypeError('This type error propagates.'))
  })

  t('test_reverse_value_error_means_no_match', () => {
    DynamicConverter.register_to_url(() => {
      throw new ValueError()
    })
    expect(() => reverse('dynamic', { kwargs: { value: {} } })).toThrow(NoReverseMatch)
  })

  t('test_reverse_type_error_propagates', () => {
    DynamicConverter.register_to_url(() => {
      throw new TypeError('This type error propagates.')
    })
    expect(() => reverse('dynamic', { kwargs: { value: {} } })).toThrow(new TypeError('This type error propagates.'))
  })
})

// django: tests/urlpatterns/test_resolvers.py
describe('RegexPatternTests', () => {
  it('test_str', () => {
    expect(String(new RegexPattern('^translated/$'))).toBe('^translated/$')
  })
})

describe('RoutePatternTests', () => {
  it('test_str', () => {
    expect(String(new RoutePattern('translated/'))).toBe('translated/')
  })
})

describe('ResolverCacheTests', () => {
  itWith('urlpatterns.path_urls')('test_resolver_cache_default__root_urlconf', () => {
    // The resolver for the default URLconf and for settings.ROOT_URLCONF is the same cached object.
    expect(get_resolver()).toBe(get_resolver('urlpatterns.path_urls'))
    expect(get_resolver()).not.toBe(get_resolver('urlpatterns.path_dynamic_urls'))
  })
})

describe('include() of a list', () => {
  it('lets path() build a resolver around an inline list', () => {
    const inner: URLEntry[] = [path('child/', empty_view, { name: 'child' })]
    const entry = path('lazy/', include(inner))
    expect(String(entry)).toBe("<URLResolver <URLPattern list> (None:None) 'lazy/'>")
  })
})
