import { usePlayground } from '../../state/store.ts'

/** Preferences: auto re-run of the last GET after an edit, and the request time limit. */
export function PrefsBar() {
  const prefs = usePlayground((s) => s.prefs)
  const setPrefs = usePlayground((s) => s.setPrefs)
  return (
    <div className="prefs">
      <label>
        <input type="checkbox" checked={prefs.autoRerun} onChange={(e) => setPrefs({ autoRerun: e.target.checked })} />
        Re-run last GET on edit
      </label>
      <label>
        Time limit (ms)
        <input
          type="number"
          min={100}
          max={60000}
          step={100}
          value={prefs.timeout_ms}
          onChange={(e) => {
            const n = Number(e.target.value)
            if (Number.isFinite(n) && n >= 100) setPrefs({ timeout_ms: n })
          }}
        />
      </label>
    </div>
  )
}
