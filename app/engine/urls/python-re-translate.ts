/** Port of Python's sre_parse (the syntax re_path patterns use), translated to a JavaScript `u` RegExp source. */
import { is_identifier } from './identifier.ts'
import { parse_class } from './python-re-class.ts'
import { ASCII_SPACE, ASCII_WORD, isDigit, isOctal, literal, PY_SPACE_CLASS, Scanner, WORD } from './python-re-scanner.ts'

export { PyReError } from './python-re-scanner.ts'

/** What the translation yields: JS source and flags, plus Python's group numbering. */
export interface Translation {
  source: string
  flags: string
  groups: number
  groupindex: Map<string, number>
  // jsIndex[n] is the JS capture index of Python group n (index 0 unused).
  jsIndex: number[]
}

interface Flags {
  i: boolean
  s: boolean
  m: boolean
  x: boolean
  a: boolean
}

interface OpenGroup {
  pos: number
  flags: Flags
  pyGroup: number | null
  atomicJs: number | null
}

const FLAG_CHARS = 'aiLmsux'

class Translator extends Scanner {
  out = ''
  flags: Flags = { i: false, s: false, m: false, x: false, a: false }
  jsGroups = 0
  pyGroups = 0
  readonly groupindex = new Map<string, number>()
  readonly jsIndex: number[] = [0]
  readonly closed = new Set<number>()
  readonly stack: OpenGroup[] = []
  // 'none': nothing a quantifier may follow; 'atom': a repeatable item; 'repeat': just quantified.
  last: 'none' | 'atom' | 'repeat' = 'none'
  started = false

  run(): Translation {
    while (this.pos < this.chars.length) this.item()
    const open = this.stack.at(-1)
    if (open) this.fail('missing ), unterminated subpattern', open.pos)
    return {
      source: this.out,
      flags: this.flags.i ? 'iu' : 'u',
      groups: this.pyGroups,
      groupindex: this.groupindex,
      jsIndex: this.jsIndex,
    }
  }

  emit(text: string, kind: 'none' | 'atom'): void {
    this.out += text
    this.last = kind
    this.started = true
  }

  item(): void {
    const start = this.pos
    const ch = this.chars[this.pos++]!
    if (this.flags.x) {
      if (/^[ \t\n\r\f\v]$/.test(ch)) return
      if (ch === '#') {
        while (this.pos < this.chars.length && this.chars[this.pos] !== '\n') this.pos++
        return
      }
    }
    switch (ch) {
      case '\\':
        return this.escape(start)
      case '[':
        return this.emit(parse_class(this, start, this.flags.a), 'atom')
      case '(':
        return this.openGroup(start)
      case ')':
        return this.closeGroup(start)
      case '|':
        return this.emit('|', 'none')
      case '.':
        return this.emit(this.flags.s ? '[\\s\\S]' : '[^\\n]', 'atom')
      case '^':
        return this.emit(this.flags.m ? '(?<![^\\n])' : '^', 'none')
      case '$':
        return this.emit(this.flags.m ? '(?=\\n|$)' : '(?=\\n?$)', 'none')
      case '*':
      case '+':
      case '?':
        return this.quantifier(start, ch)
      case '{':
        return this.brace(start)
      default:
        return this.emit(literal(ch.codePointAt(0)!), 'atom')
    }
  }

  quantifier(start: number, text: string): void {
    if (this.last === 'repeat') this.fail('multiple repeat', start)
    if (this.last === 'none') this.fail('nothing to repeat', start)
    let out = text
    if (this.peek() === '?') {
      this.pos++
      out += '?'
    } else if (this.peek() === '+') {
      this.fail('possessive quantifiers are not supported by this port', this.pos)
    }
    this.out += out
    this.last = 'repeat'
  }

  brace(start: number): void {
    // Python reads {m}, {m,}, {,n}, {m,n} and {,} as repeats; any other '{' is a literal.
    let p = this.pos
    let lo = ''
    let hi = ''
    while (isDigit(this.chars[p])) lo += this.chars[p++]
    let comma = false
    if (this.chars[p] === ',') {
      comma = true
      p++
      while (isDigit(this.chars[p])) hi += this.chars[p++]
    } else hi = lo
    if (this.chars[p] !== '}' || (this.chars[this.pos] === '}' && !comma)) {
      this.emit(literal(0x7b), 'atom')
      return
    }
    if (lo && hi && Number(hi) < Number(lo)) this.fail('min repeat greater than max repeat', this.pos)
    this.pos = p + 1
    const text = comma ? `{${lo || '0'},${hi}}` : `{${lo}}`
    this.quantifier(start, text)
  }

  escape(start: number): void {
    const ch = this.chars[this.pos++]
    if (ch === undefined) this.fail('bad escape (end of pattern)', start)
    const a = this.flags.a
    switch (ch) {
      case 'd':
        return this.emit(a ? '[0-9]' : '\\p{Nd}', 'atom')
      case 'D':
        return this.emit(a ? '[^0-9]' : '\\P{Nd}', 'atom')
      case 'w':
        return this.emit(`[${a ? ASCII_WORD : WORD}]`, 'atom')
      case 'W':
        return this.emit(`[^${a ? ASCII_WORD : WORD}]`, 'atom')
      case 's':
        return this.emit(`[${a ? ASCII_SPACE : PY_SPACE_CLASS}]`, 'atom')
      case 'S':
        return this.emit(`[^${a ? ASCII_SPACE : PY_SPACE_CLASS}]`, 'atom')
      case 'b':
      case 'B': {
        const w = `[${a ? ASCII_WORD : WORD}]`
        const edge = `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`
        const inside = `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`
        return this.emit(ch === 'b' ? edge : inside, 'none')
      }
      case 'A':
        return this.emit('^', 'none')
      case 'Z':
        return this.emit('$', 'none')
    }
    if (isDigit(ch)) return this.numericEscape(start, ch)
    this.emit(literal(this.codeEscape(start, ch)), 'atom')
  }

  numericEscape(start: number, first: string): void {
    if (first === '0') {
      let oct = '0'
      while (oct.length < 3 && isOctal(this.peek())) oct += this.chars[this.pos++]
      return this.emit(literal(parseInt(oct, 8)), 'atom')
    }
    if (isOctal(first) && isOctal(this.peek()) && isOctal(this.peek(1))) {
      const oct = first + this.chars[this.pos++]! + this.chars[this.pos++]!
      const cp = parseInt(oct, 8)
      if (cp > 0o377) this.fail(`octal escape value \\${oct} outside of range 0-0o377`, start)
      return this.emit(literal(cp), 'atom')
    }
    let digits = first
    if (isDigit(this.peek())) digits += this.chars[this.pos++]
    const group = Number(digits)
    this.backref(group, start + 1, start)
  }

  backref(group: number, refPos: number, start: number): void {
    if (group > this.pyGroups) this.fail(`invalid group reference ${group}`, refPos)
    if (!this.closed.has(group)) this.fail('cannot refer to an open group', start)
    this.emit(`(?:\\${this.jsIndex[group]})`, 'atom')
  }

  readName(terminator: string, nameStart: number): string {
    let name = ''
    for (;;) {
      const ch = this.chars[this.pos++]
      if (ch === undefined) this.fail(`missing ${terminator}, unterminated name`, nameStart)
      if (ch === terminator) break
      name += ch
    }
    if (!name) this.fail('missing group name', nameStart)
    return name
  }

  openGroup(start: number): void {
    const saved = { ...this.flags }
    if (this.peek() !== '?') return this.pushCapture(start, saved, null)
    this.pos++
    const kind = this.chars[this.pos++]
    if (kind === undefined) this.fail('unexpected end of pattern', this.pos - 1)
    if (kind === 'P') {
      const sub = this.chars[this.pos++]
      if (sub === undefined) this.fail('unexpected end of pattern', this.pos - 1)
      const nameStart = this.pos
      if (sub === '<') {
        const name = this.readName('>', nameStart)
        if (!is_identifier(name)) this.fail(`bad character in group name '${name}'`, nameStart)
        const previous = this.groupindex.get(name)
        if (previous !== undefined) {
          this.fail(`redefinition of group name '${name}' as group ${this.pyGroups + 1}; was group ${previous}`, nameStart)
        }
        return this.pushCapture(start, saved, name)
      }
      if (sub === '=') {
        const name = this.readName(')', nameStart)
        if (!is_identifier(name)) this.fail(`bad character in group name '${name}'`, nameStart)
        const group = this.groupindex.get(name)
        if (group === undefined) this.fail(`unknown group name '${name}'`, nameStart)
        return this.backref(group, nameStart, start)
      }
      this.fail(`unknown extension ?P${sub}`, start + 1)
    }
    if (kind === ':' || kind === '=' || kind === '!') return this.pushGroup(start, saved, `(?${kind}`)
    if (kind === '<') {
      const next = this.chars[this.pos++]
      if (next === '=' || next === '!') return this.pushGroup(start, saved, `(?<${next}`)
      this.fail(`unknown extension ?<${next ?? ''}`, start + 1)
    }
    if (kind === '#') {
      while (this.pos < this.chars.length && this.chars[this.pos] !== ')') this.pos++
      if (this.pos >= this.chars.length) this.fail('missing ), unterminated comment', start)
      this.pos++
      return
    }
    if (kind === '>') {
      // Atomic group: (?=(X))\N matches X once and never backtracks into it.
      this.jsGroups++
      this.stack.push({ pos: start, flags: saved, pyGroup: null, atomicJs: this.jsGroups })
      this.out += '(?=('
      this.last = 'none'
      return
    }
    if (kind === '(') this.fail('conditional groups (?(...)...) are not supported by this port', start)
    if (FLAG_CHARS.includes(kind) || kind === '-') return this.inlineFlags(start, saved, kind)
    this.fail(`unknown extension ?${kind}`, start + 1)
  }

  inlineFlags(start: number, saved: Flags, first: string): void {
    let on = ''
    let off = ''
    let ch: string | undefined = first
    let negative = false
    for (;;) {
      if (ch === undefined) this.fail('missing -, : or )', this.pos)
      if (ch === ')' || ch === ':') break
      if (ch === '-') {
        if (negative) this.fail('bad inline flags: flag turned on and off', this.pos)
        negative = true
      } else if (FLAG_CHARS.includes(ch)) {
        if (ch === 'L') this.fail("bad inline flags: cannot use 'L' flag with a str pattern", this.pos)
        if (negative) off += ch
        else on += ch
      } else this.fail(ch.match(/[A-Za-z]/) ? 'unknown flag' : 'missing -, : or )', this.pos - 1)
      ch = this.chars[this.pos++]
    }
    if (ch === ')') {
      if (negative) this.fail('missing :', this.pos - 1)
      if (this.started) this.fail('global flags not at the start of the expression', start)
      if (on.includes('a') && on.includes('u')) this.fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible", this.pos)
      for (const f of on) if (f !== 'u') this.flags[f as keyof Flags] = true
      return
    }
    const scoped = { ...this.flags }
    for (const f of on) if (f !== 'u') scoped[f as keyof Flags] = true
    for (const f of off) if (f !== 'u') scoped[f as keyof Flags] = false
    // DEVIATION(django): a `u` RegExp cannot switch case-folding for part of a pattern.
    if (scoped.i !== this.flags.i) this.fail('scoped (?i:...) flags are not supported by this port', start)
    this.pushGroup(start, saved, '(?:')
    this.flags = scoped
  }

  pushCapture(start: number, saved: Flags, name: string | null): void {
    this.jsGroups++
    this.pyGroups++
    this.jsIndex[this.pyGroups] = this.jsGroups
    if (name !== null) this.groupindex.set(name, this.pyGroups)
    this.stack.push({ pos: start, flags: saved, pyGroup: this.pyGroups, atomicJs: null })
    this.out += '('
    this.last = 'none'
    this.started = true
  }

  pushGroup(start: number, saved: Flags, open: string): void {
    this.stack.push({ pos: start, flags: saved, pyGroup: null, atomicJs: null })
    this.out += open
    this.last = 'none'
    this.started = true
  }

  closeGroup(start: number): void {
    const open = this.stack.pop()
    if (!open) this.fail('unbalanced parenthesis', start)
    this.flags = open.flags
    if (open.pyGroup !== null) this.closed.add(open.pyGroup)
    this.emit(open.atomicJs !== null ? `))\\${open.atomicJs}` : ')', 'atom')
  }
}

/** Translates a Python `re` pattern (str semantics, Python 3.13) into JavaScript RegExp source and flags. */
export function translate_python_re(pattern: string): Translation {
  return new Translator(pattern).run()
}
