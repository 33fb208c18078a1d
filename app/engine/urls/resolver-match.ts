/**
 * Port of django/urls/resolvers.py (ResolverMatch), plus the view type routing hands requests to.
 *
 * Calling convention (Django: `view(request, *args, **kwargs)`): a view receives the request,
 * then the positional captures, then ONE kwargs object when there are any keyword arguments
 * (named groups, converters' values or extra kwargs). With no keyword arguments the kwargs
 * object is left out: `view(request, ...args)`. Routing never mixes the two except when an
 * include()'s extra kwargs meet unnamed groups, exactly when Django passes both.
 */
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { py_repr, tuple_repr } from './repr.ts'

/** What a view returns (the handler checks it really is a response). */
export type ViewResult = HttpResponseBase | Promise<HttpResponseBase>

/**
 * Optional Python-style metadata a view may carry: `__module__` makes `view_name` and reprs read
 * `module.name` as in Django; `view_class` is set by class-based views' `as_view()`.
 */
export interface ViewAttributes {
  __module__?: string
  __qualname__?: string
  view_class?: { name: string; __module__?: string; __qualname__?: string }
  should_append_slash?: boolean
}

/** A Django view: `view(request, ...args[, kwargs])`, sync or async. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type View = ((request: HttpRequest, ...args: any[]) => ViewResult) & ViewAttributes

/** Keyword arguments routing passes to a view. */
export type Kwargs = Record<string, unknown>

/** Python's `func.__module__ + "." + func.__name__` (or `__qualname__` when `qualified`). */
export function callable_path(func: unknown, qualified = false): string {
  const f = func as ViewAttributes & { name?: string }
  const target = f.view_class ?? f
  const name = (qualified ? target.__qualname__ : undefined) ?? target.name ?? '<lambda>'
  // DEVIATION(django): JS functions have no module; without `__module__` the path is the bare name.
  return target.__module__ ? `${target.__module__}.${name || '<lambda>'}` : name || '<lambda>'
}

/** A new kwargs record (prototype-free, so any key is safe). */
export function make_kwargs(...sources: Array<Kwargs | null | undefined>): Kwargs {
  return Object.assign(Object.create(null) as Kwargs, ...sources.filter(Boolean))
}

/** Options of ResolverMatch beyond func/args/kwargs (Django's keyword arguments). */
export interface ResolverMatchOptions {
  url_name?: string | null
  app_names?: Array<string | null> | null
  namespaces?: Array<string | null> | null
  route?: string | null
  tried?: unknown[][] | null
  captured_kwargs?: Kwargs | null
  extra_kwargs?: Kwargs | null
}

/** The result of resolve(): the view, its arguments, and where in the URLconf it was found. */
export class ResolverMatch {
  func: View
  args: unknown[]
  kwargs: Kwargs
  url_name: string | null
  route: string | null
  tried: unknown[][] | null
  captured_kwargs: Kwargs | null
  extra_kwargs: Kwargs | null
  app_names: string[]
  app_name: string
  namespaces: string[]
  namespace: string
  view_name: string
  /** @internal */
  _func_path: string

  constructor(func: View, args: unknown[], kwargs: Kwargs, options: ResolverMatchOptions = {}) {
    this.func = func
    this.args = args
    this.kwargs = kwargs
    this.url_name = options.url_name ?? null
    this.route = options.route ?? null
    this.tried = options.tried ?? null
    this.captured_kwargs = options.captured_kwargs ?? null
    this.extra_kwargs = options.extra_kwargs ?? null
    // Resolvers without a namespace or app_name pass an empty value; drop those.
    this.app_names = (options.app_names ?? []).filter((x): x is string => !!x)
    this.app_name = this.app_names.join(':')
    this.namespaces = (options.namespaces ?? []).filter((x): x is string => !!x)
    this.namespace = this.namespaces.join(':')
    this._func_path = callable_path(func)
    this.view_name = [...this.namespaces, this.url_name || this._func_path].join(':')
  }

  /** `match[0]`, `match[1]`, `match[2]`: func, args, kwargs (Python's tuple unpacking). */
  getitem(index: number): unknown {
    const items = [this.func, this.args, this.kwargs]
    const item = items[index < 0 ? items.length + index : index]
    if (item === undefined) throw new RangeError('tuple index out of range')
    return item
  }

  /** `func, args, kwargs = resolve(path)` → `const [func, args, kwargs] = resolve(path)`. */
  *[Symbol.iterator](): Iterator<unknown> {
    yield this.func
    yield this.args
    yield this.kwargs
  }

  /** Django's repr: `ResolverMatch(func=..., args=..., kwargs=..., url_name=..., ...)`. */
  toString(): string {
    return this.__repr__()
  }

  /** `repr(match)`. */
  __repr__(): string {
    const captured = this.captured_kwargs && Object.keys(this.captured_kwargs).length
    const extra = this.extra_kwargs && Object.keys(this.extra_kwargs).length
    return (
      `ResolverMatch(func=${this._func_path}, args=${tuple_repr(this.args)}, kwargs=${py_repr(this.kwargs)}, ` +
      `url_name=${py_repr(this.url_name)}, app_names=${py_repr(this.app_names)}, ` +
      `namespaces=${py_repr(this.namespaces)}, route=${py_repr(this.route)}` +
      (captured ? `, captured_kwargs=${py_repr(this.captured_kwargs)}` : '') +
      (extra ? `, extra_kwargs=${py_repr(this.extra_kwargs)}` : '') +
      ')'
    )
  }
}

/**
 * Calls the matched view as Django's handler does (`callback(request, *args, **kwargs)`), with
 * the calling convention described at the top of this file.
 */
export function call_view(match: ResolverMatch, request: HttpRequest): ViewResult {
  const args = match.args
  return Object.keys(match.kwargs).length ? match.func(request, ...args, match.kwargs) : match.func(request, ...args)
}
