/**
 * Port of django/utils/regex_helper.py (normalize): turns a URL regex into the (format, params)
 * possibilities reverse() fills in. Formats use Python's `%(name)s` placeholders.
 */
import { ValueError } from '../core/exceptions.ts'
import { py_int } from '../core/py-values.ts'

/** One way to build a URL from a pattern: a `%(name)s` format string and the parameters it needs. */
export type Possibility = [format: string, params: string[]]

// Escapes reverse() can stand a representative in for; null means "ignore", others map to themselves.
const ESCAPE_MAPPINGS: Record<string, string | null> = {
  A: null,
  b: null,
  B: null,
  d: '0',
  D: 'x',
  s: ' ',
  S: 'x',
  w: 'x',
  W: '!',
  Z: null,
}

// Python's regex_helper builds list subclasses; these tags mark the same three kinds.
type Elt = string | Group | Choice | NonCapture | null
interface Group {
  kind: 'group'
  format: string
  param: string | null
}
interface Choice {
  kind: 'choice'
  items: Elt[]
}
interface NonCapture {
  kind: 'noncapture'
  items: Elt[]
}

const END = Symbol('StopIteration')
class Disjunction extends Error {}

type Token = [ch: string, escaped: boolean]

/** next_char(): the pattern as (character, escaped) pairs, escapes replaced by their representative. */
function tokens(pattern: string): Token[] {
  const out: Token[] = []
  const chars = [...pattern]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    if (ch !== '\\') {
      out.push([ch, false])
      continue
    }
    const next = chars[++i]
    if (next === undefined) break
    const representative = next in ESCAPE_MAPPINGS ? ESCAPE_MAPPINGS[next]! : next
    if (representative === null) continue
    out.push([representative, true])
  }
  return out
}

class Stream {
  #i = 0
  constructor(readonly toks: Token[]) {}
  next(): Token {
    const tok = this.toks[this.#i++]
    if (!tok) throw END
    return tok
  }
  tryNext(): Token | null {
    return this.toks[this.#i++] ?? null
  }
}

function walkToEnd(ch: string, it: Stream): void {
  let nesting = ch === '(' ? 1 : 0
  for (;;) {
    const tok = it.tryNext()
    if (!tok) return
    const [c, escaped] = tok
    if (escaped) continue
    if (c === '(') nesting += 1
    else if (c === ')') {
      if (!nesting) return
      nesting -= 1
    }
  }
}

function getQuantifier(ch: string, it: Stream): [number, string | null] {
  if ('*?+'.includes(ch)) {
    let ch2: string | null = it.tryNext()?.[0] ?? null
    if (ch2 === '?') ch2 = null
    return [ch === '+' ? 1 : 0, ch2]
  }
  const quant: string[] = []
  let c = ch
  while (c !== '}') {
    c = it.next()[0]
    quant.push(c)
  }
  const values = quant.slice(0, -1).join('').split(',')
  let after: string | null = it.tryNext()?.[0] ?? null
  if (after === '?') after = null
  return [py_int(values[0]), after]
}

function contains(source: Elt, kind: 'group'): boolean {
  if (source !== null && typeof source === 'object' && source.kind === kind) return true
  if (source !== null && typeof source === 'object' && source.kind === 'noncapture') {
    return source.items.some((elt) => contains(elt, kind))
  }
  return false
}

/** Given a reg-exp pattern, the forms that suffice for reverse matching (see Django's docstring rules). */
export function normalize(pattern: string): Possibility[] {
  let result: Elt[] = []
  const nonCapturingGroups: number[] = []
  let consumeNext = true
  const it = new Stream(tokens(pattern))
  let numArgs = 0
  const tok = it.tryNext()
  if (!tok) return [['', []]]
  let [ch, escaped] = tok
  try {
    for (;;) {
      if (escaped) result.push(ch)
      else if (ch === '.') result.push('.')
      else if (ch === '|') throw new Disjunction()
      else if (ch === '^') {
        // ignored
      } else if (ch === '$') break
      else if (ch === ')') {
        const start = nonCapturingGroups.pop()!
        const inner: NonCapture = { kind: 'noncapture', items: result.slice(start) }
        result = [...result.slice(0, start), inner]
      } else if (ch === '[') {
        ;[ch, escaped] = it.next()
        result.push(ch)
        ;[ch, escaped] = it.next()
        while (escaped || ch !== ']') [ch, escaped] = it.next()
      } else if (ch === '(') {
        ;[ch, escaped] = it.next()
        if (ch !== '?' || escaped) {
          const name = `_${numArgs}`
          numArgs += 1
          result.push({ kind: 'group', format: `%(${name})s`, param: name })
          walkToEnd(ch, it)
        } else {
          ;[ch, escaped] = it.next()
          if ('!=<'.includes(ch)) walkToEnd(ch, it)
          else if (ch === ':') nonCapturingGroups.push(result.length)
          else if (ch !== 'P') throw new ValueError(`Non-reversible reg-exp portion: '(?${ch}'`)
          else {
            ;[ch, escaped] = it.next()
            if (ch !== '<' && ch !== '=') throw new ValueError(`Non-reversible reg-exp portion: '(?P${ch}'`)
            const terminal = ch === '<' ? '>' : ')'
            const name: string[] = []
            ;[ch, escaped] = it.next()
            while (ch !== terminal) {
              name.push(ch)
              ;[ch, escaped] = it.next()
            }
            const param = name.join('')
            if (terminal !== ')') {
              result.push({ kind: 'group', format: `%(${param})s`, param })
              walkToEnd(ch, it)
            } else {
              result.push({ kind: 'group', format: `%(${param})s`, param: null })
            }
          }
        }
      } else if ('*?+{'.includes(ch)) {
        const [count, next] = getQuantifier(ch, it)
        if (next) {
          ch = next
          consumeNext = false
        }
        if (count === 0) {
          if (contains(result.at(-1)!, 'group')) result[result.length - 1] = { kind: 'choice', items: [null, result.at(-1)!] }
          else result.pop()
        } else if (count > 1) {
          const lastElt = result.at(-1)!
          for (let k = 1; k < count; k++) result.push(lastElt)
        }
      } else result.push(ch)

      if (consumeNext) [ch, escaped] = it.next()
      consumeNext = true
    }
  } catch (error) {
    if (error === END) {
      // End of pattern.
    } else if (error instanceof Disjunction) {
      return [['', []]]
    } else throw error
  }
  const [formats, args] = flattenResult(result)
  return formats.map((format, i) => [format, args[i]!])
}

/** Turns the parsed sequence into parallel lists of format strings and their parameter lists. */
function flattenResult(source: Elt | Elt[]): [string[], string[][]] {
  if (source === null) return [[''], [[]]]
  if (!Array.isArray(source) && typeof source === 'object' && source.kind === 'group') {
    return [[source.format], [source.param === null ? [] : [source.param]]]
  }
  const items: Elt[] = Array.isArray(source) ? source : typeof source === 'string' ? [source] : source.items
  let result = ['']
  let resultArgs: string[][] = [[]]
  let pos: number
  let last = 0
  for (pos = 0; pos < items.length; pos++) {
    const elt = items[pos]!
    if (typeof elt === 'string') continue
    let piece = (items.slice(last, pos) as string[]).join('')
    let param: string | null = null
    if (elt !== null && elt.kind === 'group') {
      piece += elt.format
      param = elt.param
    }
    last = pos + 1
    for (let i = 0; i < result.length; i++) {
      result[i] += piece
      if (param) resultArgs[i]!.push(param)
    }
    if (elt !== null && (elt.kind === 'choice' || elt.kind === 'noncapture')) {
      const alternatives: Elt[] = elt.kind === 'noncapture' ? [elt] : elt.items
      const innerResult: string[] = []
      const innerArgs: string[][] = []
      for (const alt of alternatives) {
        const [res, args] = flattenResult(alt)
        innerResult.push(...res)
        innerArgs.push(...args)
      }
      const newResult: string[] = []
      const newArgs: string[][] = []
      result.forEach((item, k) => {
        innerResult.forEach((iItem, j) => {
          newResult.push(item + iItem)
          newArgs.push([...resultArgs[k]!, ...innerArgs[j]!])
        })
      })
      result = newResult
      resultArgs = newArgs
    }
  }
  // Python's loop variable keeps the last index; an empty sequence leaves it at 0.
  const finalPos = items.length === 0 ? 0 : items.length - 1
  if (finalPos >= last) {
    const piece = (items.slice(last) as string[]).join('')
    for (let i = 0; i < result.length; i++) result[i] += piece
  }
  return [result, resultArgs]
}
