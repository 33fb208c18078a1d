/** Port of django/contrib/auth/signals.py (login/logout signals) and models.py (update_last_login). */
import { time_now } from '../core/clock.ts'
import { Signal, type SignalKwargs } from '../dispatch/dispatcher.ts'

/** Sent by login() with `request` and `user`; sender is the user's class. */
export const user_logged_in = new Signal()
/** Sent by authenticate() when no backend accepted the credentials: `credentials` (cleansed), `request`. */
export const user_login_failed = new Signal()
/** Sent by logout() before the session is flushed: `request`, `user` (null when nobody was logged in). */
export const user_logged_out = new Signal()

/** A user that can record its login time. */
interface LastLoginUser {
  last_login: number | null
  save(options?: { update_fields?: readonly string[] }): void
}

/** Receiver of user_logged_in: stores the login time in `last_login` and saves that field. */
export function update_last_login(kwargs: SignalKwargs): void {
  const user = kwargs.user as LastLoginUser
  // Django connects this only for user models with last_login; here one receiver serves every model.
  if (user === null || typeof user !== 'object' || !('last_login' in user)) return
  user.last_login = time_now()
  user.save({ update_fields: ['last_login'] })
}

// Django's AuthConfig.ready() connects it under this dispatch_uid.
user_logged_in.connect(update_last_login, { dispatch_uid: 'update_last_login' })
