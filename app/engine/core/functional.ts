/** Python's `functools.wraps` for views: a decorated view keeps the wrapped one's name and marks. */

/**
 * Copies `wrapped`'s name and own properties (Django's markers such as `csrf_exempt`,
 * `should_append_slash`, `login_required`) onto `wrapper`, and returns `wrapper`.
 */
export function wraps<W extends object>(wrapper: W, wrapped: object): W {
  for (const key of Object.keys(wrapped)) {
    ;(wrapper as Record<string, unknown>)[key] = (wrapped as Record<string, unknown>)[key]
  }
  const name = (wrapped as { name?: unknown }).name
  if (typeof wrapper === 'function' && typeof name === 'string') {
    Object.defineProperty(wrapper, 'name', { value: name, configurable: true })
  }
  Object.defineProperty(wrapper, '__wrapped__', { value: wrapped, configurable: true })
  return wrapper
}
