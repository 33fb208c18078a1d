/** Port of run_oracle.py (morsel_dict, jar_dump, body_dict, exception_dict, request_dict, jsonable): JSON results. */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { decode, latin1_decode } from '../../app/engine/core/encoding.ts'
import { pystr } from '../../app/engine/core/python.ts'
import type { Morsel, SimpleCookie } from '../../app/engine/http/cookie.ts'

/** Body text beyond this many characters is cut (with `truncated` and the whole body's `sha256`). */
export const BODY_TEXT_LIMIT = 4000
/** Undecodable bodies keep this many bytes, base64-encoded. */
export const BODY_B64_LIMIT = 3000

/** Standard base64 of bytes. */
export function b64encode(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

// An attribute counts when set: '', None and False are dropped; max-age 0 is kept.
const attr_present = (v: unknown) => !(v === null || v === undefined || v === false || v === '')

/** One morsel: `{key, value, coded_value, attrs}` plus `header` (`OutputString()`) for a response's cookies. */
export function morsel_dict(morsel: Morsel, with_header = false): Record<string, unknown> {
  const attrs: Record<string, unknown> = {}
  for (const k of morsel.keys()) {
    const v = morsel.getitem(k)
    if (attr_present(v)) attrs[k] = v
  }
  const d: Record<string, unknown> = { key: morsel.key, value: morsel.value, coded_value: morsel.coded_value, attrs }
  if (with_header) d['header'] = morsel.OutputString()
  return d
}

/** Python's ordering of str: by code point (JS compares UTF-16 units). */
export function cmp_str(a: string, b: string): number {
  if (a === b) return 0
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!
  }
  return x.length - y.length
}

/** The jar sorted by cookie name. */
export function jar_dump(cookies: SimpleCookie): Array<Record<string, unknown>> {
  return [...cookies.keys()].sort(cmp_str).map((k) => morsel_dict(cookies.getitem(k)))
}

// Python's str slicing and len() count code points.
const code_points = (text: string) => [...text]

function try_decode(content: Uint8Array, charset: string): string | null {
  try {
    return decode(content, charset)
  } catch (e) {
    if (e instanceof Error && (e.name === 'UnicodeDecodeError' || e.name === 'LookupError')) return null
    throw e
  }
}

/** `{len, json}` for parseable JSON responses, else `{len, text}` (cut at 4000), else `{len, b64}`. */
export function body_dict(content_type: string, charset: string, content: Uint8Array): Record<string, unknown> {
  const out: Record<string, unknown> = { len: content.length }
  const text = try_decode(content, charset)
  if (content_type.toLowerCase().startsWith('application/json') && text !== null) {
    try {
      out['json'] = JSON.parse(text)
      return out
    } catch {
      // not JSON after all: recorded as text below
    }
  }
  if (text === null) {
    out['b64'] = b64encode(content.subarray(0, BODY_B64_LIMIT))
    if (content.length > BODY_B64_LIMIT) out['truncated'] = true
    return out
  }
  const chars = code_points(text)
  if (chars.length > BODY_TEXT_LIMIT) {
    out['text'] = chars.slice(0, BODY_TEXT_LIMIT).join('')
    out['truncated'] = true
    out['sha256'] = bytesToHex(sha256(content))
  } else {
    out['text'] = text
  }
  return out
}

/** `{class, message, last_response?}` of an exception a client call raised. */
export function exception_dict(e: unknown): Record<string, unknown> {
  const d: Record<string, unknown> =
    e instanceof Error ? { class: e.name, message: e.message } : { class: typeof e, message: String(e) }
  const last = (e as { last_response?: { status_code: number; redirect_chain?: Array<[string, number]> } } | null)
    ?.last_response
  if (last !== undefined && last !== null) {
    d['last_response'] = {
      status_code: last.status_code,
      redirect_chain: (last.redirect_chain ?? []).map(([u, s]) => [u, s]),
    }
  }
  return d
}

const latin1 = (v: unknown) => (v instanceof Uint8Array ? latin1_decode(v) : v)

/**
 * The environ (Client) or scope (AsyncClient) of the last request: string values only; a scope's
 * `headers` become `[[name, value]]` (latin-1) and `server` a list of strings.
 */
export function request_dict(req: Record<string, unknown>, is_async: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(req).sort(cmp_str)) {
    const v = req[k]
    if (typeof v === 'string') {
      if (is_async || !k.startsWith('wsgi.input')) out[k] = v
    } else if (is_async && k === 'headers' && Array.isArray(v)) {
      out[k] = v.map(([n, x]: [unknown, unknown]) => [latin1(n), latin1(x)])
    } else if (is_async && k === 'server' && Array.isArray(v)) {
      out[k] = v.map((x) => pystr(x))
    }
  }
  return out
}

/** Values made JSON-serialisable: bytes as `{"$b64"}`, other objects as `{"$repr": type}`. */
export function jsonable(obj: unknown): unknown {
  if (obj instanceof Uint8Array) return { $b64: b64encode(obj) }
  if (Array.isArray(obj)) return obj.map(jsonable)
  if (obj === null || obj === undefined) return null
  if (typeof obj === 'string' || typeof obj === 'number' || typeof obj === 'boolean') return obj
  if (typeof obj === 'object') {
    const proto = Object.getPrototypeOf(obj)
    if (proto === Object.prototype || proto === null) {
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, jsonable(v)]))
    }
    return { $repr: (obj as object).constructor?.name ?? 'object' }
  }
  return { $repr: typeof obj }
}
