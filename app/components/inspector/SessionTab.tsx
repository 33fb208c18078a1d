import type { Exchange } from '../../runtime/protocol.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { diffRecords } from './session-diff.ts'

const MARK = { added: '+ added', removed: '− removed', changed: '~ changed', same: '' }

/** The session before and after the view, with each difference marked in text and colour. */
export function SessionTab({ exchange }: { exchange: Exchange }) {
  const { session_before: before, session_after: after } = exchange
  if (before === null && after === null)
    return <p className="empty">No session (SessionMiddleware is not installed).</p>
  const rows = diffRecords(before, after)
  const changed = rows.filter((r) => r.change !== 'same').length
  return (
    <div className="session">
      <p className="muted">
        {changed === 0 ? 'The session did not change.' : `${changed} key${changed === 1 ? '' : 's'} changed.`}
      </p>
      {rows.length === 0 ? (
        <p className="empty">The session is empty.</p>
      ) : (
        <table className="kv diff" aria-label="Session before and after">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={`change-${r.change}`}>
                <th scope="row">{r.key}</th>
                <td>{r.before === null ? <span className="muted">—</span> : <code>{r.before}</code>}</td>
                <td>
                  {r.after === null ? <span className="muted">—</span> : <code>{r.after}</code>}
                  {r.after !== null ? <CopyButton text={r.after} label={`session ${r.key}`} /> : null}
                </td>
                <td className="mark">{MARK[r.change]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
