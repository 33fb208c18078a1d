/** An editable list of name/value pairs (query parameters, headers, form fields). */
export function PairsTable({
  rows,
  onChange,
  label,
  nameLabel = 'Name',
  valueLabel = 'Value',
  addLabel,
}: {
  rows: Array<[string, string]>
  onChange: (rows: Array<[string, string]>) => void
  /** What one row is, for the accessible names: "Query parameter", "Header", "Field". */
  label: string
  nameLabel?: string
  valueLabel?: string
  addLabel?: string
}) {
  const update = (i: number, at: 0 | 1, text: string) =>
    onChange(rows.map((row, j): [string, string] => (j !== i ? row : at === 0 ? [text, row[1]] : [row[0], text])))
  return (
    <div className="pairs">
      {rows.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{nameLabel}</th>
              <th scope="col">{valueLabel}</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, v], i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`${label} ${i + 1} ${nameLabel.toLowerCase()}`}
                    value={k}
                    spellCheck={false}
                    onChange={(e) => update(i, 0, e.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${label} ${i + 1} ${valueLabel.toLowerCase()}`}
                    value={v}
                    spellCheck={false}
                    onChange={(e) => update(i, 1, e.target.value)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="link" onClick={() => onChange([...rows, ['', '']])}>
        {addLabel ?? `Add ${label.toLowerCase()}`}
      </button>
    </div>
  )
}
