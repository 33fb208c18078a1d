/** Port of django/contrib/auth/models.py (User, PermissionsMixin's checks; AnonymousUser is in models-anonymous.ts). */
import { time_now } from '../core/clock.ts'
import { USER_FIELDS, type UserRow } from './user-row.ts'
import {
  MultipleObjectsReturned as BaseMultipleObjectsReturned,
  ObjectDoesNotExist,
  ValidationError,
  ValueError,
} from '../core/exceptions.ts'
import { py_int_or_null } from '../core/py-values.ts'
import { get_database } from '../db/connection.ts'
import { DatabaseError, IntegrityError } from '../db/utils.ts'
import { AbstractBaseUser, type SaveOptions } from './base-user.ts'
import { UserManager } from './models-manager.ts'
import { PermissionChecks } from './models-permissions.ts'

export { AnonymousUser } from './models-anonymous.ts'
export { UserManager } from './models-manager.ts'


/** Keyword arguments of `new User({...})` and `User.objects.create({...})`: any subset of the fields. */
export type UserFields = Partial<Omit<UserRow, 'id'>> & { id?: number | null; pk?: number | null }


const managers = new WeakMap<typeof User, UserManager<User>>()

/**
 * Django's `User` (AbstractUser + PermissionsMixin) kept in the site's `auth_user` table. There are no
 * group or permission tables: superusers have every permission, others what their backends grant.
 */
export class User extends AbstractBaseUser {
  static override USERNAME_FIELD = 'username'
  static override EMAIL_FIELD: string | null = 'email'
  static override REQUIRED_FIELDS: readonly string[] = ['email']
  /** The table rows live in. */
  static db_table = 'auth_user'
  /** Raised by `get()` when nothing matches. */
  static DoesNotExist = class DoesNotExist extends ObjectDoesNotExist {}
  /** Raised by `get()` when several rows match. */
  static MultipleObjectsReturned = class MultipleObjectsReturned extends BaseMultipleObjectsReturned {}

  /** The manager over this class's table (one per class, like Django's `objects`). */
  static get objects(): UserManager<User> {
    let manager = managers.get(this)
    if (manager === undefined) {
      manager = new UserManager(this)
      managers.set(this, manager)
    }
    return manager
  }

  /** Django's `_default_manager`. */
  static get _default_manager(): UserManager<User> {
    return this.objects
  }

  /** The auto-incremented primary key; null until saved. */
  id: number | null = null
  is_superuser = false
  username = ''
  first_name = ''
  last_name = ''
  email = ''
  is_staff = false
  date_joined: number = time_now()

  constructor(fields: UserFields = {}) {
    super()
    const unknown = Object.keys(fields).filter((k) => k !== 'pk' && !(USER_FIELDS as readonly string[]).includes(k))
    if (unknown.length > 0) {
      throw new TypeError(`User() got unexpected keyword arguments: ${unknown.map((k) => `'${k}'`).join(', ')}`)
    }
    const { pk, ...rest } = fields
    Object.assign(this, rest)
    if (pk !== undefined) this.id = pk
  }

  /** The primary key (`id`). */
  get pk(): number | null {
    return this.id
  }
  set pk(value: number | null) {
    this.id = value
  }

  /** The pk field's `to_python`: session values are strings, ids are integers (ValidationError otherwise). */
  static pk_to_python(value: unknown): number | null {
    if (value === null || value === undefined) return null
    const n = typeof value === 'number' ? value : py_int_or_null(value)
    if (n === null || !Number.isInteger(n)) throw new ValidationError(`“${String(value)}” value must be an integer.`)
    return n
  }

  /** An instance holding a stored row. */
  static from_row<U extends User>(this: new (fields?: UserFields) => U, row: UserRow): U {
    return new this({ ...row })
  }

  /** The row this user is stored as. */
  to_row(): UserRow {
    const row = {} as Record<string, unknown>
    for (const field of USER_FIELDS) row[field] = this[field]
    return row as unknown as UserRow
  }

  /** First and last name with a space between, stripped. */
  get_full_name(): string {
    return `${this.first_name} ${this.last_name}`.trim()
  }

  /** The first name. */
  get_short_name(): string {
    return this.first_name
  }

  /** Normalises the username and the email's domain, as model validation does. */
  override clean(): void {
    super.clean()
    this.email = UserManager.normalize_email(this.email)
  }

  /** Inserts (new user) or updates the row; IntegrityError when the username is taken. */
  save(options: SaveOptions & { force_insert?: boolean } = {}): void {
    const cls = this.constructor as typeof User
    const table = get_database().table<UserRow>(cls.db_table)
    for (const [key, row] of table.entries()) {
      if (row.username === this.username && key !== String(this.id)) {
        throw new IntegrityError(`UNIQUE constraint failed: ${cls.db_table}.username`)
      }
    }
    if (this.id === null) {
      let id = table.nextId()
      while (table.get(String(id)) !== undefined) id = table.nextId()
      this.id = id
      table.insert(String(id), this.to_row())
    } else if (options.force_insert) {
      table.insert(String(this.id), this.to_row())
    } else if (options.update_fields) {
      const stored = table.get(String(this.id))
      if (stored === undefined) throw new DatabaseError('Save with update_fields did not affect any rows.')
      const row = { ...stored } as Record<string, unknown>
      const fresh = this.to_row() as unknown as Record<string, unknown>
      for (const field of options.update_fields) row[field === 'pk' ? 'id' : field] = fresh[field === 'pk' ? 'id' : field]
      table.update(String(this.id), row as unknown as UserRow)
    } else if (!table.update(String(this.id), this.to_row())) {
      table.insert(String(this.id), this.to_row())
    }
    this._password = null
  }

  /** Deletes the row and clears `id`; returns Django's `(count, {label: count})`. */
  delete(): [number, Record<string, number>] {
    const cls = this.constructor as typeof User
    if (this.id === null) {
      throw new ValueError(`${cls.name} object can't be deleted because its id attribute is set to None.`)
    }
    const deleted = get_database().table<UserRow>(cls.db_table).delete(String(this.id)) ? 1 : 0
    this.id = null
    return [deleted, deleted ? { 'auth.User': deleted } : {}]
  }

  /** Reloads every field from the stored row (DoesNotExist when it is gone). */
  refresh_from_db(): void {
    const cls = this.constructor as typeof User
    const row = get_database().table<UserRow>(cls.db_table).get(String(this.id))
    if (row === undefined) throw new cls.DoesNotExist(`${cls.name} matching query does not exist.`)
    Object.assign(this, row)
  }

  /** Async twin of `refresh_from_db()`. */
  async arefresh_from_db(): Promise<void> {
    this.refresh_from_db()
  }

  /** Django's model `==`: the same class and the same non-null pk (unsaved users equal only themselves). */
  equals(other: unknown): boolean {
    if (this === other) return true
    if (!(other instanceof User) || other.constructor !== this.constructor) return false
    return this.pk !== null && this.pk === other.pk
  }

  /** Permissions granted to the user directly, by every backend. */
  get_user_permissions(obj: unknown = null): Set<string> {
    return PermissionChecks.get_permissions(this, obj, 'user')
  }

  /** Permissions the user's groups grant, by every backend. */
  get_group_permissions(obj: unknown = null): Set<string> {
    return PermissionChecks.get_permissions(this, obj, 'group')
  }

  /** Every permission the backends grant the user. */
  get_all_permissions(obj: unknown = null): Set<string> {
    return PermissionChecks.get_permissions(this, obj, 'all')
  }

  /** True for an active superuser, else whether some backend grants `perm`. */
  has_perm(perm: string, obj: unknown = null): boolean {
    if (this.is_active && this.is_superuser) return true
    return PermissionChecks.has_perm(this, perm, obj)
  }

  /** Whether the user has every permission in `perm_list` (ValueError for a string or non-iterable). */
  has_perms(perm_list: Iterable<string>, obj: unknown = null): boolean {
    return PermissionChecks.check_list(perm_list).every((perm) => this.has_perm(perm, obj))
  }

  /** True for an active superuser, else whether some backend grants a permission in `app_label`. */
  has_module_perms(app_label: string): boolean {
    if (this.is_active && this.is_superuser) return true
    return PermissionChecks.has_module_perms(this, app_label)
  }
}

/** Django's `get_user_model()`: the user model in force (this port has one, `User`). */
export function get_user_model(): typeof User {
  return User
}

export { USER_FIELDS } from './user-row.ts'
export type { UserRow } from './user-row.ts'
