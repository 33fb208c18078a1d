/** Any value as plain, cloneable data for the inspector (`Shown`): maps, sets, bytes and class instances flattened. */
import type { Shown } from '../protocol.ts'

const MAX_DEPTH = 8

/** `value` as a `Shown` (JSON-like), never holding a live object. */
export function to_shown(value: unknown, depth = 0): Shown {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'function') return `<function ${value.name || 'anonymous'}>`
  if (typeof value !== 'object') return String(value)
  if (depth >= MAX_DEPTH) return '…'
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return `b'${[...value.subarray(0, 256)].map((b) => String.fromCharCode(b)).join('')}'`
  if (Array.isArray(value) || value instanceof Set) return [...value].map((v) => to_shown(v, depth + 1))
  if (value instanceof Map) {
    const out: Record<string, Shown> = {}
    for (const [k, v] of value) out[String(k)] = to_shown(v, depth + 1)
    return out
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    // A class instance: its own string form when it has one (users, lazy objects), else its fields.
    const text = String(value)
    if (text !== '[object Object]') return text
  }
  const out: Record<string, Shown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = to_shown(v, depth + 1)
  return out
}

/** A console argument as text, as the browser console would roughly print it. */
export function console_text(args: unknown[]): string {
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg
      if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`
      try {
        const shown = to_shown(arg)
        return typeof shown === 'string' ? shown : JSON.stringify(shown)
      } catch {
        return String(arg)
      }
    })
    .join(' ')
}
