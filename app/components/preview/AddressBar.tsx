import { useState } from 'react'
import { usePreviewHost } from '../../state/preview-context.ts'
import { usePlayground } from '../../state/store.ts'

/** Back, forward, reload, the address (a site path) and "open in a new tab". */
export function AddressBar() {
  const host = usePreviewHost()
  const path = usePlayground((s) => s.preview.path)
  const index = usePlayground((s) => s.preview.index)
  const count = usePlayground((s) => s.preview.entries.length)
  const active = usePlayground((s) => s.preview.worker.state === 'active')
  const go = usePlayground((s) => s.previewGo)
  const step = usePlayground((s) => s.previewStep)
  // What the user is typing, until they go; otherwise the address follows the page.
  const [draft, setDraft] = useState<string | null>(null)
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const text = (draft ?? path).trim() || '/'
    setDraft(null)
    go(text.startsWith('/') ? text : `/${text}`)
  }
  return (
    <form className="address-bar" onSubmit={submit}>
      <button type="button" className="icon" aria-label="Back" disabled={!active || index === 0} onClick={() => step(-1)}>
        ←
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Forward"
        disabled={!active || index >= count - 1}
        onClick={() => step(1)}
      >
        →
      </button>
      <button type="button" className="icon" aria-label="Reload" disabled={!active} onClick={() => step(0)}>
        ↻
      </button>
      <input
        className="url address"
        aria-label="Address"
        title={`${host.siteOrigin}${draft ?? path}`}
        value={draft ?? path}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => setDraft((d) => (d === path ? null : d))}
      />
      <button type="submit" disabled={!active}>
        Go
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Open in a new tab"
        title="Open in a new tab"
        disabled={!active}
        onClick={() => host.openTab(path)}
      >
        ↗
      </button>
    </form>
  )
}
