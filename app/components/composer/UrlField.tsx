import { usePlayground } from '../../state/store.ts'
import { queryRows, withQueryRows } from '../../state/url-query.ts'
import { PairsTable } from './PairsTable.tsx'

/** The "URL" textbox. */
export function UrlField() {
  const url = usePlayground((s) => s.composer.url)
  const setComposer = usePlayground((s) => s.setComposer)
  return (
    <input
      className="url"
      aria-label="URL"
      value={url}
      spellCheck={false}
      placeholder="/path/?query"
      onChange={(e) => setComposer({ url: e.target.value })}
    />
  )
}

/** The query table, derived from the URL and writing back into it. */
export function QueryTable() {
  const url = usePlayground((s) => s.composer.url)
  const setComposer = usePlayground((s) => s.setComposer)
  return (
    <PairsTable
      rows={queryRows(url)}
      onChange={(rows) => setComposer({ url: withQueryRows(url, rows) })}
      label="Query parameter"
    />
  )
}
