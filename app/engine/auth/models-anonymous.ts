/** Port of django/contrib/auth/models.py (AnonymousUser: request.user when nobody is logged in). */
import { NotImplementedError } from '../core/exceptions.ts'
import { PermissionChecks } from './models-permissions.ts'

const NO_DB_REPRESENTATION = "Django doesn't provide a DB representation for AnonymousUser."

/** Django's AnonymousUser: no id, no username, no flags; every instance equals every other. */
export class AnonymousUser {
  readonly id = null
  readonly pk = null
  readonly username = ''
  readonly is_staff = false
  readonly is_active = false
  readonly is_superuser = false

  /** `str()`: 'AnonymousUser'. */
  toString(): string {
    return 'AnonymousUser'
  }

  /** Python's `int(user)` is a TypeError; a string context gives 'AnonymousUser'. */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'number') throw new TypeError('Cannot cast AnonymousUser to int. Are you trying to use it in place of User?')
    return this.toString()
  }

  /** `==`: true for any AnonymousUser. */
  equals(other: unknown): boolean {
    return other instanceof AnonymousUser
  }

  /** `hash()`: 1 for every instance. */
  __hash__(): number {
    return 1
  }

  /** Not stored anywhere: NotImplementedError. */
  save(): never {
    throw new NotImplementedError(NO_DB_REPRESENTATION)
  }

  /** Not stored anywhere: NotImplementedError. */
  delete(): never {
    throw new NotImplementedError(NO_DB_REPRESENTATION)
  }

  /** Has no password: NotImplementedError. */
  set_password(_raw_password: unknown): never {
    throw new NotImplementedError(NO_DB_REPRESENTATION)
  }

  /** Has no password: NotImplementedError. */
  check_password(_raw_password: unknown): never {
    throw new NotImplementedError(NO_DB_REPRESENTATION)
  }

  /** No groups: an empty list (Django's EmptyManager). */
  get groups(): readonly never[] {
    return []
  }

  /** No permissions of its own: an empty list (Django's EmptyManager). */
  get user_permissions(): readonly never[] {
    return []
  }

  /** Permissions backends grant anonymous users directly. */
  get_user_permissions(obj: unknown = null): Set<string> {
    return PermissionChecks.get_permissions(this, obj, 'user')
  }

  /** Always empty: anonymous users have no groups. */
  get_group_permissions(_obj: unknown = null): Set<string> {
    return new Set()
  }

  /** Every permission backends grant anonymous users. */
  get_all_permissions(obj: unknown = null): Set<string> {
    return PermissionChecks.get_permissions(this, obj, 'all')
  }

  /** Whether some backend grants anonymous users `perm`. */
  has_perm(perm: string, obj: unknown = null): boolean {
    return PermissionChecks.has_perm(this, perm, obj)
  }

  /** Whether every permission in `perm_list` is granted (ValueError for a string or non-iterable). */
  has_perms(perm_list: Iterable<string>, obj: unknown = null): boolean {
    return PermissionChecks.check_list(perm_list).every((perm) => this.has_perm(perm, obj))
  }

  /** Whether some backend grants anonymous users a permission in `module`. */
  has_module_perms(module: string): boolean {
    return PermissionChecks.has_module_perms(this, module)
  }

  /** Always true. */
  get is_anonymous(): boolean {
    return true
  }

  /** Always false. */
  get is_authenticated(): boolean {
    return false
  }

  /** The empty username. */
  get_username(): string {
    return this.username
  }
}
