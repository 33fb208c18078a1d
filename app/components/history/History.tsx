import type { Exchange } from '../../runtime/protocol.ts'
import { useBridge } from '../../state/bridge-context.ts'
import { usePlayground } from '../../state/store.ts'
import { CompareView } from './CompareView.tsx'

function summary(e: Exchange): string {
  if (e.failure) return e.failure.kind === 'timeout' ? 'timed out' : e.failure.kind
  return e.response ? String(e.response.status_code) : '—'
}

/** Past exchanges, newest first: select to inspect, re-send, or pick two to compare. */
export function History() {
  const exchanges = usePlayground((s) => s.exchanges)
  const selectedId = usePlayground((s) => s.selectedId ?? s.exchanges[0]?.id ?? null)
  const compareIds = usePlayground((s) => s.compareIds)
  const selectExchange = usePlayground((s) => s.selectExchange)
  const toggleCompare = usePlayground((s) => s.toggleCompare)
  const clearHistory = usePlayground((s) => s.clearHistory)
  const loadRequest = usePlayground((s) => s.loadRequest)
  const bridge = useBridge()
  const sorted = compareIds
    .map((id) => exchanges.find((e) => e.id === id))
    .filter((e): e is Exchange => e !== undefined)
    .sort((x, y) => x.started_at - y.started_at)
  return (
    <section className="history" aria-label="History">
      <div className="row">
        <h2>History</h2>
        {exchanges.length > 0 ? (
          <button type="button" className="link" onClick={clearHistory}>
            Clear history
          </button>
        ) : null}
      </div>
      {exchanges.length === 0 ? (
        <p className="empty">Sent requests appear here.</p>
      ) : (
        <ol className="history-list">
          {exchanges.map((e) => (
            <li key={e.id} className={e.id === selectedId ? 'selected' : undefined}>
              <button
                type="button"
                className="history-item"
                aria-current={e.id === selectedId ? 'true' : undefined}
                onClick={() => selectExchange(e.id)}
              >
                <span className={`code code-${summary(e)[0]}`}>{summary(e)}</span>{' '}
                <span className="history-method">{e.composed.method.toUpperCase()}</span> <code>{e.composed.url}</code>
                {e.source === 'preview' || e.source === 'script' ? (
                  <span
                    className="source-badge"
                    title={e.source === 'preview' ? 'Sent by the preview pane (a real browser)' : 'Sent by requests.ts'}
                  >
                    {e.source}
                  </span>
                ) : null}
                <span className="muted small"> {new Date(e.started_at).toLocaleTimeString()}</span>
              </button>
              <button
                type="button"
                className="link"
                aria-label={`Run ${e.composed.method} ${e.composed.url} again`}
                title="Send this request again"
                onClick={() => void bridge.send(e.composed)}
              >
                Again
              </button>
              <button
                type="button"
                className="link"
                aria-label={`Edit ${e.composed.method} ${e.composed.url} in the composer`}
                onClick={() => loadRequest(e.composed)}
              >
                Edit
              </button>
              <label className="small">
                <input
                  type="checkbox"
                  checked={compareIds.includes(e.id)}
                  onChange={() => toggleCompare(e.id)}
                  aria-label={`Compare ${e.composed.method} ${e.composed.url} (${summary(e)})`}
                />
                Compare
              </label>
            </li>
          ))}
        </ol>
      )}
      {sorted.length === 2 && sorted[0] && sorted[1] ? (
        <CompareView a={sorted[0]} b={sorted[1]} onClose={() => compareIds.forEach(toggleCompare)} />
      ) : null}
    </section>
  )
}
