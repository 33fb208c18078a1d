/** Port of django/urls/conf.py (path, re_path, include): the functions URLconfs are written with. */
import { ImproperlyConfigured, ValueError } from '../core/exceptions.ts'
import { import_string } from '../core/module-loading.ts'
import { is_plain_record, py_type_name } from '../core/py-values.ts'
import { RegexPattern, RoutePattern, type Pattern } from './patterns.ts'
import { make_kwargs, type Kwargs, type View } from './resolver-match.ts'
import { URLResolver, type URLconf, type URLconfModule, type URLEntry } from './resolvers.ts'
import { URLPattern } from './url-pattern.ts'

/** What include() returns and path() recognises: Python's `(urlconf_module, app_name, namespace)` tuple. */
export type IncludeTuple = readonly [urlconf_module: unknown, app_name: string | null, namespace: string | null]

/** path()/re_path() keyword arguments after `view`. */
export interface PathOptions {
  /** Extra keyword arguments passed to the view (Django's `kwargs`). */
  kwargs?: Kwargs | null
  name?: string | null
}

/** What include() accepts: a urlconf (module, pattern list, dotted name) or a `[patterns, app_name]` pair. */
export type IncludeArg = URLconf | readonly [URLconf, string] | readonly unknown[]

function isPatternEntry(value: unknown): boolean {
  return value instanceof URLPattern || value instanceof URLResolver
}

// Python tells a tuple from a list by type; JS arrays are both, so an array holding anything but
// patterns is read as the tuple form.
function isTupleForm(arg: unknown): arg is readonly unknown[] {
  return Array.isArray(arg) && arg.length > 0 && !arg.every(isPatternEntry)
}

/**
 * `include(arg, namespace=None)`: the `(urlconf_module, app_name, namespace)` triple path() turns
 * into a URLResolver. A dotted name is resolved with import_string() now, as Django imports it.
 */
export function include(arg: IncludeArg, namespace: string | null = null): IncludeTuple {
  let app_name: string | null = null
  let urlconf_module: unknown
  if (isTupleForm(arg)) {
    if (arg.length !== 2) {
      if (namespace) {
        throw new ImproperlyConfigured('Cannot override the namespace for a dynamic module that provides a namespace.')
      }
      throw new ImproperlyConfigured(
        `Passing a ${arg.length}-tuple to include() is not supported. Pass a 2-tuple containing the list of ` +
          'patterns and app_name, and provide the namespace argument to include() instead.',
      )
    }
    urlconf_module = arg[0]
    app_name = arg[1] as string | null
  } else {
    urlconf_module = arg
  }
  if (typeof urlconf_module === 'string') urlconf_module = import_string(urlconf_module)
  const module = urlconf_module as Partial<URLconfModule> | null
  const hasAttrs = module !== null && typeof module === 'object' && !Array.isArray(module)
  if (hasAttrs && 'app_name' in module) app_name = module.app_name ?? null
  if (namespace && !app_name) {
    throw new ImproperlyConfigured(
      'Specifying a namespace in include() without providing an app_name is not supported. Set the app_name ' +
        'attribute in the included module, or pass a 2-tuple containing the list of patterns and app_name instead.',
    )
  }
  return Object.freeze([urlconf_module, app_name, namespace || app_name] as const)
}

type PatternClass = new (route: string, name?: string | null, is_endpoint?: boolean) => Pattern

function isViewInstance(view: unknown): view is object {
  if (view === null || typeof view !== 'object') return false
  const ctor = (view as object).constructor as { as_view?: unknown } | undefined
  return typeof ctor?.as_view === 'function'
}

function makePath(
  Pattern: PatternClass,
  route: string,
  view: View | IncludeTuple,
  options: PathOptions | Kwargs | null,
  name: string | null,
): URLEntry {
  const kwargs = options
  if (kwargs !== null && kwargs !== undefined && !is_plain_record(kwargs)) {
    throw new TypeError(`kwargs argument must be a dict, but got ${py_type_name(kwargs)}.`)
  }
  const defaults = kwargs ? make_kwargs(kwargs) : null
  if (Array.isArray(view)) {
    if (view.length !== 3) {
      throw new ValueError(
        view.length < 3 ? `not enough values to unpack (expected 3, got ${view.length})` : 'too many values to unpack (expected 3)',
      )
    }
    const [urlconf_module, app_name, namespace] = view as IncludeTuple
    return new URLResolver(new Pattern(route, null, false), urlconf_module, defaults, app_name, namespace)
  }
  if (typeof view === 'function') return new URLPattern(new Pattern(route, name, true), view as View, defaults, name)
  if (isViewInstance(view)) {
    const cls = view.constructor.name
    throw new TypeError(`view must be a callable, pass ${cls}.as_view(), not ${cls}().`)
  }
  throw new TypeError('view must be a callable or a list/tuple in the case of include().')
}

// Django's signature is path(route, view, kwargs=None, name=None): accept `{ kwargs, name }` as the
// trailing options object, or Django's positional kwargs dict and name.
function split(options: PathOptions | Kwargs | string | null | undefined, name: string | null | undefined): [unknown, string | null] {
  if (typeof options === 'string') return [options, name ?? null]
  if (name !== undefined) return [options ?? null, name]
  if (options && is_plain_record(options) && Object.keys(options).every((k) => k === 'kwargs' || k === 'name')) {
    const o = options as PathOptions
    return [o.kwargs ?? null, o.name ?? null]
  }
  return [options ?? null, null]
}

/**
 * `path(route, view, kwargs=None, name=None)`: `path('x/<int:pk>/', view, { name: 'x' })`,
 * `path('x/', view, { kwargs: { extra: 1 }, name: 'x' })`, or `path('x/', include(...))`.
 */
export function path(route: string, view: View | IncludeTuple, options?: PathOptions | Kwargs | null, name?: string | null): URLEntry {
  const [kwargs, n] = split(options, name)
  return makePath(RoutePattern, route, view, kwargs as Kwargs | null, n)
}

/** `re_path(regex, view, kwargs=None, name=None)`: like path() with a Python regular expression. */
export function re_path(route: string, view: View | IncludeTuple, options?: PathOptions | Kwargs | null, name?: string | null): URLEntry {
  const [kwargs, n] = split(options, name)
  return makePath(RegexPattern, route, view, kwargs as Kwargs | null, n)
}
