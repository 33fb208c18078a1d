/**
 * Port of django/contrib/sessions/backends/db.py (SessionStore over the `django_session` table).
 * The table lives in the site's database (db/), as rows `{session_key, session_data, expire_date}`
 * with the expiry in seconds since the epoch.
 */
import { time_now } from '../../core/clock.ts'
import { register_import } from '../../core/module-loading.ts'
import { get_database } from '../../db/connection.ts'
import type { Table } from '../../db/table.ts'
import { IntegrityError } from '../../db/utils.ts'
import { SessionBase, type SessionData } from '../base.ts'
import { CreateError, UpdateError } from '../exceptions.ts'

/** One stored session: Django's Session model as plain data. */
export interface SessionRow {
  session_key: string
  session_data: string
  /** Seconds since the epoch. */
  expire_date: number
}

/** Django's `django_session` table in the active database. */
export function session_table(): Table<SessionRow> {
  return get_database().table<SessionRow>('django_session')
}

/** The database-backed session store (SESSION_ENGINE `django.contrib.sessions.backends.db`). */
export class SessionStore extends SessionBase {
  /** @internal The stored row, if it exists and has not expired; else forgets the key. */
  _get_session_from_db(): SessionRow | null {
    const row = this.session_key === null ? undefined : session_table().get(this.session_key)
    if (row !== undefined && row.expire_date > time_now()) return row
    this._session_key = null
    return null
  }

  override load(): SessionData {
    const row = this._get_session_from_db()
    return row ? this.decode(row.session_data) : new Map()
  }

  override exists(session_key: string): boolean {
    return session_table().get(session_key) !== undefined
  }

  override create(): void {
    for (;;) {
      this._session_key = this._get_new_session_key()
      try {
        this.save(true)
      } catch (error) {
        if (error instanceof CreateError) continue
        throw error
      }
      this.modified = true
      return
    }
  }

  /** The row to store for `data`. */
  create_model_instance(data: SessionData): SessionRow {
    return {
      session_key: this._get_or_create_session_key(),
      session_data: this.encode(data),
      expire_date: this.get_expiry_date().getTime() / 1000,
    }
  }

  override save(must_create = false): void {
    if (this.session_key === null) return this.create()
    const data = this._get_session(must_create)
    const row = this.create_model_instance(data)
    const table = session_table()
    if (must_create) {
      try {
        table.insert(row.session_key, row)
      } catch (error) {
        if (error instanceof IntegrityError) throw new CreateError()
        throw error
      }
    } else if (!table.update(row.session_key, row)) {
      throw new UpdateError()
    }
  }

  override delete(session_key: string | null = null): void {
    const key = session_key ?? this.session_key
    if (key !== null) session_table().delete(key)
  }

  /** Deletes every session whose expiry has passed. */
  static override clear_expired(): void {
    const table = session_table()
    const now = time_now()
    for (const [key, row] of [...table.entries()]) if (row.expire_date < now) table.delete(key)
  }
}

register_import('django.contrib.sessions.backends.db', { SessionStore })
