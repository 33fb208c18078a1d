import { WELCOME_REQUESTS } from '../../examples/index.ts'
import { usePlayground } from '../../state/store.ts'

/** Loads one of the welcome project's sample requests into the composer. */
export function ExamplePicker() {
  const loadRequest = usePlayground((s) => s.loadRequest)
  return (
    <label className="examples small">
      Example request{' '}
      <select
        value=""
        onChange={(e) => {
          const request = WELCOME_REQUESTS[Number(e.target.value)]
          if (request) loadRequest(request)
        }}
      >
        <option value="">Choose…</option>
        {WELCOME_REQUESTS.map((r, i) => (
          <option key={i} value={i}>
            {r.method} {r.url}
            {r.enforce_csrf_checks ? ' (CSRF enforced)' : ''}
            {r.body.kind !== 'none' ? ` [${r.body.kind}]` : ''}
          </option>
        ))}
      </select>
    </label>
  )
}
