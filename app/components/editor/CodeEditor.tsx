/** Monaco over the project's files (lazy: the default export is loaded with React.lazy). */
import Editor from '@monaco-editor/react'
import { useLayoutEffect } from 'react'
import { usePlayground, usePlaygroundStore } from '../../state/store.ts'
import { modelUri } from './editor-config.ts'
import { monaco } from './monaco-setup.ts'
import { syncModels, type ModelApi } from './project-models.ts'
import { useMonacoTheme } from './use-monaco-theme.ts'

const MODELS: ModelApi<monaco.IRange> = {
  getModels: () => monaco.editor.getModels(),
  getModel: (uri) => monaco.editor.getModel(uri as monaco.Uri),
  createModel: (text, language, uri) => monaco.editor.createModel(text, language, uri as monaco.Uri),
  parseUri: (uri) => monaco.Uri.parse(uri),
}

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Code editor',
  automaticLayout: true,
  fixedOverflowWidgets: true,
  fontSize: 13,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  tabSize: 2,
}

/** The code editor: one model per file, edits go straight to the store (which debounces saving and rebuilding). */
export default function CodeEditor() {
  const store = usePlaygroundStore()
  const files = usePlayground((s) => s.files)
  const activePath = usePlayground((s) => s.activePath)
  const theme = useMonacoTheme()

  // A layout effect runs before the Editor's own effects, so a model (with its edit listener)
  // exists before the Editor asks for one by path; it also follows every outside change.
  useLayoutEffect(() => syncModels(MODELS, files, (path, text) => store.getState().setFile(path, text)), [files, store])

  if (!(activePath in files)) return <p className="editor-empty">No file is open. Add one above.</p>
  return (
    <Editor
      className="code-editor"
      path={modelUri(activePath)}
      defaultLanguage="typescript"
      keepCurrentModel
      saveViewState
      theme={theme}
      options={OPTIONS}
      loading={<p className="editor-loading">Starting the editor…</p>}
    />
  )
}
