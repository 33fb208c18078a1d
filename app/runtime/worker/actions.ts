/** The client's one-click actions (login, force_login, logout) run on a jar in the site. */
import { User, with_settings } from '../../engine/index.ts'
import type { AuthUser } from '../../engine/auth/backends.ts'
import type { ClientAction, JarCookie } from '../protocol.ts'
import { make_client } from './clients.ts'
import { cookie_to_jar } from './jar.ts'
import type { Site } from './site.ts'

/** What an action answers: the new jar, and why it failed when it did. */
export interface ActionResult {
  ok: boolean
  jar: JarCookie[]
  message: string | null
}

/** Runs `action` as Django's `client.login()` / `force_login()` / `logout()` would, on `jar`. */
export async function run_action(site: Site, action: ClientAction, jar: JarCookie[]): Promise<ActionResult> {
  return with_settings(site.settings, () => {
    const client = make_client(site, false, jar, null)
    try {
      if (action.kind === 'login') {
        const ok = client.login({ username: action.username, password: action.password })
        const message = ok ? null : `Login failed for "${action.username}": wrong username or password, or an inactive user.`
        return { ok, jar: cookie_to_jar(client.cookies), message }
      }
      if (action.kind === 'force_login') {
        const user = User.objects.filter({ username: action.username })[0]
        if (!user) return { ok: false, jar, message: `No user "${action.username}" on this site.` }
        client.force_login(user as unknown as AuthUser)
        return { ok: true, jar: cookie_to_jar(client.cookies), message: null }
      }
      client.logout()
      return { ok: true, jar: cookie_to_jar(client.cookies), message: null }
    } catch (error) {
      return { ok: false, jar, message: `${(error as Error)?.constructor?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}` }
    }
  })
}
