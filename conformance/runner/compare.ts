/** The runner's own comparison (run_oracle.py --check compares dumps): where a step's result differs from Django's. */

/** One difference: the path of the differing key, what Django recorded, what the engine produced. */
export interface Difference {
  path: string
  expected: unknown
  got: unknown
}

const MISSING = Symbol('missing')
const is_dict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const key_path = (base: string, key: string) =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`

/** Every difference between two JSON values (dict key order ignored, list order kept), up to `limit`. */
export function differences(expected: unknown, got: unknown, path = '', limit = 12): Difference[] {
  const out: Difference[] = []
  const walk = (e: unknown, g: unknown, p: string) => {
    if (out.length >= limit) return
    if (Array.isArray(e) && Array.isArray(g)) {
      for (let i = 0; i < Math.max(e.length, g.length); i++) {
        walk(i < e.length ? e[i] : MISSING, i < g.length ? g[i] : MISSING, `${p}[${i}]`)
      }
      return
    }
    if (is_dict(e) && is_dict(g)) {
      const keys = [...new Set([...Object.keys(e), ...Object.keys(g)])].sort()
      for (const k of keys) {
        walk(Object.hasOwn(e, k) ? e[k] : MISSING, Object.hasOwn(g, k) ? g[k] : MISSING, key_path(p, k))
      }
      return
    }
    if (!Object.is(e, g) && !(typeof e === 'number' && e === g)) out.push({ path: p || '.', expected: e, got: g })
  }
  walk(expected, got, path)
  return out
}

/** A value shown short: JSON, cut in the middle past `max` characters. */
export function short(value: unknown, max = 160): string {
  if (value === MISSING) return '(missing)'
  const text = JSON.stringify(value) ?? String(value)
  return text.length <= max ? text : `${text.slice(0, max - 40)} …(${text.length} chars)… ${text.slice(-30)}`
}

/** For two strings, the first differing character and a little context either side. */
export function string_hint(expected: unknown, got: unknown): string | null {
  if (typeof expected !== 'string' || typeof got !== 'string' || expected.length + got.length < 80) return null
  let i = 0
  while (i < expected.length && i < got.length && expected[i] === got[i]) i++
  const from = Math.max(0, i - 20)
  const around = (s: string) => JSON.stringify(s.slice(from, i + 30))
  return `first difference at ${i}: expected …${around(expected)}, got …${around(got)}`
}

/** The readable lines for one difference. */
export function format_difference(d: Difference): string[] {
  const lines = [`    ${d.path}`, `      expected ${short(d.expected)}`, `      got      ${short(d.got)}`]
  const hint = string_hint(d.expected, d.got)
  if (hint !== null) lines.push(`      ${hint}`)
  return lines
}
