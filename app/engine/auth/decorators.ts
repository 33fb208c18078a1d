/** Port of django/contrib/auth/decorators.py (user_passes_test, login_required, permission_required). */
import { with_settings } from '../conf/context.ts'
import { iscoroutinefunction, markcoroutinefunction } from '../core/coroutines.ts'
import { PermissionDenied } from '../core/exceptions.ts'
import { urlsplit } from '../core/urllib.ts'
import type { HttpRequest } from '../http/request.ts'
import type { HttpResponseBase } from '../http/response-base.ts'
import { REDIRECT_FIELD_NAME } from './auth.ts'
import { resolve_url } from '../shortcuts.ts'
import { redirect_to_login, type UrlTarget } from './views.ts'

/** A view: the request, then URL arguments; returns a response (or a promise of one when async). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type View = (request: HttpRequest, ...args: any[]) => HttpResponseBase | Promise<HttpResponseBase>

/** A user test: true lets the request through. May be async. */
export type UserTest = (user: never) => unknown

/** Keyword arguments of `user_passes_test()`. */
export interface UserPassesTestOptions {
  /** Where to send users who fail the test; LOGIN_URL by default. */
  login_url?: UrlTarget | null
  /** The query parameter carrying the original URL ('next'); null or '' leaves it out. */
  redirect_field_name?: string | null
}

/** A decorated view, carrying what LoginRequiredMiddleware reads. */
export type DecoratedView<V extends View> = V & {
  login_url: UrlTarget | null
  redirect_field_name: string | null
  __wrapped__: V
}

/** functools.wraps: the wrapper keeps the view's name and attributes (csrf_exempt and the like). */
function wraps<V extends View>(view_func: V, wrapper: View, options: Required<UserPassesTestOptions>): DecoratedView<V> {
  Object.assign(wrapper, view_func)
  Object.defineProperty(wrapper, 'name', { value: view_func.name, configurable: true })
  return Object.assign(wrapper, {
    login_url: options.login_url,
    redirect_field_name: options.redirect_field_name,
    __wrapped__: view_func,
  }) as unknown as DecoratedView<V>
}

/** The redirect for a failed test: to the login URL with the current path (or full URL across origins) as `next`. */
function redirect_for(request: HttpRequest, options: Required<UserPassesTestOptions>): HttpResponseBase {
  return with_settings(request.settings, () => {
    let path = request.build_absolute_uri()
    const resolved_login_url = resolve_url(options.login_url || request.settings.LOGIN_URL)
    const login = urlsplit(resolved_login_url)
    const current = urlsplit(path)
    // Same scheme and host as the login page: the path alone is enough.
    if ((!login.scheme || login.scheme === current.scheme) && (!login.netloc || login.netloc === current.netloc)) {
      path = request.get_full_path()
    }
    return redirect_to_login(path, resolved_login_url, options.redirect_field_name)
  })
}

/**
 * `user_passes_test(test_func, login_url=None, redirect_field_name='next')`: a decorator that runs
 * the view when `test_func(request.user)` is truthy and redirects to the login page otherwise.
 * Async views read the user through `request.auser()`.
 */
export function user_passes_test<U = unknown>(
  test_func: (user: U) => unknown,
  options: UserPassesTestOptions = {},
): <V extends View>(view_func: V) => DecoratedView<V> {
  const opts: Required<UserPassesTestOptions> = {
    login_url: options.login_url ?? null,
    redirect_field_name: options.redirect_field_name === undefined ? REDIRECT_FIELD_NAME : options.redirect_field_name,
  }
  return <V extends View>(view_func: V): DecoratedView<V> => {
    if (iscoroutinefunction(view_func)) {
      const async_wrapper = async (request: HttpRequest, ...args: unknown[]): Promise<HttpResponseBase> => {
        const user = (await request.auser!()) as U
        if (await test_func(user)) return await view_func(request, ...args)
        return redirect_for(request, opts)
      }
      return wraps(view_func, markcoroutinefunction(async_wrapper), opts)
    }
    const sync_wrapper = (request: HttpRequest, ...args: unknown[]): HttpResponseBase | Promise<HttpResponseBase> => {
      const test_pass = test_func(request.user as U)
      if (test_pass instanceof Promise) {
        // DEVIATION(django): an async test on a sync view can't be awaited in place (async_to_sync),
        // so the wrapper answers with a promise of the response.
        return test_pass.then((ok) => (ok ? view_func(request, ...args) : redirect_for(request, opts)))
      }
      return test_pass ? view_func(request, ...args) : redirect_for(request, opts)
    }
    return wraps(view_func, markcoroutinefunction(sync_wrapper, false), opts)
  }
}

/** The user attributes login_required and permission_required read. */
interface DecoratorUser {
  readonly is_authenticated: boolean
  has_perms(perm_list: Iterable<string>, obj?: unknown): boolean
}

/**
 * `login_required(function=None, redirect_field_name='next', login_url=None)`: redirects anonymous
 * users to the login page. Called with a view it decorates it; with options only, it returns the decorator.
 */
export function login_required<V extends View>(view_func: V, options?: UserPassesTestOptions): DecoratedView<V>
export function login_required(options?: UserPassesTestOptions): <V extends View>(view_func: V) => DecoratedView<V>
export function login_required<V extends View>(
  view_or_options?: V | UserPassesTestOptions,
  options: UserPassesTestOptions = {},
): DecoratedView<V> | (<W extends View>(view_func: W) => DecoratedView<W>) {
  if (typeof view_or_options === 'function') {
    return user_passes_test((u: DecoratorUser) => u.is_authenticated, options)(view_or_options)
  }
  return user_passes_test((u: DecoratorUser) => u.is_authenticated, view_or_options ?? {})
}

/** Django 5.1's `login_not_required`: marks a view LoginRequiredMiddleware lets through. */
export function login_not_required<V extends View>(view_func: V): V & { login_required: false } {
  return Object.assign(view_func, { login_required: false as const })
}

/** Keyword arguments of `permission_required()`. */
export interface PermissionRequiredOptions {
  /** Where to send users without the permission; LOGIN_URL by default. */
  login_url?: UrlTarget | null
  /** Raise PermissionDenied (a 403) instead of redirecting. */
  raise_exception?: boolean
}

/**
 * `permission_required(perm, login_url=None, raise_exception=False)`: the view runs when the user
 * has every permission; otherwise PermissionDenied (with raise_exception) or the login redirect.
 */
export function permission_required(
  perm: string | Iterable<string>,
  options: PermissionRequiredOptions = {},
): <V extends View>(view_func: V) => DecoratedView<V> {
  const perms = typeof perm === 'string' ? [perm] : [...perm]
  const check_perms = (user: DecoratorUser): boolean => {
    // Checked for anonymous users too: a backend may grant them permissions.
    if (user.has_perms(perms)) return true
    if (options.raise_exception) throw new PermissionDenied()
    return false
  }
  return user_passes_test(check_perms, { login_url: options.login_url ?? null })
}
