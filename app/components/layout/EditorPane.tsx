import { FileTabs } from './FileTabs.tsx'
import { PlainEditor } from './PlainEditor.tsx'

/** The editor pane: file tabs over the active file. */
export function EditorPane() {
  return (
    <section className="pane editor-pane" aria-label="Project editor">
      <FileTabs />
      <PlainEditor />
    </section>
  )
}
