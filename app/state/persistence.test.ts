import { afterEach, describe, expect, it, vi } from 'vitest'
import { attachPersistence, BACKUP_KEY, deserialize, loadPersisted, serialize, STORAGE_KEY } from './persistence.ts'
import { createPlaygroundStore } from './store.ts'

function memoryStorage(limit = Infinity) {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error('QuotaExceededError')
      map.set(k, v)
    },
    removeItem: (k: string) => void map.delete(k),
  }
}

afterEach(() => vi.useRealTimers())

describe('persistence', () => {
  it('keeps bytes through JSON', () => {
    const bytes = new Uint8Array([0, 1, 254, 255])
    const back = deserialize(serialize({ file: { content: bytes } })) as { file: { content: Uint8Array } }
    expect(back.file.content).toEqual(bytes)
  })

  it('saves within a second of an edit and restores it', () => {
    vi.useFakeTimers()
    const storage = memoryStorage()
    const store = createPlaygroundStore()
    attachPersistence(store, storage, 300)
    store.getState().setFile('views.ts', 'edited')
    store.getState().setBody({ kind: 'binary', content: new Uint8Array([9, 8]), content_type: 'x/y', name: 'b' })
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
    vi.advanceTimersByTime(350)
    const restored = loadPersisted(storage)
    expect(restored?.files['views.ts']).toBe('edited')
    expect(restored?.composer.body).toEqual({
      kind: 'binary',
      content: new Uint8Array([9, 8]),
      content_type: 'x/y',
      name: 'b',
    })
    const again = createPlaygroundStore(restored ?? undefined)
    expect(again.getState().files['views.ts']).toBe('edited')
  })

  it('starts fresh on a corrupt blob and keeps it under the backup key', () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEY, '{"version":1,"state":{"files":42')
    expect(loadPersisted(storage)).toBeNull()
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version":1,"state":{"files":42')
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, state: { files: { 'a.ts': 1 } } }))
    expect(loadPersisted(storage)).toBeNull()
  })

  it('drops old history when storage is full', () => {
    vi.useFakeTimers()
    const storage = memoryStorage(20_000)
    const store = createPlaygroundStore()
    const persist = attachPersistence(store, storage, 10)
    for (let i = 0; i < 40; i++) {
      store.getState().addExchange({
        id: `e${i}`,
        started_at: 0,
        duration_ms: 0,
        composed: store.getState().composer,
        request: null,
        response: null,
        session_before: null,
        session_after: null,
        redirect_chain: [],
        console: [{ level: 'log', text: 'x'.repeat(1000) }],
        error: null,
        jar: [],
        failure: null,
      })
    }
    persist.flush()
    vi.advanceTimersByTime(20)
    const restored = loadPersisted(storage)
    expect(restored?.exchanges.length).toBeGreaterThan(0)
    expect(restored?.exchanges.length).toBeLessThan(40)
    expect(restored?.exchanges[0]?.id).toBe('e39')
  })
})
