/** Port of the reading half of Python's sre_parse: a cursor over the pattern, escapes, and re.error. */
export { PY_SPACE_CLASS } from '../core/python.ts'

/** Python's `re.error`: the message Python gives and the position it names. */
export class PyReError extends Error {
  constructor(
    readonly msg: string,
    readonly pos: number | null,
  ) {
    super(pos === null ? msg : `${msg} at position ${pos}`)
    this.name = 'error'
  }
}

/** Python 3's `\w` on str patterns (Unicode letters and numbers, `_`), as class-body text. */
export const WORD = '\\p{L}\\p{N}_'
/** `\w` under re.ASCII. */
export const ASCII_WORD = 'a-zA-Z0-9_'
/** `\s` under re.ASCII. */
export const ASCII_SPACE = ' \\t\\n\\r\\f\\v'
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 }

/** One literal code point, written so it means itself anywhere in a `u` pattern. */
export function literal(cp: number): string {
  const ch = String.fromCodePoint(cp)
  if (/^[A-Za-z0-9_]$/.test(ch) || cp > 0x7f) return ch
  return `\\x${cp.toString(16).padStart(2, '0')}`
}

/** An ASCII digit. */
export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9'
/** An octal digit. */
export const isOctal = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '7'
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch)

/** A cursor over the pattern's code points (positions are Python's code-point offsets). */
export class Scanner {
  readonly chars: string[]
  pos = 0

  constructor(pattern: string) {
    this.chars = [...pattern]
  }

  peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset]
  }

  fail(msg: string, pos: number): never {
    throw new PyReError(msg, pos)
  }

  /** The code point of a non-class escape that stands for one character (`\n`, `\x41`, `\-`, ...). */
  codeEscape(start: number, ch: string): number {
    if (ch in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[ch]!
    if (ch === 'x' || ch === 'u' || ch === 'U') {
      const size = ch === 'x' ? 2 : ch === 'u' ? 4 : 8
      let hex = ''
      while (hex.length < size && isHex(this.peek())) hex += this.chars[this.pos++]
      if (hex.length < size) this.fail(`incomplete escape \\${ch}${hex}`, start)
      const cp = parseInt(hex, 16)
      if (cp > 0x10ffff) this.fail(`bad escape \\${ch}${hex}`, start)
      return cp
    }
    if (ch === 'N') this.fail('named Unicode escapes (\\N{...}) are not supported by this port', start)
    if (/^[A-Za-z]$/.test(ch)) this.fail(`bad escape \\${ch}`, start)
    return ch.codePointAt(0)!
  }
}
