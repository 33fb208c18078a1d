import { CopyButton } from './CopyButton.tsx'

/** A two-column table of names and values, each value copyable; `empty` shows when there are no rows. */
export function KeyValueTable({
  rows,
  caption,
  empty = 'Nothing here.',
  keyHeader = 'Name',
  valueHeader = 'Value',
}: {
  rows: Array<[string, string]>
  caption: string
  empty?: string
  keyHeader?: string
  valueHeader?: string
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>
  return (
    <table className="kv" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">{valueHeader}</th>
          <th scope="col">
            <span className="sr-only">Copy</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v], i) => (
          <tr key={`${k}-${i}`}>
            <th scope="row">{k}</th>
            <td>
              <code>{v}</code>
            </td>
            <td>
              <CopyButton text={v} label={`${k} value`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
