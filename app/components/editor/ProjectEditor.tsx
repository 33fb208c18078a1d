import { Component, lazy, Suspense, type ReactNode } from 'react'
import './editor.css'
import { FileTabs } from './FileTabs.tsx'

// Monaco and its workers are several MB: they load after the page has painted.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'))

interface Props {
  /** Shown while Monaco loads, and instead of it if its chunk fails (the page's plain textarea). */
  fallback: ReactNode
}

/** The project editor: file tabs over Monaco, with a fallback that already works while Monaco loads. */
export function ProjectEditor({ fallback }: Props) {
  return (
    <div className="project-editor">
      <FileTabs />
      <div id="code-editor-panel" role="tabpanel" className="code-editor-panel">
        <EditorBoundary fallback={fallback}>
          <Suspense fallback={fallback}>
            <CodeEditor />
          </Suspense>
        </EditorBoundary>
      </div>
    </div>
  )
}

/** If Monaco cannot load (offline after an update, a worker error), keep the plain editor. */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    console.error('The code editor could not load; the plain editor stays.', error)
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
