/** Port of sre_parse's character sets (`[...]`), written as JavaScript `u` class syntax. */
import { ASCII_SPACE, ASCII_WORD, isDigit, isOctal, literal, PY_SPACE_CLASS, type Scanner, WORD } from './python-re-scanner.ts'

/** A class member: one code point, or a shorthand (`\d`...) already written as class-body text. */
type ClassItem = { cp: number } | { body: string; negated: boolean; text: string }

/** Reads a set after its `[` (at `start`) and returns the JavaScript for it. */
export function parse_class(s: Scanner, start: number, ascii: boolean): string {
  let negated = false
  if (s.peek() === '^') {
    negated = true
    s.pos++
  }
  const items: ClassItem[] = []
  let first = true
  for (;;) {
    const itemStart = s.pos
    const ch = s.chars[s.pos++]
    if (ch === undefined) s.fail('unterminated character set', start)
    if (ch === ']' && !first) break
    first = false
    const lo = ch === '\\' ? classEscape(s, itemStart, ascii) : { cp: ch.codePointAt(0)! }
    if (s.peek() === '-' && s.peek(1) !== undefined && s.peek(1) !== ']') {
      s.pos++
      const hiStart = s.pos
      const hiCh = s.chars[s.pos++]!
      const hi = hiCh === '\\' ? classEscape(s, hiStart, ascii) : { cp: hiCh.codePointAt(0)! }
      const rangeText = s.chars.slice(itemStart, s.pos).join('')
      if (!('cp' in lo) || !('cp' in hi)) s.fail(`bad character range ${rangeText}`, itemStart)
      if (hi.cp < lo.cp) s.fail(`bad character range ${rangeText}`, itemStart)
      items.push({ body: `${literal(lo.cp)}-${literal(hi.cp)}`, negated: false, text: rangeText })
      continue
    }
    items.push(lo)
  }
  let body = ''
  const complements: string[] = []
  for (const item of items) {
    if ('cp' in item) body += literal(item.cp)
    else if (item.negated) complements.push(item.body)
    else body += item.body
  }
  if (complements.length === 0) {
    return body === '' ? (negated ? '[\\s\\S]' : '[]') : `[${negated ? '^' : ''}${body}]`
  }
  // Python lets \W, \S (complements of unions) sit in a set; a `u` class cannot, so use alternation.
  const parts = [...(body ? [`[${body}]`] : []), ...complements.map((c) => `[^${c}]`)]
  return negated ? `(?:(?!${parts.join('|')})[\\s\\S])` : `(?:${parts.join('|')})`
}

function classEscape(s: Scanner, start: number, ascii: boolean): ClassItem {
  const ch = s.chars[s.pos++]
  if (ch === undefined) s.fail('bad escape (end of pattern)', start)
  const a = ascii
  const text = '\\' + ch
  switch (ch) {
    case 'd':
      return { body: a ? '0-9' : '\\p{Nd}', negated: false, text }
    case 'D':
      return a ? { body: '0-9', negated: true, text } : { body: '\\P{Nd}', negated: false, text }
    case 'w':
      return { body: a ? ASCII_WORD : WORD, negated: false, text }
    case 'W':
      return { body: a ? ASCII_WORD : WORD, negated: true, text }
    case 's':
      return { body: a ? ASCII_SPACE : PY_SPACE_CLASS, negated: false, text }
    case 'S':
      return { body: a ? ASCII_SPACE : PY_SPACE_CLASS, negated: true, text }
    case 'b':
      return { cp: 8 }
  }
  if (isOctal(ch)) {
    let oct = ch
    while (oct.length < 3 && isOctal(s.peek())) oct += s.chars[s.pos++]
    const cp = parseInt(oct, 8)
    if (cp > 0o377) s.fail(`octal escape value \\${oct} outside of range 0-0o377`, start)
    return { cp }
  }
  if (isDigit(ch)) s.fail(`bad escape \\${ch}`, start)
  return { cp: s.codeEscape(start, ch) }
}
