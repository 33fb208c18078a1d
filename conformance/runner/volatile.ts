/** Port of run_oracle.py (Volatile, replace_all): random session keys and CSRF tokens become numbered placeholders. */
import type { Settings } from '../../app/engine/conf/settings.ts'
import { json_dumps } from '../../app/engine/core/json.ts'
import { cmp_str } from './normalise.ts'

/** The engine whose session "key" is the signed session data itself (not random, kept exact). */
export const SIGNED_COOKIE_ENGINE = 'django.contrib.sessions.backends.signed_cookies'

type Kind = 'session_key' | 'csrf_token'

/** Per kind: the regexes a value is expected to match, with the shape text the placeholder shows. */
const VOLATILE_SHAPES: Record<Kind, Array<[RegExp, string]>> = {
  session_key: [[/^[a-z0-9]{32}$/, '[a-z0-9]{32}']],
  // 64 = a masked token (get_token()), 32 = the unmasked secret (the cookie since Django 4.1).
  csrf_token: [
    [/^[a-zA-Z0-9]{64}$/, '[a-zA-Z0-9]{64}'],
    [/^[a-zA-Z0-9]{32}$/, '[a-zA-Z0-9]{32}'],
  ],
}

const CSRF_JSON_KEYS = new Set(['csrf_token', 'CSRF_COOKIE', '_csrftoken'])

/** Collects the random values (session keys, CSRF tokens) seen during a case. */
export class Volatile {
  /** value -> kind, in order of first sighting (the first kind wins). */
  readonly values = new Map<string, Kind>()

  constructor(private readonly settings: Settings) {}

  // signed_cookies session "keys" are the signed data itself: exact, not random.
  get #random_session_keys(): boolean {
    return this.settings.SESSION_ENGINE !== SIGNED_COOKIE_ENGINE
  }

  add(kind: Kind, value: unknown): void {
    if (typeof value === 'string' && value !== '' && !this.values.has(value)) this.values.set(value, kind)
  }

  /** From dumped morsels: the session cookie (unless signed_cookies) and the CSRF cookie. */
  from_morsels(morsels: ReadonlyArray<Record<string, unknown>>): void {
    const s = this.settings
    for (const m of morsels) {
      if (m['key'] === s.SESSION_COOKIE_NAME && this.#random_session_keys) this.add('session_key', m['value'])
      else if (m['key'] === s.CSRF_COOKIE_NAME) this.add('csrf_token', m['value'])
    }
  }

  /** From a JSON body or session dict, at any depth: CSRF token keys and `session_key`. */
  from_json(obj: unknown): void {
    if (Array.isArray(obj)) {
      for (const v of obj) this.from_json(v)
    } else if (typeof obj === 'object' && obj !== null) {
      for (const [k, v] of Object.entries(obj)) {
        if (CSRF_JSON_KEYS.has(k)) this.add('csrf_token', v)
        else if (k === 'session_key' && this.#random_session_keys) this.add('session_key', v)
        else this.from_json(v)
      }
    }
  }

  /**
   * Each volatile value's placeholder `<KIND#N:SHAPE>`, numbered per kind in order of first
   * appearance in `json.dumps(results, sort_keys=True, ensure_ascii=False)`.
   */
  placeholders(results: unknown): Map<string, string> {
    const text = json_dumps(results, { sort_keys: true, ensure_ascii: false })
    const found: Array<[number, string]> = []
    for (const v of this.values.keys()) {
      const at = text.indexOf(v)
      if (at >= 0) found.push([at, v])
    }
    // Python sorts (index, value) tuples; UTF-16 offsets order the same way as code point ones.
    found.sort(([i, a], [j, b]) => i - j || cmp_str(a, b))
    const counters = new Map<Kind, number>()
    const mapping = new Map<string, string>()
    for (const [, v] of found) {
      const kind = this.values.get(v)!
      const n = (counters.get(kind) ?? 0) + 1
      counters.set(kind, n)
      const shape = VOLATILE_SHAPES[kind].find(([re]) => re.test(v))?.[1] ?? `len${[...v].length}`
      mapping.set(v, `<${kind}#${n}:${shape}>`)
    }
    return mapping
  }
}

/** Replaces every volatile value inside every string (not keys) of `obj`. */
export function replace_all(obj: unknown, mapping: ReadonlyMap<string, string>): unknown {
  if (mapping.size === 0) return obj
  if (typeof obj === 'string') {
    let s = obj
    for (const [v, ph] of mapping) if (s.includes(v)) s = s.split(v).join(ph)
    return s
  }
  if (Array.isArray(obj)) return obj.map((x) => replace_all(x, mapping))
  if (typeof obj === 'object' && obj !== null) {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, replace_all(v, mapping)]))
  }
  return obj
}
