/**
 * Keeps one Monaco model per project file, in step with the store: the store is the source of
 * truth, models follow it (added, updated from outside, disposed), and user edits flow back.
 */
import type { ProjectFiles } from '../../runtime/protocol.ts'
import { modelUri, projectPath } from './editor-config.ts'

/** The slice of a Monaco text model this module uses (a fake one in tests); R is its range type. */
export interface TextModel<R = unknown> {
  uri: { toString(): string }
  getValue(): string
  isDisposed(): boolean
  dispose(): void
  getFullModelRange(): R
  pushEditOperations(selections: null, edits: Array<{ range: R; text: string }>, cursor: () => null): unknown
  onDidChangeContent(listener: () => void): { dispose(): void }
}

/** The slice of `monaco.editor` (plus `Uri.parse`) this module uses. */
export interface ModelApi<R = unknown> {
  getModels(): Array<TextModel<R>>
  getModel(uri: unknown): TextModel<R> | null
  createModel(text: string, language: string, uri: unknown): TextModel<R>
  parseUri(uri: string): unknown
}

/** Brings the models in line with `files`; `onEdit(path, text)` hears every change a user makes. */
export function syncModels<R>(
  api: ModelApi<R>,
  files: ProjectFiles,
  onEdit: (path: string, text: string) => void,
): void {
  for (const [path, text] of Object.entries(files)) {
    const uri = api.parseUri(modelUri(path))
    const model = api.getModel(uri)
    if (model === null) {
      const created = api.createModel(text, 'typescript', uri)
      created.onDidChangeContent(() => onEdit(path, created.getValue()))
    } else if (model.getValue() !== text) {
      // An outside change (a shared link, another tab's restore): an edit keeps the undo history.
      model.pushEditOperations(null, [{ range: model.getFullModelRange(), text }], () => null)
    }
  }
  for (const model of api.getModels()) {
    const path = projectPath(model.uri.toString())
    if (path !== null && !(path in files) && !model.isDisposed()) model.dispose()
  }
}
