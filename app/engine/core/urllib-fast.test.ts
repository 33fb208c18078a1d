import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { decode, is_utf8_codec } from './encoding.ts'
import { ValueError } from './exceptions.ts'
import { parse_qsl, unquote_plus, unquotePlusAscii, unquote_to_bytes, type ParseQslOptions } from './urllib.ts'

// The straightforward parse_qsl (split, then unquote_plus each side) the fast scanner must equal.
function referenceParseQsl(qs: string, options: ParseQslOptions = {}): Array<[string, string]> {
  const { keep_blank_values = false, encoding = 'utf-8', errors = 'replace', max_num_fields = null, separator = '&' } = options
  if (!qs) return []
  if (max_num_fields !== null && max_num_fields < qs.split(separator).length) throw new ValueError('Max number of fields exceeded')
  const pairs: Array<[string, string]> = []
  for (const segment of qs.split(separator)) {
    if (!segment) continue
    const eq = segment.indexOf('=')
    const name = eq < 0 ? segment : segment.slice(0, eq)
    const value = eq < 0 ? '' : segment.slice(eq + 1)
    if (!value && !keep_blank_values) continue
    pairs.push([referenceUnquotePlus(name, encoding, errors), referenceUnquotePlus(value, encoding, errors)])
  }
  return pairs
}

function referenceUnquotePlus(text: string, encoding: string, errors: 'strict' | 'replace'): string {
  const spaced = text.replace(/\+/g, ' ')
  if (!spaced.includes('%')) return spaced
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decode(unquote_to_bytes(run), encoding, errors))
}

function outcome<T>(f: () => T): T | string {
  try {
    return f()
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

// Query-string-ish text: separators, escapes (good, bad, high bytes), '+', non-ASCII and lone surrogates.
const piece = fc.oneof(
  fc.constantFrom('&', '=', '+', '%', ';', '&&', '==', 'a', 'key', 'é', '\u00ff', '\ud800', '😀', ' ', '%2', '%g1', '%%'),
  fc.integer({ min: 0, max: 255 }).map((b) => '%' + b.toString(16).padStart(2, '0')),
  fc.integer({ min: 0, max: 255 }).map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')),
  fc.string({ maxLength: 4 }),
)
const queryString = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''))

describe('parse_qsl fast scanner', () => {
  it('equals split-then-unquote_plus for any string, option and codec', () => {
    const options = fc.record({
      keep_blank_values: fc.boolean(),
      encoding: fc.constantFrom('utf-8', 'UTF8', 'latin-1', 'ascii', 'cp1252', 'shift_jis'),
      errors: fc.constantFrom('strict' as const, 'replace' as const),
      max_num_fields: fc.option(fc.integer({ min: 0, max: 12 })),
      separator: fc.constantFrom('&', ';', '&&', '=&'),
    })
    fc.assert(
      fc.property(queryString, options, (qs, opts) => {
        expect(outcome(() => parse_qsl(qs, opts))).toEqual(outcome(() => referenceParseQsl(qs, opts)))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps Python semantics on fixed cases', () => {
    expect(parse_qsl('a=1&b&c=&&d=%41+%zz%2', { keep_blank_values: true })).toEqual([
      ['a', '1'],
      ['b', ''],
      ['c', ''],
      ['d', 'A %zz%2'],
    ])
    expect(parse_qsl('a=1&b&c=&d=%C3%A9', {})).toEqual([
      ['a', '1'],
      ['d', 'é'],
    ])
    expect(parse_qsl('a&b&c', { max_num_fields: 3 })).toEqual([])
    expect(() => parse_qsl('a&b&c&', { max_num_fields: 3 })).toThrow('Max number of fields exceeded')
    // No '=' anywhere: stays linear (a quadratic scan would take seconds here).
    expect(parse_qsl('a&'.repeat(200000), { keep_blank_values: true })).toHaveLength(200000)
  })
})

describe('unquotePlusAscii', () => {
  it('answers unquote_plus (UTF-8) whenever it answers', () => {
    fc.assert(
      fc.property(queryString, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1)
        const end = Math.max(start, Math.max(a, b) % (text.length + 1))
        const fast = unquotePlusAscii(text, start, end)
        const slow = unquote_plus(text.slice(start, end), 'utf-8', 'replace')
        if (fast !== null) expect(fast).toBe(slow)
        else expect(/%[89a-fA-F][0-9a-fA-F]/.test(text.slice(start, end))).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('is_utf8_codec', () => {
  it('recognises the aliases and nothing else', () => {
    for (const name of ['utf-8', 'UTF-8', 'utf8', 'U8', 'utf_8', 'cp65001']) expect(is_utf8_codec(name)).toBe(true)
    for (const name of ['latin-1', 'ascii', 'utf-16', 'nope']) expect(is_utf8_codec(name)).toBe(false)
  })
})
