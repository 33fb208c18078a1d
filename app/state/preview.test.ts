import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from './store.ts'

describe("the preview pane's back/forward list", () => {
  const arrive = (store: ReturnType<typeof createPlaygroundStore>, ...paths: string[]) =>
    paths.forEach((p) => store.getState().previewArrived(p))

  it('keeps where a load it asked for ends, after redirects, in that load’s entry', () => {
    const store = createPlaygroundStore()
    arrive(store, '/')
    store.getState().previewGo('/hop/1/')
    arrive(store, '/done/')
    expect(store.getState().preview).toMatchObject({ entries: ['/', '/done/'], index: 1, path: '/done/' })
  })

  it('adds an entry for a page the site navigated to itself, dropping the forward entries', () => {
    const store = createPlaygroundStore()
    arrive(store, '/', '/a/', '/b/')
    store.getState().previewStep(-1)
    arrive(store, '/a/')
    arrive(store, '/c/')
    expect(store.getState().preview).toMatchObject({ entries: ['/', '/a/', '/c/'], index: 2 })
  })

  it('goes back and forward within bounds, and reload loads the same entry again', () => {
    const store = createPlaygroundStore()
    arrive(store, '/', '/a/')
    const loads = store.getState().preview.loads
    store.getState().previewStep(1)
    expect(store.getState().preview.loads).toBe(loads)
    store.getState().previewStep(-1)
    expect(store.getState().preview).toMatchObject({ index: 0, path: '/', loads: loads + 1 })
    store.getState().previewStep(0)
    expect(store.getState().preview).toMatchObject({ index: 0, path: '/', loads: loads + 2 })
  })
})
