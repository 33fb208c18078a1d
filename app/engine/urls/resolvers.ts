/**
 * Port of django/urls/resolvers.py (URLResolver, get_resolver, get_ns_resolver). A URLconf is a
 * module-like object `{ urlpatterns, app_name?, handler400?, ... }`, a list of patterns, or the
 * dotted name such an object was registered under with register_import().
 */
import { get_settings } from '../conf/context.ts'
import { ImproperlyConfigured, ValueError } from '../core/exceptions.ts'
import { import_string, is_registered_import } from '../core/module-loading.ts'
import { pystr } from '../core/python.ts'
import type { Converter } from './converters.ts'
import { Resolver404 } from './exceptions.ts'
import { RegexPattern, type CheckMessage, type Pattern } from './patterns.ts'
import { normalize } from './regex-helper.ts'
import { py_repr } from './repr.ts'
import { make_kwargs, ResolverMatch, type Kwargs, type View } from './resolver-match.ts'
import { reverse_with_prefix, type ReverseEntry } from './resolver-reverse.ts'
import { URLPattern } from './url-pattern.ts'
import { get_callable } from './utils.ts'

export { call_view, ResolverMatch } from './resolver-match.ts'
export { escape_leading_slashes } from './resolver-reverse.ts'
export type { View } from './resolver-match.ts'

/** One entry of a URLconf's `urlpatterns`. */
export type URLEntry = URLPattern | URLResolver

/** A URLconf module: its patterns, optional app_name and error handlers (views or dotted names). */
export interface URLconfModule {
  urlpatterns: URLEntry[]
  app_name?: string
  handler400?: View | string
  handler403?: View | string
  handler404?: View | string
  handler500?: View | string
  /** Shown where Django shows the module's name. */
  __name__?: string
}

/** Anything Django accepts as a urlconf: a registered dotted name, a module, or a pattern list. */
export type URLconf = string | URLconfModule | readonly URLEntry[]
/** Alias of URLconf. */
export type URLConf = URLconf


const DEFAULT_HANDLERS: Record<string, string> = {
  '400': 'django.views.defaults.bad_request',
  '403': 'django.views.defaults.permission_denied',
  '404': 'django.views.defaults.page_not_found',
  '500': 'django.views.defaults.server_error',
}

function appendlist<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function urlconfName(urlconf: unknown): string {
  if (typeof urlconf === 'string') return urlconf
  if (urlconf === null || urlconf === undefined) return 'None'
  if (Array.isArray(urlconf)) return py_repr(urlconf)
  return (urlconf as URLconfModule).__name__ ?? (urlconf as object).constructor?.name ?? 'module'
}

/** A pattern that leads to a nested URLconf (Django's include()), with its namespace and app_name. */
export class URLResolver {
  readonly pattern: Pattern
  /** The dotted name, module object or pattern list this resolver reads. */
  readonly urlconf_name: unknown
  readonly callback = null
  readonly default_kwargs: Kwargs
  readonly namespace: string | null
  readonly app_name: string | null
  /** @internal */
  _populated = false
  /** @internal */
  readonly _callback_strs = new Set<string>()
  #reverse: Map<unknown, ReverseEntry[]> | null = null
  #namespaces: Map<string | null, [string, URLResolver]> | null = null
  #apps: Map<string, Array<string | null>> | null = null
  #populating = false
  #module: { value: unknown } | null = null
  #patterns: readonly URLEntry[] | null = null

  constructor(
    pattern: Pattern,
    urlconf_name: unknown,
    default_kwargs: Kwargs | null = null,
    app_name: string | null = null,
    namespace: string | null = null,
  ) {
    this.pattern = pattern
    this.urlconf_name = urlconf_name
    this.default_kwargs = default_kwargs ?? make_kwargs()
    this.namespace = namespace
    this.app_name = app_name
  }

  /** `repr(resolver)`: `<URLResolver <urlconf> (app_name:namespace) 'pattern'>`. */
  __repr__(): string {
    const name = this.urlconf_name
    let urlconfRepr: string
    if (Array.isArray(name)) urlconfRepr = name.length ? `<${(name[0] as object).constructor.name} list>` : '[]'
    else if (name !== null && typeof name === 'object') urlconfRepr = `<module '${urlconfName(name)}'>`
    else urlconfRepr = py_repr(name)
    return `<URLResolver ${urlconfRepr} (${pystr(this.app_name)}:${pystr(this.namespace)}) ${this.pattern.describe()}>`
  }

  toString(): string {
    return this.__repr__()
  }

  /** System checks of every nested pattern, or of this resolver's own pattern when those pass. */
  check(): CheckMessage[] {
    const messages = this.url_patterns.flatMap((p) => p.check())
    return messages.length ? messages : this.pattern.check()
  }

  /** The URLconf module (imported by dotted name on first use). */
  get urlconf_module(): unknown {
    if (!this.#module) {
      const name = this.urlconf_name
      this.#module = { value: typeof name === 'string' ? import_string(name) : name }
    }
    return this.#module.value
  }

  /** The module's `urlpatterns` (or the module itself when it is the list). */
  get url_patterns(): readonly URLEntry[] {
    if (this.#patterns) return this.#patterns
    const module = this.urlconf_module
    const patterns =
      module !== null && typeof module === 'object' && !Array.isArray(module) && 'urlpatterns' in module
        ? (module as URLconfModule).urlpatterns
        : module
    if (patterns === null || typeof patterns !== 'object' || !(Symbol.iterator in patterns)) {
      throw new ImproperlyConfigured(
        `The included URLconf '${urlconfName(this.urlconf_name)}' does not appear to have any patterns in it. ` +
          "If you see the 'urlpatterns' variable with valid patterns in the file then the issue is probably " +
          'caused by a circular import.',
      )
    }
    return (this.#patterns = Array.isArray(patterns) ? patterns : [...(patterns as Iterable<URLEntry>)])
  }

  /** @internal Builds the reverse, namespace and app lookups (once; recursion short-circuits). */
  _populate(): void {
    if (this.#populating) return
    this.#populating = true
    try {
      const lookups = new Map<unknown, ReverseEntry[]>()
      const namespaces = new Map<string | null, [string, URLResolver]>()
      const apps = new Map<string, Array<string | null>>()
      for (const url_pattern of [...this.url_patterns].reverse()) {
        let p_pattern = url_pattern.pattern.regex.pattern
        if (p_pattern.startsWith('^')) p_pattern = p_pattern.slice(1)
        if (url_pattern instanceof URLPattern) {
          this._callback_strs.add(url_pattern.lookup_str)
          const entry: ReverseEntry = [
            normalize(url_pattern.pattern.regex.pattern),
            p_pattern,
            url_pattern.default_args,
            url_pattern.pattern.converters,
          ]
          appendlist(lookups, url_pattern.callback, entry)
          if (url_pattern.name !== null) appendlist(lookups, url_pattern.name, entry)
          continue
        }
        url_pattern._populate()
        if (url_pattern.app_name) {
          appendlist(apps, url_pattern.app_name, url_pattern.namespace)
          namespaces.set(url_pattern.namespace, [p_pattern, url_pattern])
        } else {
          for (const [name, entries] of url_pattern.reverse_dict) {
            for (const [, pat, defaults, converters] of entries) {
              appendlist(lookups, name, [
                normalize(p_pattern + pat),
                p_pattern + pat,
                make_kwargs(defaults, url_pattern.default_kwargs),
                Object.assign(Object.create(null), this.pattern.converters, url_pattern.pattern.converters, converters),
              ])
            }
          }
          for (const [namespace, [prefix, sub_pattern]] of url_pattern.namespace_dict) {
            Object.assign(sub_pattern.pattern.converters, url_pattern.pattern.converters)
            namespaces.set(namespace, [p_pattern + prefix, sub_pattern])
          }
          for (const [app_name, namespace_list] of url_pattern.app_dict) {
            for (const ns of namespace_list) appendlist(apps, app_name, ns)
          }
        }
        for (const s of url_pattern._callback_strs) this._callback_strs.add(s)
      }
      this.#namespaces = namespaces
      this.#apps = apps
      this.#reverse = lookups
      this._populated = true
    } finally {
      this.#populating = false
    }
  }

  /** Name or view → the patterns that can produce it (later patterns first). */
  get reverse_dict(): Map<unknown, ReverseEntry[]> {
    if (!this.#reverse) this._populate()
    return this.#reverse ?? new Map()
  }

  /** Instance namespace → (prefix regex, resolver). */
  get namespace_dict(): Map<string | null, [string, URLResolver]> {
    if (!this.#namespaces) this._populate()
    return this.#namespaces ?? new Map()
  }

  /** Application namespace → its instance namespaces (last deployed first). */
  get app_dict(): Map<string, Array<string | null>> {
    if (!this.#apps) this._populate()
    return this.#apps ?? new Map()
  }

  /** @internal Whether a view's `module.qualname` is routed anywhere below this resolver. */
  _is_callback(name: string): boolean {
    if (!this._populated) this._populate()
    return this._callback_strs.has(name)
  }

  /** Matches `path` against the patterns in order; Resolver404 lists every pattern tried. */
  resolve(path: string): ResolverMatch {
    path = String(path)
    const tried: unknown[][] = []
    const match = this.pattern.match(path)
    if (!match) throw new Resolver404({ path })
    const [new_path, args, kwargs] = match
    for (const pattern of this.url_patterns) {
      let sub_match: ResolverMatch | null
      try {
        sub_match = pattern.resolve(new_path)
      } catch (error) {
        if (!(error instanceof Resolver404)) throw error
        const sub_tried = error.args[0].tried
        if (sub_tried === undefined) tried.push([pattern])
        else for (const t of sub_tried) tried.push([pattern, ...t])
        continue
      }
      if (!sub_match) {
        tried.push([pattern])
        continue
      }
      // Any named capture or extra kwarg drops the unnamed captures of the outer patterns.
      const sub_match_dict = make_kwargs(kwargs, this.default_kwargs, sub_match.kwargs)
      const sub_match_args = Object.keys(sub_match_dict).length ? sub_match.args : [...args, ...sub_match.args]
      const current_route = pattern instanceof URLPattern ? '' : String(pattern.pattern)
      if (sub_match.tried === null) tried.push([pattern])
      else for (const t of sub_match.tried) tried.push([pattern, ...t])
      const sub_route = sub_match.route ?? ''
      return new ResolverMatch(sub_match.func, sub_match_args, sub_match_dict, {
        url_name: sub_match.url_name,
        app_names: [this.app_name, ...sub_match.app_names],
        namespaces: [this.namespace, ...sub_match.namespaces],
        route: current_route ? current_route + (sub_route.startsWith('^') ? sub_route.slice(1) : sub_route) : sub_route,
        tried,
        captured_kwargs: sub_match.captured_kwargs,
        extra_kwargs: make_kwargs(this.default_kwargs, sub_match.extra_kwargs),
      })
    }
    throw new Resolver404({ tried, path: new_path })
  }

  /** The URLconf's `handler400/403/404/500` view, else Django's default for that status. */
  resolve_error_handler(view_type: number | string): View {
    const module = this.urlconf_module as Partial<URLconfModule> | null
    const own = module && typeof module === 'object' ? (module as Record<string, unknown>)[`handler${view_type}`] : undefined
    return get_callable(own || DEFAULT_HANDLERS[String(view_type)]) as View
  }

  /** `resolver.reverse(name, *args, **kwargs)` without a script prefix. */
  reverse(lookup_view: unknown, args: readonly unknown[] = [], kwargs: Kwargs = {}): string {
    return this._reverse_with_prefix(lookup_view, '', args, kwargs)
  }

  /** @internal The URL for `lookup_view` with these arguments, prefixed; NoReverseMatch if none fits. */
  _reverse_with_prefix(lookup_view: unknown, _prefix: string, args: readonly unknown[], kwargs: Kwargs): string {
    if (args.length && Object.keys(kwargs).length) throw new ValueError("Don't mix *args and **kwargs in call to reverse()!")
    if (!this._populated) this._populate()
    return reverse_with_prefix(this.reverse_dict.get(lookup_view) ?? [], lookup_view, _prefix, args, kwargs)
  }
}

// get_resolver's cache: per urlconf, remembering which module a dotted name meant, so a site that
// re-registers its URLconf under the same name gets a fresh resolver.
const resolverCache = new Map<unknown, { module: unknown; resolver: URLResolver }>()
const nsCache = new WeakMap<URLResolver, Array<{ key: string; converters: Array<[string, Converter]>; resolver: URLResolver }>>()

/** `get_resolver(urlconf=None)`: the root resolver (`^/`) for a urlconf, ROOT_URLCONF by default; cached. */
export function get_resolver(urlconf: URLconf | null = null): URLResolver {
  const key: unknown = urlconf ?? get_settings().ROOT_URLCONF
  const module = typeof key === 'string' && is_registered_import(key) ? import_string(key) : key
  const hit = resolverCache.get(key)
  if (hit && hit.module === module) return hit.resolver
  const resolver = new URLResolver(new RegexPattern('^/'), key)
  resolverCache.set(key, { module, resolver })
  return resolver
}

/** `get_ns_resolver(ns_pattern, resolver, converters)`: a root resolver for a namespace's patterns behind its prefix. */
export function get_ns_resolver(ns_pattern: string, resolver: URLResolver, converters: Array<[string, Converter]>): URLResolver {
  let entries = nsCache.get(resolver)
  if (!entries) nsCache.set(resolver, (entries = []))
  const same = (a: Array<[string, Converter]>): boolean =>
    a.length === converters.length && a.every(([k, c], i) => converters[i]![0] === k && converters[i]![1] === c)
  const hit = entries.find((e) => e.key === ns_pattern && same(e.converters))
  if (hit) return hit.resolver
  const pattern = new RegexPattern(ns_pattern)
  pattern.converters = Object.assign(Object.create(null), Object.fromEntries(converters))
  const ns_resolver = new URLResolver(pattern, resolver.url_patterns)
  const root = new URLResolver(new RegexPattern('^/'), [ns_resolver])
  entries.push({ key: ns_pattern, converters: [...converters], resolver: root })
  return root
}

/** Drops the resolver caches (Django's clear_url_caches() part for resolvers). */
export function clear_resolver_caches(): void {
  resolverCache.clear()
}
