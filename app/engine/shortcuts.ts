/** Port of django/shortcuts.py (redirect, resolve_url): the helpers views reach for. */
import type { HttpResponseRedirectBase } from './http/response-subclasses.ts'
import { HttpResponsePermanentRedirect, HttpResponseRedirect } from './http/response-subclasses.ts'
import { reverse } from './urls/base.ts'
import { NoReverseMatch } from './urls/exceptions.ts'

/** Django's keyword arguments of `redirect()`; `kwargs` are the URL pattern's keyword arguments. */
export interface RedirectOptions {
  permanent?: boolean
  preserve_request?: boolean
  kwargs?: Record<string, unknown>
}

/** What a URL can be given as: a path or URL, a view name, a view, or an object with `get_absolute_url()`. */
export type RedirectTarget = string | ((...args: never[]) => unknown) | { get_absolute_url(): string }

function is_options(value: unknown): value is RedirectOptions {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * `resolve_url(to, ...args[, {kwargs}])`: a model's `get_absolute_url()`, a relative `./` or
 * `../` URL as is, a reversed view name or view, else `to` itself when it looks like a URL.
 */
export function resolve_url(to: RedirectTarget, ...rest: unknown[]): string {
  const options = is_options(rest.at(-1)) ? (rest.pop() as RedirectOptions) : {}
  if (typeof to === 'object' && typeof to.get_absolute_url === 'function') return to.get_absolute_url()
  if (typeof to === 'string' && (to.startsWith('./') || to.startsWith('../'))) return to
  try {
    return reverse(to as string, { args: rest, kwargs: options.kwargs ?? null })
  } catch (error) {
    if (!(error instanceof NoReverseMatch)) throw error
    if (typeof to === 'function') throw error
    if (!String(to).includes('/') && !String(to).includes('.')) throw error
  }
  return String(to)
}

/**
 * `redirect(to, ...args[, {permanent, preserve_request, kwargs}])`: a 302 (301 when permanent;
 * 307/308 with preserve_request) to `resolve_url(to, ...)`.
 */
export function redirect(to: RedirectTarget, ...rest: unknown[]): HttpResponseRedirectBase {
  const options = is_options(rest.at(-1)) ? (rest.at(-1) as RedirectOptions) : {}
  const cls = options.permanent ? HttpResponsePermanentRedirect : HttpResponseRedirect
  return new cls(resolve_url(to, ...rest), { preserve_request: options.preserve_request ?? false })
}
