import { useState } from 'react'
import { useBridge } from '../../state/bridge-context.ts'
import { usePlayground } from '../../state/store.ts'
import { passwordsFromSettings } from './users.ts'

/** One-click log in (with the password from settings.ts), force login and log out over the site's users. */
export function UsersPanel() {
  const users = usePlayground((s) => s.runtime.users)
  const notice = usePlayground((s) => s.runtime.notice)
  const settings = usePlayground((s) => s.files['settings.ts'])
  const bridge = useBridge()
  const [busy, setBusy] = useState(false)
  const [passwords, setPasswords] = useState<Record<string, string>>({})
  const known = passwordsFromSettings(settings)
  const run = async (action: Parameters<typeof bridge.act>[0]) => {
    setBusy(true)
    await bridge.act(action)
    setBusy(false)
  }
  return (
    <div className="users">
      {users.length === 0 ? (
        <p className="empty">The site has no users (add `users` to settings.ts).</p>
      ) : (
        <ul>
          {users.map((u) => {
            const password = passwords[u.username] ?? known[u.username] ?? ''
            return (
              <li key={u.id}>
                <span className="user-name">
                  {u.username}
                  {u.is_superuser ? ' (superuser)' : u.is_staff ? ' (staff)' : ''}
                </span>
                <input
                  type="password"
                  aria-label={`Password for ${u.username}`}
                  value={password}
                  onChange={(e) => setPasswords({ ...passwords, [u.username]: e.target.value })}
                />
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run({ kind: 'login', username: u.username, password })}
                >
                  Log in as {u.username}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run({ kind: 'force_login', username: u.username })}
                >
                  Force login as {u.username}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={() => run({ kind: 'logout' })}>
        Log out
      </button>
      {notice ? (
        <p className="notice" aria-live="polite">
          {notice}
        </p>
      ) : null}
    </div>
  )
}
