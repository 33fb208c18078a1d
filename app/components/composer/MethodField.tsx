import { usePlayground } from '../../state/store.ts'

/** Django's test client methods; anything else goes through `generic()`. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']
const CUSTOM = '__custom__'

/** The "Method" combobox, with a text box for a custom method. */
export function MethodField() {
  const method = usePlayground((s) => s.composer.method)
  const setComposer = usePlayground((s) => s.setComposer)
  const isCustom = !METHODS.includes(method)
  return (
    <div className="method">
      <label className="sr-only" htmlFor="composer-method">
        Method
      </label>
      <select
        id="composer-method"
        value={isCustom ? CUSTOM : method}
        onChange={(e) => setComposer({ method: e.target.value === CUSTOM ? 'PROPFIND' : e.target.value })}
      >
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
        <option value={CUSTOM}>Custom…</option>
      </select>
      {isCustom ? (
        <input
          aria-label="Custom method"
          className="custom-method"
          value={method}
          spellCheck={false}
          onChange={(e) => setComposer({ method: e.target.value.toUpperCase().replace(/[^A-Z0-9_-]/g, '') })}
        />
      ) : null}
    </div>
  )
}
