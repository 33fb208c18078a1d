import { usePlayground } from '../../state/store.ts'

/** The client's options: follow redirects, secure (https), enforce CSRF checks. */
export function OptionsRow() {
  const follow = usePlayground((s) => s.composer.follow)
  const secure = usePlayground((s) => s.composer.secure)
  const csrf = usePlayground((s) => s.composer.enforce_csrf_checks)
  const setComposer = usePlayground((s) => s.setComposer)
  return (
    <fieldset className="options">
      <legend>Options</legend>
      <label>
        <input type="checkbox" checked={follow} onChange={(e) => setComposer({ follow: e.target.checked })} />
        Follow redirects
      </label>
      <label>
        <input type="checkbox" checked={secure} onChange={(e) => setComposer({ secure: e.target.checked })} />
        Secure (https)
      </label>
      <label>
        <input
          type="checkbox"
          checked={csrf}
          onChange={(e) => setComposer({ enforce_csrf_checks: e.target.checked })}
        />
        Enforce CSRF checks
      </label>
    </fieldset>
  )
}
