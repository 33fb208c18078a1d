/** Port of django/urls/resolvers.py (the body of URLResolver._reverse_with_prefix): filling in patterns. */
import { escape_leading_slashes } from '../core/http.ts'
import { KeyError, ValueError } from '../core/exceptions.ts'
import { py_equals } from '../core/py-values.ts'
import { pystr } from '../core/python.ts'
import { quote } from '../core/urllib.ts'
import type { Converter } from './converters.ts'
import { NoReverseMatch } from './exceptions.ts'
import { re_compile, re_escape } from './python-re.ts'
import type { Possibility } from './regex-helper.ts'
import { py_repr, tuple_repr } from './repr.ts'
import { callable_path, type Kwargs } from './resolver-match.ts'

/** How reverse() sees one pattern: possibilities, regex text, default kwargs, converters. */
export type ReverseEntry = [possibilities: Possibility[], pattern: string, defaults: Kwargs, converters: Record<string, Converter>]

// Django's safe characters for reverse(): RFC 3986 sub-delims plus pchar's '/~:@'.
const REVERSE_SAFE = "!$&'()*+,;=" + '/~:@'

/** `candidate % subs` for the `%(name)s` formats normalize() builds (`%%` is a literal %). */
function percentFormat(format: string, subs: Record<string, string>): string {
  return format.replace(/%(?:\(([^)]*)\)s|%|([\s\S])|$)/g, (whole, name: string | undefined, other: string | undefined, offset: number) => {
    if (whole === '%%') return '%'
    if (name !== undefined) {
      if (!(name in subs)) throw new KeyError(`'${name}'`)
      return subs[name]!
    }
    if (other === undefined) throw new ValueError('incomplete format')
    const code = other.codePointAt(0)!
    throw new ValueError(`unsupported format character '${other}' (0x${code.toString(16)}) at index ${offset + 1}`)
  })
}

export { escape_leading_slashes }

/**
 * The first candidate URL that fits the arguments (later patterns first), quoted; else
 * NoReverseMatch with Django's message listing the patterns tried.
 */
export function reverse_with_prefix(
  possibilities: ReverseEntry[],
  lookup_view: unknown,
  _prefix: string,
  args: readonly unknown[],
  kwargs: Kwargs,
): string {
  const kwargKeys = Object.keys(kwargs)
  for (const [possibility, pattern, defaults, converters] of possibilities) {
    candidates: for (const [result, params] of possibility) {
      let candidate: Array<[string, unknown]>
      if (args.length) {
        if (args.length !== params.length) continue
        const subs = new Map<string, unknown>()
        params.forEach((p, i) => subs.set(p, args[i]))
        candidate = [...subs]
      } else {
        const paramSet = new Set(params)
        const given = new Set(kwargKeys)
        const difference = [...kwargKeys.filter((k) => !paramSet.has(k)), ...params.filter((p) => !given.has(p))]
        if (difference.some((k) => !(k in defaults))) continue
        for (const [k, v] of Object.entries(defaults)) {
          if (paramSet.has(k)) continue
          if (!py_equals(k in kwargs ? kwargs[k] : v, v)) continue candidates
        }
        candidate = Object.entries(kwargs)
      }
      const text: Record<string, string> = Object.create(null)
      for (const [k, v] of candidate) {
        const converter = converters[k]
        if (!converter) {
          text[k] = pystr(v)
          continue
        }
        try {
          text[k] = pystr(converter.to_url(v))
        } catch (error) {
          if (error instanceof ValueError) continue candidates
          throw error
        }
      }
      // Substitute unquoted first (the resolver matches decoded URLs), then quote the result.
      const url = percentFormat(_prefix.replaceAll('%', '%%') + result, text)
      if (re_compile(`^${re_escape(_prefix)}${pattern}`).search(url)) {
        return escape_leading_slashes(quote(url, REVERSE_SAFE))
      }
    }
  }
  const fn = lookup_view as { __module__?: string; name?: string } | null
  const lookup_view_s =
    typeof lookup_view === 'function' ? (fn!.__module__ ? callable_path(lookup_view) : fn!.name || '<lambda>') : pystr(lookup_view)
  const patterns = possibilities.map(([, pattern]) => pattern)
  if (patterns.length) {
    const arg_msg = args.length
      ? `arguments '${tuple_repr(args)}'`
      : kwargKeys.length
        ? `keyword arguments '${py_repr(kwargs)}'`
        : 'no arguments'
    throw new NoReverseMatch(
      `Reverse for '${lookup_view_s}' with ${arg_msg} not found. ${patterns.length} pattern(s) tried: ${py_repr(patterns)}`,
    )
  }
  throw new NoReverseMatch(
    `Reverse for '${lookup_view_s}' not found. '${lookup_view_s}' is not a valid view function or pattern name.`,
  )
}
