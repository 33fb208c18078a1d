/** Port of django/contrib/auth/backends.py (BaseBackend, ModelBackend, AllowAllUsersModelBackend). */
import type { HttpRequest } from '../http/request.ts'
import { register_import } from '../core/module-loading.ts'
import { get_user_model, type User } from './models.ts'

/** What a backend's authenticate() returns: a user model instance, or null. */
export type AuthUser = User

/**
 * Which credentials a backend's `authenticate()` takes, standing in for the Python signature
 * Django's authenticate() binds the credentials to before calling a backend.
 */
export interface CredentialSignature {
  /** Named keyword parameters (after `request`). */
  readonly names: readonly string[]
  /** Those of `names` without a default. */
  readonly required?: readonly string[]
  /** Whether any other keyword is taken too (`**kwargs`). */
  readonly var_keyword?: boolean
}

/** Whether `signature` binds `(request, **credentials)`, as `inspect.signature(...).bind` would. */
export function accepts_credentials(signature: CredentialSignature, credentials: Record<string, unknown>): boolean {
  const given = Object.keys(credentials)
  // `request` is bound positionally, so a credential with that name is a duplicate argument.
  if (given.includes('request')) return false
  if (!signature.var_keyword && given.some((name) => !signature.names.includes(name))) return false
  return (signature.required ?? []).every((name) => given.includes(name))
}

/** A user object as permission hooks see it (a User or an AnonymousUser). */
export interface PermUser {
  readonly is_active: boolean
  readonly is_anonymous: boolean
}

/** Django's BaseBackend: authenticates nobody and grants nothing; subclasses override what they support. */
export class BaseBackend {
  /** `authenticate(self, request, **kwargs)`: any credentials. */
  authenticate_signature: CredentialSignature = { names: [], var_keyword: true }

  /** The user these credentials identify, or null. */
  authenticate(_request: HttpRequest | null, _credentials: Record<string, unknown>): AuthUser | null {
    return null
  }

  /** Async twin of `authenticate()`. */
  async aauthenticate(request: HttpRequest | null, credentials: Record<string, unknown>): Promise<AuthUser | null> {
    return this.authenticate(request, credentials)
  }

  /** The user with this primary key, or null. */
  get_user(_user_id: unknown): AuthUser | null {
    return null
  }

  /** Async twin of `get_user()`. */
  async aget_user(user_id: unknown): Promise<AuthUser | null> {
    return this.get_user(user_id)
  }

  /** Permission names granted to the user directly. */
  get_user_permissions(_user_obj: PermUser, _obj: unknown = null): Set<string> {
    return new Set()
  }

  /** Permission names granted through the user's groups. */
  get_group_permissions(_user_obj: PermUser, _obj: unknown = null): Set<string> {
    return new Set()
  }

  /** The union of user and group permissions. */
  get_all_permissions(user_obj: PermUser, obj: unknown = null): Set<string> {
    return new Set([...this.get_user_permissions(user_obj, obj), ...this.get_group_permissions(user_obj, obj)])
  }

  /** Whether `perm` is among the user's permissions. */
  has_perm(user_obj: PermUser, perm: string, obj: unknown = null): boolean {
    return this.get_all_permissions(user_obj, obj).has(perm)
  }
}

/**
 * Django's ModelBackend: username and password checked against the user table; inactive users
 * are refused. DEVIATION(django): there are no Permission/Group tables, so it grants no
 * permissions (Django gives superusers every Permission row); superusers still pass has_perm().
 */
export class ModelBackend extends BaseBackend {
  /** `authenticate(self, request, username=None, password=None, **kwargs)`. */
  override authenticate_signature: CredentialSignature = { names: ['username', 'password'], var_keyword: true }

  /** @internal The username and password from the credentials (USERNAME_FIELD stands in for `username`). */
  protected credentials(credentials: Record<string, unknown>): [unknown, unknown] {
    let username = credentials['username'] ?? null
    if (username === null) username = credentials[get_user_model().USERNAME_FIELD] ?? null
    return [username, credentials['password'] ?? null]
  }

  override authenticate(_request: HttpRequest | null, credentials: Record<string, unknown>): AuthUser | null {
    const [username, password] = this.credentials(credentials)
    if (username === null || password === null) return null
    const UserModel = get_user_model()
    let user: AuthUser
    try {
      user = UserModel._default_manager.get_by_natural_key(username as string)
    } catch (error) {
      if (!(error instanceof UserModel.DoesNotExist)) throw error
      // Hash once anyway, so an unknown username takes as long as a wrong password (Django #20760).
      new UserModel().set_password(password as string)
      return null
    }
    return user.check_password(password as string) && this.user_can_authenticate(user) ? user : null
  }

  override async aauthenticate(
    _request: HttpRequest | null,
    credentials: Record<string, unknown>,
  ): Promise<AuthUser | null> {
    const [username, password] = this.credentials(credentials)
    if (username === null || password === null) return null
    const UserModel = get_user_model()
    let user: AuthUser
    try {
      user = await UserModel._default_manager.aget_by_natural_key(username as string)
    } catch (error) {
      if (!(error instanceof UserModel.DoesNotExist)) throw error
      new UserModel().set_password(password as string)
      return null
    }
    return (await user.acheck_password(password as string)) && this.user_can_authenticate(user) ? user : null
  }

  /** Refuses users whose `is_active` is falsy; a user model without the attribute counts as active. */
  user_can_authenticate(user: object): boolean {
    return 'is_active' in user ? Boolean((user as { is_active: unknown }).is_active) : true
  }

  /** Nothing for inactive or anonymous users or object permissions; else the (empty) table grants. */
  override get_all_permissions(user_obj: PermUser, obj: unknown = null): Set<string> {
    if (!user_obj.is_active || user_obj.is_anonymous || obj !== null) return new Set()
    return super.get_all_permissions(user_obj, obj)
  }

  /** Active users only. */
  override has_perm(user_obj: PermUser, perm: string, obj: unknown = null): boolean {
    return user_obj.is_active && super.has_perm(user_obj, perm, obj)
  }

  /** Whether an active user has some permission whose app label is `app_label`. */
  has_module_perms(user_obj: PermUser, app_label: string): boolean {
    if (!user_obj.is_active) return false
    return [...this.get_all_permissions(user_obj)].some((perm) => perm.slice(0, perm.indexOf('.')) === app_label)
  }

  /** The user with this primary key if it exists and may authenticate, else null. */
  override get_user(user_id: unknown): AuthUser | null {
    const UserModel = get_user_model()
    let user: AuthUser
    try {
      user = UserModel._default_manager.get({ pk: user_id as number })
    } catch (error) {
      if (error instanceof UserModel.DoesNotExist) return null
      throw error
    }
    return this.user_can_authenticate(user) ? user : null
  }

  override async aget_user(user_id: unknown): Promise<AuthUser | null> {
    return this.get_user(user_id)
  }
}

/** Django's AllowAllUsersModelBackend: ModelBackend that lets inactive users in too. */
export class AllowAllUsersModelBackend extends ModelBackend {
  override user_can_authenticate(_user: object): boolean {
    return true
  }
}

register_import('django.contrib.auth.backends.BaseBackend', BaseBackend)
register_import('django.contrib.auth.backends.ModelBackend', ModelBackend)
register_import('django.contrib.auth.backends.AllowAllUsersModelBackend', AllowAllUsersModelBackend)
