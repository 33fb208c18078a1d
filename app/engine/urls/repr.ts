/** Python's `repr()` for the values routing prints: ResolverMatch, NoReverseMatch and Resolver404 messages. */
import { is_plain_record } from '../core/py-values.ts'
import { pyrepr, str_repr } from '../core/python.ts'

/** Something with its own Python repr (URLPattern, UUID, ...). */
interface HasRepr {
  __repr__(): string
}

function hasRepr(value: unknown): value is HasRepr {
  return value !== null && typeof value === 'object' && typeof (value as HasRepr).__repr__ === 'function'
}

/** `repr(value)`: objects' own `__repr__`, lists, dicts (null-prototype ones too), else core's pyrepr. */
export function py_repr(value: unknown): string {
  if (hasRepr(value)) return value.__repr__()
  if (Array.isArray(value)) return '[' + value.map(py_repr).join(', ') + ']'
  if (value instanceof Map) return '{' + [...value].map(([k, v]) => `${py_repr(k)}: ${py_repr(v)}`).join(', ') + '}'
  if (is_plain_record(value)) {
    return '{' + Object.entries(value).map(([k, v]) => `${str_repr(k)}: ${py_repr(v)}`).join(', ') + '}'
  }
  if (typeof value === 'function') return `<function ${value.name || '<lambda>'}>`
  return pyrepr(value)
}

/** `repr(tuple(items))`: `()`, `('a',)`, `('a', 'b')`. */
export function tuple_repr(items: readonly unknown[]): string {
  if (items.length === 1) return `(${py_repr(items[0])},)`
  return '(' + items.map(py_repr).join(', ') + ')'
}
