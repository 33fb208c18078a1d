/** Port of run_oracle.py (CaseFile, Refs, build_value, build_data): a case's JSON turned into client arguments. */
import { json_dumps } from '../../app/engine/core/json.ts'
import { utf8_encode } from '../../app/engine/core/encoding.ts'
import type { SimpleCookie } from '../../app/engine/http/cookie.ts'

/** A case's JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A `$file` spec: `{name?, content | content_b64 | content_repeat: [str, n], content_type?}`. */
export type FileSpec = { [key: string]: Json }

const has = (o: object, k: string) => Object.hasOwn(o, k)

/** Python's `base64.b64decode` for the well-formed text cases hold. */
export function b64decode(text: string): Uint8Array {
  const bin = atob(text)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** A file object for the test client built from a `$file` spec (`read()`, optional `name`/`content_type`). */
export class CaseFile {
  // Declared only: like Python's hasattr(), the client checks whether these exist at all.
  declare name?: string
  declare content_type?: string
  readonly #content: Uint8Array

  constructor(spec: FileSpec) {
    if (has(spec, 'content_b64')) this.#content = b64decode(spec['content_b64'] as string)
    else if (has(spec, 'content_repeat')) {
      const [s, n] = spec['content_repeat'] as [string, number]
      this.#content = utf8_encode(s.repeat(n))
    } else this.#content = utf8_encode((has(spec, 'content') ? spec['content'] : '') as string)
    if (has(spec, 'name')) this.name = spec['name'] as string
    if (has(spec, 'content_type')) this.content_type = spec['content_type'] as string
  }

  /** The whole content, whatever size is asked for (as the oracle's file does). */
  read(..._args: unknown[]): Uint8Array {
    return this.#content
  }
}

const REF_RE = /\$\{(cookie|json):([^}]*)\}/g

/** `${cookie:NAME}` / `${json:KEY}` references, resolved against the jar and the previous JSON body. */
export class Refs {
  /** The previous request step's JSON body (null when it had none). */
  last_json: unknown = null

  constructor(private readonly cookies: () => SimpleCookie) {}

  /** Substitutes references in every string of `value`. */
  subst<T>(value: T): T {
    if (typeof value === 'string') {
      return value.replace(REF_RE, (_m, kind: string, name: string) => {
        if (kind === 'cookie') {
          const morsel = this.cookies().get(name)
          return morsel !== null ? (morsel.value ?? '') : ''
        }
        const last = this.last_json
        if (typeof last === 'object' && last !== null && !Array.isArray(last) && has(last, name)) {
          const v = (last as Record<string, unknown>)[name]
          return typeof v === 'string' ? v : json_dumps(v)
        }
        return ''
      }) as T
    }
    if (Array.isArray(value)) return value.map((v) => this.subst(v)) as T
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.subst(v)])) as T
    }
    return value
  }
}

/** Case JSON value to the value handed to the client (`$file`, `$repeat`, `$b64`, `$tuple`). */
export function build_value(v: Json): unknown {
  if (Array.isArray(v)) return v.map(build_value)
  if (typeof v === 'object' && v !== null) {
    if (has(v, '$file')) return new CaseFile(v['$file'] as FileSpec)
    if (has(v, '$repeat')) {
      const [s, n] = v['$repeat'] as [string, number]
      return s.repeat(n)
    }
    if (has(v, '$b64')) return b64decode(v['$b64'] as string)
    // A tuple is a sequence like a list for the client.
    if (has(v, '$tuple')) return (v['$tuple'] as Json[]).map(build_value)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, build_value(x)]))
  }
  return v
}

/** The step's `data` with its `files` merged in (appended after an existing field). */
export function build_data(step: { data?: Json; files?: { [field: string]: Json } }): unknown {
  let data = has(step, 'data') ? build_value(step.data!) : null
  const files = step.files
  if (files && Object.keys(files).length > 0) {
    if (data === null) data = {}
    const record = data as Record<string, unknown>
    for (const [field, spec] of Object.entries(files)) {
      const specs = Array.isArray(spec) ? spec : [spec]
      const added = specs.map((s) => new CaseFile(s as FileSpec))
      if (has(record, field)) {
        const old = record[field]
        record[field] = [...(Array.isArray(old) ? old : [old]), ...added]
      } else {
        record[field] = added.length === 1 && !Array.isArray(spec) ? added[0] : added
      }
    }
  }
  return data
}
