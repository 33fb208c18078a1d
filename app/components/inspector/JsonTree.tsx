/** A JSON value as a collapsible tree (details/summary, so it is keyboard and screen-reader friendly). */
export function JsonTree({ value, name, inArray = false }: { value: unknown; name?: string; inArray?: boolean }) {
  // Object keys are quoted as in the JSON itself, so what is read here can be searched in the source.
  const label = name === undefined ? null : <span className="json-key">{inArray ? name : JSON.stringify(name)}: </span>
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {label}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    )
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  const open = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length}}`
  return (
    <details open className="json-node">
      <summary>
        {label}
        <span className="muted">{open}</span>
      </summary>
      <div className="json-children">
        {entries.map(([k, v]) => (
          <JsonTree key={k} name={k} value={v} inArray={Array.isArray(value)} />
        ))}
      </div>
    </details>
  )
}
