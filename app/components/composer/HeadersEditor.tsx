import { useState } from 'react'
import { usePlayground } from '../../state/store.ts'
import { headersToText, textToHeaders } from '../../state/url-query.ts'
import { PairsTable } from './PairsTable.tsx'

/** Request headers as a table or as `Name: value` lines (Cookie, Host and other forbidden headers allowed). */
export function HeadersEditor() {
  const headers = usePlayground((s) => s.composer.headers)
  const setComposer = usePlayground((s) => s.setComposer)
  const [bulk, setBulk] = useState<string | null>(null)
  return (
    <div className="headers-editor">
      <label className="toggle">
        <input
          type="checkbox"
          checked={bulk !== null}
          onChange={(e) => setBulk(e.target.checked ? headersToText(headers) : null)}
        />
        Bulk edit headers
      </label>
      {bulk !== null ? (
        <textarea
          aria-label="Headers, one per line"
          rows={5}
          spellCheck={false}
          value={bulk}
          placeholder={'Cookie: a=1\nHost: example.com'}
          onChange={(e) => {
            setBulk(e.target.value)
            setComposer({ headers: textToHeaders(e.target.value) })
          }}
        />
      ) : (
        <PairsTable rows={headers} onChange={(rows) => setComposer({ headers: rows })} label="Header" />
      )}
    </div>
  )
}
