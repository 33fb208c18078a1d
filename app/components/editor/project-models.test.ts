import { describe, expect, it } from 'vitest'
import { syncModels, type ModelApi, type TextModel } from './project-models.ts'

/** A fake of the few monaco.editor calls syncModels makes (the sandbox's fauxMonaco idea). */
function fakeMonaco() {
  type Fake = TextModel<string> & { text: string; listeners: Array<() => void>; disposed: boolean; edits: number }
  const models = new Map<string, Fake>()
  const api: ModelApi<string> = {
    getModels: () => [...models.values()],
    getModel: (uri) => models.get(uri as string) ?? null,
    parseUri: (uri) => uri,
    createModel: (text, _language, uri) => {
      const model = {
        text, listeners: [] as Array<() => void>, disposed: false, edits: 0,
        uri: { toString: () => uri as string },
        getValue: () => model.text,
        isDisposed: () => model.disposed,
        dispose: () => {
          model.disposed = true
          models.delete(uri as string)
        },
        getFullModelRange: () => 'all',
        pushEditOperations: (_s: null, edits: Array<{ range: string; text: string }>) => {
          model.edits++
          model.text = edits[0]?.text ?? ''
          for (const l of model.listeners) l()
          return null
        },
        onDidChangeContent: (l: () => void) => {
          model.listeners.push(l)
          return { dispose: () => undefined }
        },
      }
      models.set(uri as string, model)
      return model
    },
  }
  /** A user typing: the model changes and tells its listeners. */
  const type = (uri: string, text: string) => {
    const model = models.get(uri)!
    model.text = text
    for (const l of model.listeners) l()
  }
  return { api, models, type }
}

describe(syncModels, () => {
  it('creates a model per file and sends user edits back by path', () => {
    const { api, models, type } = fakeMonaco()
    const edits: Array<[string, string]> = []
    syncModels(api, { 'urls.ts': 'u', 'views.ts': 'v' }, (p, t) => edits.push([p, t]))
    expect([...models.keys()]).toEqual(['file:///project/urls.ts', 'file:///project/views.ts'])
    type('file:///project/views.ts', 'v2')
    expect(edits).toEqual([['views.ts', 'v2']])
  })

  it('leaves a model alone when the store already has its text (the edit came from it)', () => {
    const { api, models } = fakeMonaco()
    syncModels(api, { 'views.ts': 'v' }, () => undefined)
    syncModels(api, { 'views.ts': 'v' }, () => undefined)
    expect(models.get('file:///project/views.ts')?.edits).toBe(0)
  })

  it('applies outside changes as an edit and drops models of removed or renamed files', () => {
    const { api, models } = fakeMonaco()
    syncModels(api, { 'views.ts': 'v', 'old.ts': 'o' }, () => undefined)
    api.createModel('lib', 'typescript', 'file:///node_modules/django-playground/modules.d.ts')
    syncModels(api, { 'views.ts': 'restored', 'new.ts': 'o' }, () => undefined)
    expect(models.get('file:///project/views.ts')?.text).toBe('restored')
    expect(models.get('file:///project/views.ts')?.edits).toBe(1)
    expect([...models.keys()].sort()).toEqual([
      'file:///node_modules/django-playground/modules.d.ts',
      'file:///project/new.ts',
      'file:///project/views.ts',
    ])
  })
})
