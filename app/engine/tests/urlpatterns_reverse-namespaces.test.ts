/** Django 5.2's namespace tests for reverse() and resolve(): instance and application namespaces, current_app. */
// django: tests/urlpatterns_reverse/tests.py (NamespaceTests, ResolverMatchTests.test_urlpattern_resolve)
import { describe, expect, it } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { resolve, reverse } from '../urls/base.ts'
import { NoReverseMatch } from '../urls/exceptions.ts'
import { ResolverMatch } from '../urls/resolver-match.ts'
import '../tests/fixtures/urlconfs/urlpatterns-reverse.ts'
import { empty_view, view_class_instance } from './fixtures/urlconfs/views.ts'

const t = (name: string, fn: () => void) =>
  it(name, () => override_settings({ ROOT_URLCONF: 'urlpatterns_reverse.namespace_urls' }, fn))

type Case = [name: string, args: unknown[], kwargs: Record<string, unknown>, expected: string]
type AppCase = [name: string, args: unknown[], kwargs: Record<string, unknown>, current_app: string | null, expected: string]

function check(cases: Case[]): void {
  for (const [name, args, kwargs, expected] of cases) expect([name, reverse(name, { args, kwargs })]).toEqual([name, expected])
}

function checkApp(cases: AppCase[]): void {
  for (const [name, args, kwargs, current_app, expected] of cases) {
    expect([name, current_app, reverse(name, { args, kwargs, current_app })]).toEqual([name, current_app, expected])
  }
}

/** The four standard lookups every namespace test makes: no args, positional, keyword, special chars. */
function standard(ns: string, base: string, inner = 'urlobject-view', special = 'urlobject-special-view'): Case[] {
  return [
    [`${ns}:${inner}`, [], {}, base],
    [`${ns}:${inner}`, [37, 42], {}, `${base}37/42/`],
    [`${ns}:${inner}`, [], { arg1: 42, arg2: 37 }, `${base}42/37/`],
    [`${ns}:${special}`, [], {}, `${base}+%5C$*/`],
  ]
}

describe('NamespaceTests', () => {
  t('test_ambiguous_object', () => {
    for (const [args, kwargs] of [[[], {}], [[37, 42], {}], [[], { arg1: 42, arg2: 37 }]] as const) {
      expect(() => reverse('urlobject-view', { args, kwargs })).toThrow(NoReverseMatch)
    }
  })

  t('test_ambiguous_urlpattern', () => {
    for (const [args, kwargs] of [[[], {}], [[37, 42], {}], [[], { arg1: 42, arg2: 37 }]] as const) {
      expect(() => reverse('inner-nothing', { args, kwargs })).toThrow(NoReverseMatch)
    }
  })

  t('test_non_existent_namespace', () => {
    expect(() => reverse('blahblah:urlobject-view')).toThrow(new NoReverseMatch("'blahblah' is not a registered namespace"))
    expect(() => reverse('test-ns1:blahblah:urlobject-view')).toThrow(
      new NoReverseMatch("'blahblah' is not a registered namespace inside 'test-ns1'"),
    )
  })

  t('test_normal_name', () => {
    check([
      ['normal-view', [], {}, '/normal/'],
      ['normal-view', [37, 42], {}, '/normal/37/42/'],
      ['normal-view', [], { arg1: 42, arg2: 37 }, '/normal/42/37/'],
      ['special-view', [], {}, '/+%5C$*/'],
    ])
  })

  t('test_simple_included_name', () => {
    check(standard('included_namespace_urls', '/included/normal/', 'inc-normal-view', 'inc-special-view').map(
      ([n, a, k, e]) => [n, a, k, e.replace('/included/normal/+', '/included/+')] as Case,
    ))
  })

  t('test_namespace_object', () => check(standard('test-ns1', '/test1/inner/')))
  t('test_app_object', () => check(standard('new-ns1', '/newapp1/inner/')))
  t('test_app_object_default_namespace', () => check(standard('newapp', '/new-default/inner/')))
  t('test_embedded_namespace_object', () => check(standard('included_namespace_urls:test-ns3', '/included/test3/inner/')))

  t('test_namespace_pattern', () => {
    check(
      standard('inc-ns1', '/ns-included1/normal/', 'inc-normal-view', 'inc-special-view').map(
        ([n, a, k, e]) => [n, a, k, e.replace('/normal/+', '/+')] as Case,
      ),
    )
  })

  t('test_app_name_pattern', () => {
    check(
      standard('app-ns1', '/app-included1/normal/', 'inc-normal-view', 'inc-special-view').map(
        ([n, a, k, e]) => [n, a, k, e.replace('/normal/+', '/+')] as Case,
      ),
    )
  })

  t('test_namespace_pattern_with_variable_prefix', () => {
    check([
      ['inc-outer:inc-normal-view', [], { outer: 42 }, '/ns-outer/42/normal/'],
      ['inc-outer:inc-normal-view', [42], {}, '/ns-outer/42/normal/'],
      ['inc-outer:inc-normal-view', [], { arg1: 37, arg2: 4, outer: 42 }, '/ns-outer/42/normal/37/4/'],
      ['inc-outer:inc-normal-view', [42, 37, 4], {}, '/ns-outer/42/normal/37/4/'],
      ['inc-outer:inc-special-view', [], { outer: 42 }, '/ns-outer/42/+%5C$*/'],
      ['inc-outer:inc-special-view', [42], {}, '/ns-outer/42/+%5C$*/'],
    ])
  })

  t('test_multiple_namespace_pattern', () => check(standard('inc-ns1:test-ns3', '/ns-included1/test3/inner/')))

  t('test_nested_namespace_pattern', () => {
    check(standard('inc-ns1:inc-ns4:inc-ns1:test-ns3', '/ns-included1/ns-included4/ns-included1/test3/inner/'))
  })

  t('test_app_lookup_object', () => check(standard('testapp', '/default/inner/')))

  t('test_app_lookup_object_with_default', () => {
    checkApp(standard('testapp', '/default/inner/').map(([n, a, k, e]) => [n, a, k, 'test-ns3', e]))
  })

  t('test_app_lookup_object_without_default', () => {
    checkApp([
      ...standard('nodefault', '/other2/inner/').map(([n, a, k, e]): AppCase => [n, a, k, null, e]),
      ...standard('nodefault', '/other1/inner/').map(([n, a, k, e]): AppCase => [n, a, k, 'other-ns1', e]),
    ])
  })

  t('test_special_chars_namespace', () => {
    check([
      ['special:included_namespace_urls:inc-normal-view', [], {}, '/+%5C$*/included/normal/'],
      ['special:included_namespace_urls:inc-normal-view', [37, 42], {}, '/+%5C$*/included/normal/37/42/'],
      ['special:included_namespace_urls:inc-normal-view', [], { arg1: 42, arg2: 37 }, '/+%5C$*/included/normal/42/37/'],
      ['special:included_namespace_urls:inc-special-view', [], {}, '/+%5C$*/included/+%5C$*/'],
    ])
  })

  t('test_namespaces_with_variables', () => {
    check([
      ['inc-ns5:inner-nothing', [], { outer: '70' }, '/inc70/'],
      ['inc-ns5:inner-extra', [], { extra: 'foobar', outer: '78' }, '/inc78/extra/foobar/'],
      ['inc-ns5:inner-nothing', ['70'], {}, '/inc70/'],
      ['inc-ns5:inner-extra', ['78', 'foobar'], {}, '/inc78/extra/foobar/'],
    ])
  })

  t('test_nested_app_lookup', () => {
    // A nested current_app is split into individual namespaces (#24904).
    checkApp([
      ...standard('inc-ns1:testapp', '/ns-included1/test4/inner/').map(([n, a, k, e]): AppCase => [n, a, k, null, e]),
      ...standard('inc-ns1:testapp', '/ns-included1/test3/inner/').map(([n, a, k, e]): AppCase => [n, a, k, 'inc-ns1:test-ns3', e]),
    ])
  })

  t('test_current_app_no_partial_match', () => {
    // current_app is only used when it matches the whole path.
    checkApp(
      standard('inc-ns1:testapp', '/ns-included1/test4/inner/').map(([n, a, k, e]): AppCase => [n, a, k, 'nonexistent:test-ns3', e]),
    )
  })
})

type ResolveDatum = [string, string | null, string, string, string, unknown, unknown[], Record<string, unknown>]

// (path, url_name, app_name, namespace, view_name, func, args, kwargs)
const resolve_test_data: ResolveDatum[] = [
  ['/normal/42/37/', 'normal-view', '', '', 'normal-view', empty_view, [], { arg1: '42', arg2: '37' }],
  ['/view_class/42/37/', 'view-class', '', '', 'view-class', view_class_instance, [], { arg1: '42', arg2: '37' }],
  [
    '/included/normal/42/37/',
    'inc-normal-view',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-normal-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  [
    '/included/view_class/42/37/',
    'inc-view-class',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-view-class',
    view_class_instance,
    [],
    { arg1: '42', arg2: '37' },
  ],
  // Unnamed args are dropped if you have *any* kwargs in a pattern.
  ['/mixed_args/42/37/', 'mixed-args', '', '', 'mixed-args', empty_view, [], { extra: true, arg2: '37' }],
  [
    '/included/mixed_args/42/37/',
    'inc-mixed-args',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-mixed-args',
    empty_view,
    [],
    { arg2: '37' },
  ],
  [
    '/included/12/mixed_args/42/37/',
    'inc-mixed-args',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-mixed-args',
    empty_view,
    [],
    { arg2: '37' },
  ],
  // Unnamed views have None as the url_name (#21157).
  ['/unnamed/normal/42/37/', null, '', '', 'urlpatterns_reverse.views.empty_view', empty_view, [], { arg1: '42', arg2: '37' }],
  ['/unnamed/view_class/42/37/', null, '', '', 'urlpatterns_reverse.views.ViewClass', view_class_instance, [], { arg1: '42', arg2: '37' }],
  // Without kwargs you get an args list.
  ['/no_kwargs/42/37/', 'no-kwargs', '', '', 'no-kwargs', empty_view, ['42', '37'], {}],
  [
    '/included/no_kwargs/42/37/',
    'inc-no-kwargs',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-no-kwargs',
    empty_view,
    ['42', '37'],
    {},
  ],
  [
    '/included/12/no_kwargs/42/37/',
    'inc-no-kwargs',
    'included_namespace_urls',
    'included_namespace_urls',
    'included_namespace_urls:inc-no-kwargs',
    empty_view,
    ['12', '42', '37'],
    {},
  ],
  // Namespaces
  ['/test1/inner/42/37/', 'urlobject-view', 'testapp', 'test-ns1', 'test-ns1:urlobject-view', empty_view, [], { arg1: '42', arg2: '37' }],
  [
    '/included/test3/inner/42/37/',
    'urlobject-view',
    'included_namespace_urls:testapp',
    'included_namespace_urls:test-ns3',
    'included_namespace_urls:test-ns3:urlobject-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  [
    '/ns-included1/normal/42/37/',
    'inc-normal-view',
    'included_namespace_urls',
    'inc-ns1',
    'inc-ns1:inc-normal-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  ['/default/inner/42/37/', 'urlobject-view', 'testapp', 'testapp', 'testapp:urlobject-view', empty_view, [], { arg1: '42', arg2: '37' }],
  ['/other2/inner/42/37/', 'urlobject-view', 'nodefault', 'other-ns2', 'other-ns2:urlobject-view', empty_view, [], { arg1: '42', arg2: '37' }],
  ['/other1/inner/42/37/', 'urlobject-view', 'nodefault', 'other-ns1', 'other-ns1:urlobject-view', empty_view, [], { arg1: '42', arg2: '37' }],
  // Nested namespaces
  [
    '/ns-included1/test3/inner/42/37/',
    'urlobject-view',
    'included_namespace_urls:testapp',
    'inc-ns1:test-ns3',
    'inc-ns1:test-ns3:urlobject-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  [
    '/ns-included1/ns-included4/ns-included2/test3/inner/42/37/',
    'urlobject-view',
    'included_namespace_urls:namespace_urls:included_namespace_urls:testapp',
    'inc-ns1:inc-ns4:inc-ns2:test-ns3',
    'inc-ns1:inc-ns4:inc-ns2:test-ns3:urlobject-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  [
    '/app-included/test3/inner/42/37/',
    'urlobject-view',
    'included_namespace_urls:testapp',
    'inc-app:test-ns3',
    'inc-app:test-ns3:urlobject-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  [
    '/app-included/ns-included4/ns-included2/test3/inner/42/37/',
    'urlobject-view',
    'included_namespace_urls:namespace_urls:included_namespace_urls:testapp',
    'inc-app:inc-ns4:inc-ns2:test-ns3',
    'inc-app:inc-ns4:inc-ns2:test-ns3:urlobject-view',
    empty_view,
    [],
    { arg1: '42', arg2: '37' },
  ],
  // Namespaces capturing variables
  ['/inc70/', 'inner-nothing', 'included_urls', 'inc-ns5', 'inc-ns5:inner-nothing', empty_view, [], { outer: '70' }],
  ['/inc78/extra/foobar/', 'inner-extra', 'included_urls', 'inc-ns5', 'inc-ns5:inner-extra', empty_view, [], { outer: '78', extra: 'foobar' }],
]

describe('ResolverMatchTests', () => {
  t('test_urlpattern_resolve', () => {
    for (const [path_, url_name, app_name, namespace, view_name, func, args, kwargs] of resolve_test_data) {
      // Legacy support for extracting "function, args, kwargs".
      const [match_func, match_args, match_kwargs] = resolve(path_)
      expect([path_, match_func, match_args, match_kwargs]).toEqual([path_, func, args, kwargs])
      const match = resolve(path_)
      expect(match).toBeInstanceOf(ResolverMatch)
      expect([path_, match.url_name, match.app_name, match.namespace, match.view_name]).toEqual([
        path_,
        url_name,
        app_name,
        namespace,
        view_name,
      ])
      expect(match.func).toBe(func)
      expect(match.args).toEqual(args)
      expect(match.kwargs).toEqual(kwargs)
      expect([match.getitem(0), match.getitem(1), match.getitem(2)]).toEqual([func, args, kwargs])
    }
  })
})
