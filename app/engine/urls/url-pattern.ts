/** Port of django/urls/resolvers.py (URLPattern: one endpoint of a URLconf). */
import type { CheckMessage, Pattern } from './patterns.ts'
import { callable_path, make_kwargs, ResolverMatch, type Kwargs, type View } from './resolver-match.ts'

/** `path('x/', view, kwargs, name)`: a pattern leading to one view, with extra kwargs for it. */
export class URLPattern {
  readonly pattern: Pattern
  /** The view. */
  readonly callback: View
  readonly default_args: Kwargs
  readonly name: string | null
  #lookupStr: string | null = null

  constructor(pattern: Pattern, callback: View, default_args: Kwargs | null = null, name: string | null = null) {
    this.pattern = pattern
    this.callback = callback
    this.default_args = default_args ?? make_kwargs()
    this.name = name
  }

  /** `repr(url_pattern)`: `<URLPattern 'route' [name='x']>`. */
  __repr__(): string {
    return `<URLPattern ${this.pattern.describe()}>`
  }

  toString(): string {
    return this.__repr__()
  }

  /** System checks: a ':' in the name, plus the pattern's own checks. */
  check(): CheckMessage[] {
    const warnings: CheckMessage[] = []
    if (this.pattern.name !== null && this.pattern.name.includes(':')) {
      warnings.push({
        level: 'Warning',
        msg:
          `Your URL pattern ${this.pattern.describe()} has a name including a ':'. Remove the colon, to avoid ` +
          'ambiguous namespace references.',
        id: 'urls.W003',
      })
    }
    return [...warnings, ...this.pattern.check()]
  }

  /** A ResolverMatch when the pattern matches `path`, else null. Extra kwargs override captured ones. */
  resolve(path: string): ResolverMatch | null {
    const match = this.pattern.match(path)
    if (!match) return null
    const [, args, captured_kwargs] = match
    const kwargs = make_kwargs(captured_kwargs, this.default_args)
    return new ResolverMatch(this.callback, args, kwargs, {
      url_name: this.pattern.name,
      route: String(this.pattern),
      captured_kwargs,
      extra_kwargs: this.default_args,
    })
  }

  /** `module.qualname` of the view, as URLResolver._is_callback() compares it. */
  get lookup_str(): string {
    return (this.#lookupStr ??= callable_path(this.callback, true))
  }
}
