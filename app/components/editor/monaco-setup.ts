/**
 * Monaco, bundled with the app (no CDN): workers from Vite's `?worker` imports, the
 * @monaco-editor/react loader pointed at this copy, and the TypeScript service given the
 * project's compiler options and the engine's own `django/*` declarations.
 * The only module that imports monaco-editor; it loads with the lazy CodeEditor chunk.
 */
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker'
import djangoTypes from 'virtual:django-types'
import { EDITOR_COMPILER_OPTIONS } from './editor-config.ts'

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()
  },
}

loader.config({ monaco })

const ts = monaco.typescript
// Monaco's CompilerOptions type lists its own enums only; the TypeScript inside knows ES2022 and bundler.
ts.typescriptDefaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS as unknown as monaco.typescript.CompilerOptions)
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false })
// Every project model is known to the worker at once, so urls.ts sees the views in views.ts.
ts.typescriptDefaults.setEagerModelSync(true)
ts.typescriptDefaults.setExtraLibs(djangoTypes.map((lib) => ({ content: lib.text, filePath: lib.path })))

export { monaco }
