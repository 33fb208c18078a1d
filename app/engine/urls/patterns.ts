/** Port of django/urls/resolvers.py (RegexPattern, RoutePattern, _route_to_regex, the URL checks). */
import { get_settings } from '../conf/context.ts'
import { str_repr } from '../core/python.ts'
import { ImproperlyConfigured, ValueError } from '../core/exceptions.ts'
import { get_converters, on_converters_changed, type Converter } from './converters.ts'
import { is_identifier } from './identifier.ts'
import { PyReError, re_compile, re_escape, type PyRegex } from './python-re.ts'
import { make_kwargs, type Kwargs } from './resolver-match.ts'

/** `(remaining path, args, kwargs)` from a pattern that matched the start of a path. */
export type PatternMatch = [rest: string, args: unknown[], kwargs: Kwargs]

/** A system-check message (`django.core.checks.Warning`): id and text. */
export interface CheckMessage {
  level: 'Warning' | 'Error'
  msg: string
  id: string
}

/** What URLPattern and URLResolver need from a pattern. */
export interface Pattern {
  readonly name: string | null
  converters: Record<string, Converter>
  readonly regex: PyRegex
  match(path: string): PatternMatch | null
  check(): CheckMessage[]
  describe(): string
  toString(): string
}

function compileOrRaise(regex: string): PyRegex {
  try {
    return re_compile(regex)
  } catch (error) {
    if (error instanceof PyReError) {
      throw new ImproperlyConfigured(`"${regex}" is not a valid regular expression: ${error.message}`)
    }
    throw error
  }
}

abstract class CheckURLMixin {
  abstract readonly name: string | null
  /** @internal */
  abstract readonly _regex: string

  /** `'pattern' [name='x']`, as checks and reprs show a pattern. */
  describe(): string {
    let description = `'${this.toString()}'`
    if (this.name) description += ` [name='${this.name}']`
    return description
  }

  protected checkStartsWithSlash(): CheckMessage[] {
    // A leading slash is useful when APPEND_SLASH is off, so only warn with it on.
    if (!get_settings().APPEND_SLASH) return []
    const r = this._regex
    if ((r.startsWith('/') || r.startsWith('^/') || r.startsWith('^\\/')) && !r.endsWith('/')) {
      const msg =
        `Your URL pattern ${this.describe()} has a route beginning with a '/'. Remove this slash as it is ` +
        "unnecessary. If this pattern is targeted in an include(), ensure the include() pattern has a trailing '/'."
      return [{ level: 'Warning', msg, id: 'urls.W002' }]
    }
    return []
  }
}

/** `re_path()`'s pattern: a Python regular expression, compiled on first use. */
export class RegexPattern extends CheckURLMixin implements Pattern {
  /** @internal */
  readonly _regex: string
  /** @internal */
  readonly _is_endpoint: boolean
  readonly name: string | null
  converters: Record<string, Converter> = Object.create(null)
  #compiled: PyRegex | null = null

  constructor(regex: string, name: string | null = null, is_endpoint = false) {
    super()
    this._regex = regex
    this._is_endpoint = is_endpoint
    this.name = name
  }

  /** The compiled regex; an invalid one raises ImproperlyConfigured here, not at construction. */
  get regex(): PyRegex {
    return (this.#compiled ??= compileOrRaise(this._regex))
  }

  /** Endpoints ending in `$` must match the whole path; everything else matches a prefix. */
  match(path: string): PatternMatch | null {
    const regex = this.regex
    const m = this._is_endpoint && regex.pattern.endsWith('$') ? regex.fullmatch(path) : regex.search(path)
    if (!m) return null
    // Named groups become kwargs and unnamed ones are then ignored; else all groups are args.
    const groupdict = m.groupdict()
    const args = Object.keys(groupdict).length ? [] : m.groups
    const kwargs = make_kwargs()
    for (const [k, v] of Object.entries(groupdict)) if (v !== null) kwargs[k] = v
    return [path.slice(m.end), args, kwargs]
  }

  check(): CheckMessage[] {
    const warnings = this.checkStartsWithSlash()
    if (!this._is_endpoint && this._regex.endsWith('$') && !this._regex.endsWith('\\$')) {
      const msg =
        `Your URL pattern ${this.describe()} uses include with a route ending with a '$'. Remove the dollar ` +
        'from the route to avoid problems including URLs.'
      warnings.push({ level: 'Warning', msg, id: 'urls.W001' })
    }
    return warnings
  }

  override toString(): string {
    return this._regex
  }
}

const PATH_PARAMETER_COMPONENT = /<(?:([^>:]+):)?([^>]+)>/g
// Python's ASCII whitespace, vertical tab and form feed included.
// eslint-disable-next-line no-control-regex
const WHITESPACE = /[ \t\n\r\x0b\x0c]/

const routeCache = new Map<string, [string, Record<string, Converter>]>()
on_converters_changed(() => routeCache.clear())

/**
 * `_route_to_regex(route, is_endpoint)`: the Python regex for a path() route and the converter
 * of each parameter. `'foo/<int:pk>'` gives `'^foo/(?P<pk>[0-9]+)'` and `{pk: IntConverter}`.
 */
export function _route_to_regex(route: string, is_endpoint: boolean): [string, Record<string, Converter>] {
  const key = `${is_endpoint ? 1 : 0}${route}`
  const cached = routeCache.get(key)
  if (cached) return cached
  const parts = ['^']
  const all = get_converters()
  const converters: Record<string, Converter> = Object.create(null)
  let previousEnd = 0
  for (const m of route.matchAll(PATH_PARAMETER_COMPONENT)) {
    if (WHITESPACE.test(m[0])) {
      throw new ImproperlyConfigured(`URL route ${str_repr(route)} cannot contain whitespace in angle brackets <…>.`)
    }
    const rawConverter = m[1] ?? 'str'
    const parameter = m[2]!
    if (!is_identifier(parameter)) {
      throw new ImproperlyConfigured(
        `URL route ${str_repr(route)} uses parameter name ${str_repr(parameter)} which isn't a valid Python identifier.`,
      )
    }
    const converter = all[rawConverter]
    if (!converter) {
      throw new ImproperlyConfigured(`URL route ${str_repr(route)} uses invalid converter ${str_repr(rawConverter)}.`)
    }
    converters[parameter] = converter
    parts.push(re_escape(route.slice(previousEnd, m.index)))
    previousEnd = m.index + m[0].length
    parts.push(`(?P<${parameter}>${converter.regex})`)
  }
  parts.push(re_escape(route.slice(previousEnd)))
  if (is_endpoint) parts.push('\\Z')
  const result: [string, Record<string, Converter>] = [parts.join(''), converters]
  routeCache.set(key, result)
  return result
}


/** `path()`'s pattern: a route with `<converter:name>` placeholders. */
export class RoutePattern extends CheckURLMixin implements Pattern {
  /** @internal */
  readonly _route: string
  /** @internal */
  readonly _regex: string
  /** @internal */
  readonly _is_endpoint: boolean
  readonly name: string | null
  converters: Record<string, Converter>
  #compiled: PyRegex | null = null

  constructor(route: string, name: string | null = null, is_endpoint = false) {
    super()
    this._route = route
    ;[this._regex, this.converters] = _route_to_regex(String(route), is_endpoint)
    this.converters = Object.assign(Object.create(null), this.converters)
    this._is_endpoint = is_endpoint
    this.name = name
  }

  /** The compiled regex of the route. */
  get regex(): PyRegex {
    return (this.#compiled ??= compileOrRaise(this._regex))
  }

  /** Each captured value goes through its converter; a ValueError there means "no match". */
  match(path: string): PatternMatch | null {
    const m = this.regex.search(path)
    if (!m) return null
    const kwargs = make_kwargs()
    for (const [key, value] of Object.entries(m.groupdict())) {
      try {
        kwargs[key] = this.converters[key]!.to_python(value!)
      } catch (error) {
        if (error instanceof ValueError) return null
        throw error
      }
    }
    return [path.slice(m.end), [], kwargs]
  }

  check(): CheckMessage[] {
    const warnings = [...this.checkStartsWithSlash(), ...this.checkUnmatchedAngleBrackets()]
    const route = this._route
    if (route.includes('(?P<') || route.startsWith('^') || route.endsWith('$')) {
      const msg =
        `Your URL pattern ${this.describe()} has a route that contains '(?P<', begins with a '^', or ends ` +
        "with a '$'. This was likely an oversight when migrating to django.urls.path()."
      warnings.push({ level: 'Warning', msg, id: '2_0.W001' })
    }
    return warnings
  }

  private checkUnmatchedAngleBrackets(): CheckMessage[] {
    const warnings: CheckMessage[] = []
    const warning = (bracket: string): CheckMessage => ({
      level: 'Warning',
      msg: `Your URL pattern ${this.describe()} has an unmatched '${bracket}' bracket.`,
      id: 'urls.W010',
    })
    let open = 0
    for (const bracket of this._route.match(/[<>]/g) ?? []) {
      if (bracket === '<') open += 1
      else if (--open < 0) {
        warnings.push(warning('>'))
        open = 0
      }
    }
    if (open > 0) warnings.push(warning('<'))
    return warnings
  }

  override toString(): string {
    return this._route
  }
}
