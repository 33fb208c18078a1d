/** Port of django/contrib/auth/base_user.py (AbstractBaseUser: password handling and the session auth hash). */
import { get_settings } from '../conf/context.ts'
import { salted_hmac } from '../core/crypto.ts'
import {
  acheck_password,
  check_password,
  is_password_usable,
  make_password,
  type RawPassword,
} from './hashers.ts'

/** Keyword arguments of `save()`. */
export interface SaveOptions {
  /** Only these fields are written (the others keep their stored values). */
  update_fields?: readonly string[] | null
}

const SESSION_AUTH_HASH_SALT = 'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash'

/**
 * Django's AbstractBaseUser: a stored password hash, `last_login` and `is_active`, and what
 * authentication needs from any user model. Subclasses provide the key and persistence.
 */
export abstract class AbstractBaseUser {
  /** The field holding the username. */
  static USERNAME_FIELD = 'username'
  /** The field holding the email address. */
  static EMAIL_FIELD: string | null = null
  /** Fields `createsuperuser` asks for besides the username and password. */
  static REQUIRED_FIELDS: readonly string[] = []

  /** The encoded password hash (`algorithm$...`), or an unusable `!...` value. */
  password = ''
  /** Seconds since the epoch of the last login, or null. */
  last_login: number | null = null
  /** Inactive users cannot log in with ModelBackend. */
  is_active = true
  /** @internal The raw password set since the last save (Django hands it to password validators). */
  _password: RawPassword | null = null
  /** The dotted path of the backend that authenticated this user (set by authenticate/login). */
  backend?: string

  /** The primary key, or null before the first save. */
  abstract get pk(): unknown

  /** Writes the user to the store. */
  abstract save(options?: SaveOptions): void

  /** Async twin of `save()`. */
  async asave(options?: SaveOptions): Promise<void> {
    this.save(options)
  }

  /** The class's USERNAME_FIELD. */
  protected get usernameField(): string {
    return (this.constructor as typeof AbstractBaseUser).USERNAME_FIELD
  }

  /** The value of USERNAME_FIELD. */
  get_username(): string {
    return (this as unknown as Record<string, string>)[this.usernameField]!
  }

  /** `str(user)`: the username. */
  toString(): string {
    return String(this.get_username())
  }

  /** Normalises the username (NFKC), as model validation does before saving. */
  clean(): void {
    const cls = this.constructor as typeof AbstractBaseUser
    ;(this as unknown as Record<string, unknown>)[this.usernameField] = cls.normalize_username(this.get_username())
  }

  /** `(username,)`: what `get_by_natural_key` finds the user by. */
  natural_key(): [string] {
    return [this.get_username()]
  }

  /** Always false for real users. */
  get is_anonymous(): boolean {
    return false
  }

  /** Always true for real users (an authenticated request's user). */
  get is_authenticated(): boolean {
    return true
  }

  /** Stores the hash of `raw_password` (null makes it unusable); the caller saves. */
  set_password(raw_password: RawPassword | null): void {
    this.password = make_password(raw_password)
    this._password = raw_password
  }

  /** Whether `raw_password` is right; an outdated hash of a right password is replaced and saved. */
  check_password(raw_password: RawPassword | null): boolean {
    const setter = (raw: RawPassword): void => {
      this.set_password(raw)
      // The password didn't change, so validators are not told about it.
      this._password = null
      this.save({ update_fields: ['password'] })
    }
    return check_password(raw_password, this.password, setter)
  }

  /** Async twin of `check_password()`, saving with `asave()`. */
  acheck_password(raw_password: RawPassword | null): Promise<boolean> {
    const setter = async (raw: RawPassword): Promise<void> => {
      this.set_password(raw)
      this._password = null
      await this.asave({ update_fields: ['password'] })
    }
    return acheck_password(raw_password, this.password, setter)
  }

  /** Makes every password fail (`!` + 40 random characters). */
  set_unusable_password(): void {
    this.password = make_password(null)
  }

  /** False when the stored value is an unusable password. */
  has_usable_password(): boolean {
    return is_password_usable(this.password)
  }

  /** @internal HMAC-SHA256 of the password hash keyed by `secret` (SECRET_KEY by default), as hex. */
  _get_session_auth_hash(secret: string | null = null): string {
    return salted_hmac(SESSION_AUTH_HASH_SALT, this.password, { secret, algorithm: 'sha256' }).hexdigest()
  }

  /** The value login stores in the session: changing the password invalidates other sessions. */
  get_session_auth_hash(): string {
    return this._get_session_auth_hash()
  }

  /** The session auth hash under each SECRET_KEY_FALLBACKS entry, for sessions made before a key rotation. */
  *get_session_auth_fallback_hash(): Generator<string> {
    for (const fallback_secret of get_settings().SECRET_KEY_FALLBACKS) {
      yield this._get_session_auth_hash(fallback_secret)
    }
  }

  /** The name of the email field (EMAIL_FIELD, else 'email'). */
  static get_email_field_name(): string {
    return this.EMAIL_FIELD ?? 'email'
  }

  /** NFKC-normalises a username, so look-alike characters map to one account. */
  static normalize_username<T>(username: T): T | string {
    return typeof username === 'string' ? username.normalize('NFKC') : username
  }
}
