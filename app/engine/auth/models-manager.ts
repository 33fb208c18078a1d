/** Port of django/contrib/auth/models.py and base_user.py (UserManager / BaseUserManager over the site's table). */
import { FieldError, ValueError } from '../core/exceptions.ts'
import { py_int_or_null } from '../core/py-values.ts'
import { str_repr } from '../core/python.ts'
import { get_database } from '../db/connection.ts'
import type { Table } from '../db/table.ts'
import { make_password, type RawPassword } from './hashers.ts'
import type { User, UserFields } from './models.ts'
import { USER_FIELDS, type UserRow } from './user-row.ts'

/** Field lookups `get()`/`filter()` accept: exact matches on columns, `pk` meaning `id`. */
export type UserLookup = { [K in keyof UserRow]?: UserRow[K] | string } & { pk?: number | string | null }

/** What the manager needs from its model class. */
interface UserModel<U extends User> {
  new (fields?: UserFields): U
  readonly name: string
  readonly db_table: string
  readonly USERNAME_FIELD: string
  readonly DoesNotExist: new (message?: string) => Error
  readonly MultipleObjectsReturned: new (message?: string) => Error
  normalize_username<T>(username: T): T | string
  from_row(row: UserRow): U
}

const COLUMNS = new Set<string>(USER_FIELDS)
const CHOICES = [...COLUMNS, 'groups', 'user_permissions'].sort().join(', ')

/** Django's UserManager: creating users with hashed passwords and finding them by field. */
export class UserManager<U extends User = User> {
  constructor(readonly model: UserModel<U>) {}

  /** The table rows live in. */
  get table(): Table<UserRow> {
    return get_database().table<UserRow>(this.model.db_table)
  }

  /** `normalize_email`: lower-cases the domain part (after the last `@`); null becomes ''. */
  static normalize_email(email: string | null): string {
    const text = email ?? ''
    const stripped = text.trim()
    const at = stripped.lastIndexOf('@')
    if (at < 0) return text
    return stripped.slice(0, at) + '@' + stripped.slice(at + 1).toLowerCase()
  }

  /** @internal Shared by create_user/create_superuser: validates, normalises, hashes, saves. */
  _create_user(username: string, email: string | null, password: RawPassword | null, extra_fields: UserFields): U {
    if (!username) throw new ValueError('The given username must be set')
    const user = new this.model({
      ...extra_fields,
      username: this.model.normalize_username(username) as string,
      email: UserManager.normalize_email(email),
    })
    user.password = make_password(password)
    user.save()
    return user
  }

  /** A regular user (not staff, not superuser); a null password makes it unusable. */
  create_user(
    username: string,
    email: string | null = null,
    password: RawPassword | null = null,
    extra_fields: UserFields = {},
  ): U {
    return this._create_user(username, email, password, { is_staff: false, is_superuser: false, ...extra_fields })
  }

  /** A staff superuser; ValueError when extra_fields turn either flag off. */
  create_superuser(
    username: string,
    email: string | null = null,
    password: RawPassword | null = null,
    extra_fields: UserFields = {},
  ): U {
    const fields = { is_staff: true, is_superuser: true, ...extra_fields }
    if (fields.is_staff !== true) throw new ValueError('Superuser must have is_staff=True.')
    if (fields.is_superuser !== true) throw new ValueError('Superuser must have is_superuser=True.')
    return this._create_user(username, email, password, fields)
  }

  /** Async twin of `create_user()`. */
  async acreate_user(
    username: string,
    email: string | null = null,
    password: RawPassword | null = null,
    extra_fields: UserFields = {},
  ): Promise<U> {
    return this.create_user(username, email, password, extra_fields)
  }

  /** Inserts a user with exactly these fields (the password stored as given, not hashed). */
  create(fields: UserFields = {}): U {
    const user = new this.model(fields)
    user.save({ force_insert: user.id !== null })
    return user
  }

  /** Every user, in insertion order. */
  all(): U[] {
    return [...this.table.entries()].map(([, row]) => this.model.from_row(row))
  }

  /** The users whose fields equal every lookup value. */
  filter(lookup: UserLookup = {}): U[] {
    const wanted = Object.entries(lookup).map(([key, value]): [string, unknown] => {
      const column = key === 'pk' ? 'id' : key
      if (!COLUMNS.has(column)) throw new FieldError(`Cannot resolve keyword '${key}' into field. Choices are: ${CHOICES}`)
      return [column, column === 'id' ? prep_id(value) : value]
    })
    const rows = [...this.table.entries()].map(([, row]) => row as unknown as Record<string, unknown>)
    return rows
      .filter((row) => wanted.every(([column, value]) => row[column] === value))
      .map((row) => this.model.from_row(row as unknown as UserRow))
  }

  /** The one matching user; `User.DoesNotExist` / `User.MultipleObjectsReturned` otherwise. */
  get(lookup: UserLookup = {}): U {
    const found = this.filter(lookup)
    if (found.length === 1) return found[0]!
    if (found.length === 0) throw new this.model.DoesNotExist(`${this.model.name} matching query does not exist.`)
    throw new this.model.MultipleObjectsReturned(
      `get() returned more than one ${this.model.name} -- it returned ${found.length}!`,
    )
  }

  /** Async twin of `get()`. */
  async aget(lookup: UserLookup = {}): Promise<U> {
    return this.get(lookup)
  }

  /** The user whose USERNAME_FIELD equals `username`. */
  get_by_natural_key(username: string): U {
    return this.get({ [this.model.USERNAME_FIELD]: username } as UserLookup)
  }

  /** Async twin of `get_by_natural_key()`. */
  async aget_by_natural_key(username: string): Promise<U> {
    return this.get_by_natural_key(username)
  }

  /** How many users match (all without a lookup). */
  count(lookup: UserLookup = {}): number {
    return Object.keys(lookup).length === 0 ? this.table.size : this.filter(lookup).length
  }

  /** Whether any user matches. */
  exists(lookup: UserLookup = {}): boolean {
    return this.count(lookup) > 0
  }
}

/** The id field's `get_prep_value`: integers, or strings Python's int() reads; ValueError otherwise. */
function prep_id(value: unknown): number | null {
  if (value === null || value === undefined) return null
  const n = typeof value === 'number' ? value : py_int_or_null(value)
  if (n === null || !Number.isInteger(n)) {
    const shown = typeof value === 'string' ? str_repr(value) : String(value)
    throw new ValueError(`Field 'id' expected a number but got ${shown}.`)
  }
  return n
}
