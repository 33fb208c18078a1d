import { usePlayground } from '../../state/store.ts'

/**
 * A plain textarea over the active file: shown while Monaco loads (so the page paints at once and
 * typing already works), and whenever the editor chunk cannot load.
 */
export function PlainEditor() {
  const path = usePlayground((s) => s.activePath)
  const text = usePlayground((s) => s.files[s.activePath] ?? '')
  const setFile = usePlayground((s) => s.setFile)
  return (
    <textarea
      className="plain-editor"
      aria-label={`Source of ${path}`}
      spellCheck={false}
      value={text}
      onChange={(e) => setFile(path, e.target.value)}
      onKeyDown={(e) => {
        // Tab indents instead of leaving the field; Escape then Tab still moves focus on.
        if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey) return
        e.preventDefault()
        const el = e.currentTarget
        const { selectionStart: start, selectionEnd: end } = el
        setFile(path, `${text.slice(0, start)}  ${text.slice(end)}`)
        requestAnimationFrame(() => el.setSelectionRange(start + 2, start + 2))
      }}
    />
  )
}
