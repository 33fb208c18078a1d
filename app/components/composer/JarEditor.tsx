import { usePlayground } from '../../state/store.ts'

/** The client's cookie jar: every cookie editable, removable, and new ones addable. */
export function JarEditor() {
  const jar = usePlayground((s) => s.jar)
  const putCookie = usePlayground((s) => s.putCookie)
  const removeCookie = usePlayground((s) => s.removeCookie)
  const setJar = usePlayground((s) => s.setJar)
  const addCookie = () => {
    let key = 'cookie'
    for (let n = 2; jar.some((c) => c.key === key); n++) key = `cookie${n}`
    putCookie({ key, value: '', attrs: {} })
  }
  return (
    <div className="jar">
      {jar.length === 0 ? (
        <p className="empty">The jar is empty.</p>
      ) : (
        <table aria-label="Cookie jar">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Attributes</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jar.map((c, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Cookie ${i + 1} name`}
                    value={c.key}
                    spellCheck={false}
                    onChange={(e) => putCookie({ ...c, key: e.target.value }, c.key)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Cookie ${i + 1} value`}
                    value={c.value}
                    spellCheck={false}
                    onChange={(e) => putCookie({ ...c, value: e.target.value })}
                  />
                </td>
                <td className="muted small">
                  {Object.entries(c.attrs)
                    .filter(([, v]) => v !== '' && v !== false)
                    .map(([k, v]) => (v === true ? k : `${k}=${v}`))
                    .join('; ')}
                  {c.refused ? (
                    <div className="refused">A browser refuses it: {c.refused.replace(/^Refused:\s*/, '')}</div>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Remove cookie ${c.key}`}
                    onClick={() => removeCookie(c.key)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" className="link" onClick={addCookie}>
          Add cookie
        </button>
        {jar.length > 0 ? (
          <button type="button" className="link" onClick={() => setJar([])}>
            Clear jar
          </button>
        ) : null}
      </div>
    </div>
  )
}
