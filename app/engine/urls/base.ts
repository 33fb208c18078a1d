/** Port of django/urls/base.py (resolve, reverse, the script prefix and the per-request URLconf). */
import { py_type_name } from '../core/py-values.ts'
import { str_repr } from '../core/python.ts'
import { QueryDict } from '../http/query-dict.ts'
import { NoReverseMatch, Resolver404 } from './exceptions.ts'
import type { Converter } from './converters.ts'
import type { Kwargs, ResolverMatch } from './resolver-match.ts'
import { clear_resolver_caches, get_ns_resolver, get_resolver, type URLconf, type URLResolver } from './resolvers.ts'
import { py_urlencode } from '../core/urlencode.ts'

// Django keeps these per thread / asyncio task; a runtime here serves one request at a time.
let scriptPrefix: string | null = null
let urlconfOverride: URLconf | null = null

/** `resolve(path, urlconf=None)`: the ResolverMatch for a path, or Resolver404. */
export function resolve(path: string, urlconf: URLconf | null = null): ResolverMatch {
  return get_resolver(urlconf ?? get_urlconf()).resolve(path)
}

/** reverse()'s keyword arguments. */
export interface ReverseOptions {
  urlconf?: URLconf | null
  args?: readonly unknown[] | null
  kwargs?: Kwargs | null
  current_app?: string | null
  /** 5.2: a QueryDict, dict, Map or sequence of pairs; appended as `?...` when it encodes to something. */
  query?: unknown
  /** 5.2: appended as `#fragment`, unescaped. */
  fragment?: string | null
}

// str(KeyError(ns)) is the repr of the missing key.
const lookupKeyError = (key: string): string => str_repr(key)

/**
 * `reverse(viewname, urlconf=None, args=None, kwargs=None, current_app=None, *, query=None, fragment=None)`:
 * the URL path for a view or a (`ns:`-qualified) pattern name.
 */
export function reverse(viewname: unknown, options: ReverseOptions = {}): string {
  let resolver = get_resolver(options.urlconf ?? get_urlconf())
  const args = options.args ?? []
  const kwargs = options.kwargs ?? {}
  const prefix = get_script_prefix()
  let view: unknown = viewname
  if (typeof viewname === 'string') {
    const path = viewname.split(':')
    view = path.pop()
    let current_path = options.current_app ? options.current_app.split(':').reverse() : null
    const resolved_path: string[] = []
    let ns_pattern = ''
    const ns_converters = new Map<string, Converter>()
    for (let ns of path) {
      const current_ns = current_path?.length ? current_path.pop()! : null
      // The name may be an application namespace: pick the current instance or the default one.
      const app_list = resolver.app_dict.get(ns)
      if (app_list) {
        if (current_ns && app_list.includes(current_ns)) ns = current_ns
        else if (!app_list.includes(ns)) ns = app_list[0] as string
      }
      if (ns !== current_ns) current_path = null
      const entry = resolver.namespace_dict.get(ns)
      if (!entry) {
        if (resolved_path.length) {
          throw new NoReverseMatch(`${lookupKeyError(ns)} is not a registered namespace inside '${resolved_path.join(':')}'`)
        }
        throw new NoReverseMatch(`${lookupKeyError(ns)} is not a registered namespace`)
      }
      const [extra, sub] = entry
      resolver = sub
      resolved_path.push(ns)
      ns_pattern += extra
      for (const [k, c] of Object.entries(sub.pattern.converters)) ns_converters.set(k, c)
    }
    if (ns_pattern) resolver = get_ns_resolver(ns_pattern, resolver, [...ns_converters])
  }
  let resolved_url = (resolver as URLResolver)._reverse_with_prefix(view, prefix, args, kwargs)
  const query = options.query
  if (query !== null && query !== undefined) {
    const query_string = query instanceof QueryDict ? query.urlencode() : py_urlencode(query, true)
    if (query_string) resolved_url += '?' + query_string
  }
  const fragment = options.fragment
  if (fragment !== null && fragment !== undefined) {
    if (typeof fragment !== 'string') throw new TypeError(`can only concatenate str (not "${py_type_name(fragment)}") to str`)
    resolved_url += '#' + fragment
  }
  return resolved_url
}

/** `clear_url_caches()`: forget cached resolvers (after URLconfs change). */
export function clear_url_caches(): void {
  clear_resolver_caches()
}

/** `set_script_prefix(prefix)`: the prefix reverse() puts before every path; a trailing `/` is added. */
export function set_script_prefix(prefix: string): void {
  scriptPrefix = prefix.endsWith('/') ? prefix : prefix + '/'
}

/** `get_script_prefix()`: the active script prefix, `/` by default. */
export function get_script_prefix(): string {
  return scriptPrefix ?? '/'
}

/** `clear_script_prefix()`: back to the default `/`. */
export function clear_script_prefix(): void {
  scriptPrefix = null
}

/** `set_urlconf(urlconf_name)`: override ROOT_URLCONF for the current request; a falsy value reverts. */
export function set_urlconf(urlconf_name: URLconf | null): void {
  urlconfOverride = urlconf_name || null
}

/** `get_urlconf(default=None)`: the overriding URLconf, or `default_value`. */
export function get_urlconf<T = null>(default_value: T = null as T): URLconf | T {
  return urlconfOverride ?? default_value
}

/** `is_valid_path(path, urlconf=None)`: the ResolverMatch when the path resolves, else false. */
export function is_valid_path(path: string, urlconf: URLconf | null = null): ResolverMatch | false {
  try {
    return resolve(path, urlconf)
  } catch (error) {
    if (error instanceof Resolver404) return false
    throw error
  }
}
