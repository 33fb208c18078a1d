/** Port of asgiref.sync's `iscoroutinefunction` / `markcoroutinefunction`: telling async callables apart. */

const COROUTINE_MARKER = Symbol.for('django.coroutine_function')

/** A callable that may carry the async marker. */
type Markable = object & { [COROUTINE_MARKER]?: boolean }

/**
 * True for an `async function` and for any callable (or middleware instance) marked with
 * `markcoroutinefunction`: Django's handlers choose the sync or async path by this.
 */
export function iscoroutinefunction(value: unknown): boolean {
  if (value === null || (typeof value !== 'function' && typeof value !== 'object')) return false
  const marked = (value as Markable)[COROUTINE_MARKER]
  if (marked !== undefined) return marked
  return typeof value === 'function' && value.constructor.name === 'AsyncFunction'
}

/** Marks `value` as async (true) or sync (false) for `iscoroutinefunction`, and returns it. */
export function markcoroutinefunction<T extends object>(value: T, is_async = true): T {
  Object.defineProperty(value, COROUTINE_MARKER, { value: is_async, configurable: true })
  return value
}
