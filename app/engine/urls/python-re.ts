/**
 * Port of the part of Python's `re` module URL routing uses: compile, search, fullmatch,
 * groups/groupdict and escape. re_path patterns keep Python syntax and meaning (`(?P<name>)`,
 * `\Z`, `$` before a final newline, Unicode `\d`/`\w`/`\s`); python-re-translate.ts turns them
 * into JavaScript RegExps.
 */
import { PyReError } from './python-re-scanner.ts'
import { translate_python_re } from './python-re-translate.ts'

export { PyReError } from './python-re-scanner.ts'

/** A successful match: Python's `re.Match` as routing reads it. */
export interface PyMatch {
  /** `match.start()` / `match.end()` (UTF-16 offsets into the searched string). */
  start: number
  end: number
  /** `match.groups()`: every capture group in order, `null` where it did not take part. */
  groups: Array<string | null>
  /** `match.groupdict()`: named groups in definition order. */
  groupdict(): Record<string, string | null>
}

/** A compiled Python pattern: `re.compile(pattern)`. */
export class PyRegex {
  /** The Python source, as `pattern.pattern` gives it back. */
  readonly pattern: string
  /** Number of capture groups. */
  readonly groups: number
  /** Group name → group number, in definition order. */
  readonly groupindex: ReadonlyMap<string, number>
  readonly #search: RegExp
  readonly #full: RegExp
  readonly #jsIndex: number[]

  constructor(pattern: string) {
    const t = translate_python_re(pattern)
    this.pattern = pattern
    this.groups = t.groups
    this.groupindex = t.groupindex
    this.#jsIndex = t.jsIndex
    try {
      this.#search = new RegExp(t.source, t.flags)
      this.#full = new RegExp(`^(?:${t.source})$`, t.flags)
    } catch (error) {
      // Python accepts a few constructs a `u` RegExp rejects (a quantified look-ahead, say).
      throw new PyReError(`cannot be translated to a JavaScript RegExp (${(error as Error).message})`, null)
    }
  }

  /** `re.search(pattern, text)`: the leftmost match anywhere, or null. */
  search(text: string): PyMatch | null {
    return this.#wrap(this.#search.exec(text))
  }

  /** `re.fullmatch(pattern, text)`: a match spanning the whole text, or null. */
  fullmatch(text: string): PyMatch | null {
    return this.#wrap(this.#full.exec(text))
  }

  #wrap(m: RegExpExecArray | null): PyMatch | null {
    if (!m) return null
    const groups: Array<string | null> = []
    for (let n = 1; n <= this.groups; n++) groups.push(m[this.#jsIndex[n]!] ?? null)
    const groupindex = this.groupindex
    return {
      start: m.index,
      end: m.index + m[0].length,
      groups,
      groupdict() {
        const out: Record<string, string | null> = Object.create(null)
        for (const [name, n] of groupindex) out[name] = groups[n - 1]!
        return out
      },
    }
  }
}

const cache = new Map<string, PyRegex>()

/** `re.compile(pattern)`, cached per pattern text; a bad pattern raises PyReError (Python's `re.error`). */
export function re_compile(pattern: string): PyRegex {
  let compiled = cache.get(pattern)
  if (!compiled) {
    compiled = new PyRegex(pattern)
    if (cache.size > 2000) cache.clear()
    cache.set(pattern, compiled)
  }
  return compiled
}

// Python 3.7+ escapes only the characters that mean something in a pattern.
const SPECIAL = new Set('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')

/** `re.escape(text)`: a backslash before each of Python's special characters. */
export function re_escape(text: string): string {
  let out = ''
  for (const ch of text) out += SPECIAL.has(ch) ? '\\' + ch : ch
  return out
}
