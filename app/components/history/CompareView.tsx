import type { Exchange } from '../../runtime/protocol.ts'
import { compareExchanges } from './compare.ts'

/** A table of two exchanges with the differing rows marked. */
export function CompareView({ a, b, onClose }: { a: Exchange; b: Exchange; onClose: () => void }) {
  const rows = compareExchanges(a, b)
  const differing = rows.filter((r) => !r.same).length
  return (
    <section className="compare" aria-label="Compare exchanges">
      <div className="row">
        <h3>
          Compare: {differing} difference{differing === 1 ? '' : 's'}
        </h3>
        <button type="button" className="link" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <table className="kv diff">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Older</th>
            <th scope="col">Newer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.same ? 'change-same' : 'change-changed'}>
              <th scope="row">
                {r.same ? '' : '≠ '}
                {r.label}
              </th>
              <td>
                <pre>{r.left}</pre>
              </td>
              <td>
                <pre>{r.right}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
