/** Port of django/contrib/auth/models.py (_user_get_permissions, _user_has_perm, _user_has_module_perms). */
import { PermissionDenied, ValueError } from '../core/exceptions.ts'
import { is_iterable } from '../core/py-values.ts'
import { get_backends } from './backend-loading.ts'

/** What a permission check hands backends: a User or an AnonymousUser. */
type PermUser = object

/** The optional permission hooks a backend may define. */
interface PermissionBackend {
  get_user_permissions?(user_obj: PermUser, obj?: unknown): Iterable<string>
  get_group_permissions?(user_obj: PermUser, obj?: unknown): Iterable<string>
  get_all_permissions?(user_obj: PermUser, obj?: unknown): Iterable<string>
  has_perm?(user_obj: PermUser, perm: string, obj?: unknown): boolean
  has_module_perms?(user_obj: PermUser, app_label: string): boolean
}

/** The checks User and AnonymousUser delegate to every configured backend. */
export const PermissionChecks = {
  /** The union of what each backend's `get_<from_name>_permissions` returns. */
  get_permissions(user: PermUser, obj: unknown, from_name: 'user' | 'group' | 'all'): Set<string> {
    const permissions = new Set<string>()
    const name = `get_${from_name}_permissions` as const
    for (const backend of get_backends() as PermissionBackend[]) {
      const method = backend[name]
      if (typeof method === 'function') for (const perm of method.call(backend, user, obj)) permissions.add(perm)
    }
    return permissions
  },

  /** True when a backend grants `perm`; a backend raising PermissionDenied ends the search with false. */
  has_perm(user: PermUser, perm: string, obj: unknown): boolean {
    for (const backend of get_backends() as PermissionBackend[]) {
      if (typeof backend.has_perm !== 'function') continue
      try {
        if (backend.has_perm(user, perm, obj)) return true
      } catch (error) {
        if (error instanceof PermissionDenied) return false
        throw error
      }
    }
    return false
  },

  /** True when a backend grants some permission in `app_label`; PermissionDenied ends the search. */
  has_module_perms(user: PermUser, app_label: string): boolean {
    for (const backend of get_backends() as PermissionBackend[]) {
      if (typeof backend.has_module_perms !== 'function') continue
      try {
        if (backend.has_module_perms(user, app_label)) return true
      } catch (error) {
        if (error instanceof PermissionDenied) return false
        throw error
      }
    }
    return false
  },

  /** `has_perms`' argument check: an iterable of permission names that is not a string itself. */
  check_list(perm_list: unknown): string[] {
    if (typeof perm_list === 'string' || !is_iterable(perm_list)) {
      throw new ValueError('perm_list must be an iterable of permissions.')
    }
    return [...(perm_list as Iterable<string>)]
  },
}
