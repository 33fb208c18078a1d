import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from './store.ts'
import { HISTORY_LIMIT } from './slices.ts'
import type { Exchange } from '../runtime/protocol.ts'
import { defaultComposer } from './defaults.ts'

function exchange(id: string, method = 'GET'): Exchange {
  return {
    id,
    started_at: 0,
    duration_ms: 1,
    composed: { ...defaultComposer(), method },
    request: null,
    response: null,
    session_before: null,
    session_after: null,
    redirect_chain: [],
    console: [],
    error: null,
    jar: [],
    failure: null,
  }
}

describe('project slice', () => {
  it('adds, renames (keeping tab order) and deletes files', () => {
    const store = createPlaygroundStore({ files: { 'settings.ts': 's', 'urls.ts': 'u', 'views.ts': 'v' } })
    const s = () => store.getState()
    expect(s().activePath).toBe('views.ts')
    s().addFile('forms.ts', 'f')
    expect(s().activePath).toBe('forms.ts')
    s().renameFile('urls.ts', 'routes.ts')
    expect(Object.keys(s().files)).toEqual(['settings.ts', 'routes.ts', 'views.ts', 'forms.ts'])
    s().renameFile('routes.ts', 'views.ts')
    expect(s().files['routes.ts']).toBe('u')
    s().deleteFile('forms.ts')
    expect(s().activePath).toBe('views.ts')
    const before = s().files
    s().setFile('views.ts', 'v')
    expect(s().files).toBe(before)
    s().setFile('views.ts', 'v2')
    expect(s().files['views.ts']).toBe('v2')
  })
})

describe('exchanges slice', () => {
  it('keeps the newest first, selects it, and caps the history', () => {
    const store = createPlaygroundStore()
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().addExchange(exchange(`e${i}`))
    expect(store.getState().exchanges).toHaveLength(HISTORY_LIMIT)
    expect(store.getState().exchanges[0]?.id).toBe(`e${HISTORY_LIMIT + 4}`)
    expect(store.getState().selectedId).toBe(`e${HISTORY_LIMIT + 4}`)
  })

  it('picks at most two exchanges to compare', () => {
    const store = createPlaygroundStore()
    const { toggleCompare } = store.getState()
    toggleCompare('a')
    toggleCompare('b')
    toggleCompare('c')
    expect(store.getState().compareIds).toEqual(['b', 'c'])
    toggleCompare('b')
    expect(store.getState().compareIds).toEqual(['c'])
  })
})

describe('jar slice', () => {
  it('edits a cookie in place, renames it and removes it', () => {
    const store = createPlaygroundStore()
    const s = () => store.getState()
    s().putCookie({ key: 'a', value: '1', attrs: {} })
    s().putCookie({ key: 'b', value: '2', attrs: {} })
    s().putCookie({ key: 'a2', value: '3', attrs: {} }, 'a')
    expect(s().jar.map((c) => `${c.key}=${c.value}`)).toEqual(['a2=3', 'b=2'])
    s().removeCookie('b')
    expect(s().jar).toHaveLength(1)
  })
})
