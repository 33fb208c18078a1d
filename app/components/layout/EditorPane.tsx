import { ProjectEditor } from '../editor/ProjectEditor.tsx'
import { PlainEditor } from './PlainEditor.tsx'

/** The editor pane: the project's file tabs over Monaco, with the plain editor while Monaco loads. */
export function EditorPane() {
  return (
    <section className="pane editor-pane" aria-label="Project editor">
      <ProjectEditor fallback={<PlainEditor />} />
    </section>
  )
}
