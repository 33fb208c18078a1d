/**
 * Python's `urllib.parse.urlencode(query, doseq)`: what reverse(query=...) calls in Django 5.2, and
 * what Django's own `urlencode` (core/http.ts) calls after its None checks.
 */
import { is_plain_record } from './py-values.ts'
import { pystr } from './python.ts'
import { quote_plus } from './urllib.ts'

type Pairs = Iterable<readonly [unknown, unknown]>

function hasItems(query: unknown): query is { items(): Pairs } {
  return query !== null && typeof query === 'object' && typeof (query as { items?: unknown }).items === 'function'
}

// Python's `len(x)` test for "is this a sequence": str/bytes are handled before this.
function sequenceItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value
  if (value instanceof Set) return [...value]
  if (value instanceof Map) return [...value.keys()]
  if (is_plain_record(value)) return Object.keys(value)
  return null
}

function plus(value: unknown): string {
  return value instanceof Uint8Array ? quote_plus(value) : quote_plus(pystr(value))
}

/**
 * `urlencode(query, doseq)`: a dict/Map/`items()` object or a sequence of pairs; with `doseq`, list
 * values repeat their key. Unlike Django's own urlencode, None becomes `None` (Python's str()).
 */
export function py_urlencode(query: unknown, doseq = false): string {
  let pairs: Pairs
  if (query instanceof Map) pairs = query
  else if (hasItems(query)) pairs = query.items()
  else if (is_plain_record(query)) pairs = Object.entries(query)
  else {
    const items = typeof query === 'string' ? [...query] : sequenceItems(query)
    if (items === null || (items.length && !Array.isArray(items[0])) || (query instanceof Set && items.length)) {
      throw new TypeError('not a valid non-string sequence or mapping object')
    }
    pairs = items as Array<[unknown, unknown]>
  }
  const out: string[] = []
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError(`cannot unpack non-iterable ${typeof pair} object`)
    }
    const [k, v] = pair
    const key = plus(k)
    if (!doseq || typeof v === 'string' || v instanceof Uint8Array) {
      out.push(`${key}=${plus(v)}`)
      continue
    }
    const seq = sequenceItems(v)
    if (seq === null) out.push(`${key}=${plus(v)}`)
    else for (const elt of seq) out.push(`${key}=${plus(elt)}`)
  }
  return out.join('&')
}
