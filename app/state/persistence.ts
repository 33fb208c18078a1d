/**
 * Saves what the user made (project, composer, history, jar, prefs) to localStorage, debounced, and
 * restores it on load. Bytes (uploaded files, bodies) are stored as base64. A blob that cannot be read
 * is moved to a backup key and the playground starts fresh rather than failing to open.
 */
import type { PersistedState, PlaygroundState } from './types.ts'
import type { PlaygroundStore } from './store.ts'

/** Bump the version when the saved shape changes incompatibly. */
export const STORAGE_KEY = 'request-playground:v1'
export const BACKUP_KEY = 'request-playground:v1:backup'

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Standard base64 of bytes (btoa over 32 KiB slices, so large files do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** Bytes of standard base64 text; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const raw = atob(text)
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

/** JSON with Uint8Array kept as `{ $bytes: base64 }`. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v))
}

export function deserialize(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $bytes?: unknown }).$bytes === 'string') {
      return fromBase64((v as { $bytes: string }).$bytes)
    }
    return v
  })
}

/** The part of the state that is saved. */
export function pickPersisted(s: PlaygroundState): PersistedState {
  return {
    files: s.files,
    activePath: s.activePath,
    composer: s.composer,
    exchanges: s.exchanges,
    selectedId: s.selectedId,
    jar: s.jar,
    prefs: s.prefs,
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A shape check strict enough that a restored state cannot crash the UI. */
function validate(data: unknown): PersistedState | null {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.state)) return null
  const s = data.state
  if (!isRecord(s.files) || !Object.values(s.files).every((t) => typeof t === 'string')) return null
  if (!isRecord(s.composer) || typeof s.composer.method !== 'string' || typeof s.composer.url !== 'string') return null
  if (!Array.isArray(s.composer.headers) || !isRecord(s.composer.body)) return null
  if (!Array.isArray(s.exchanges) || !s.exchanges.every((e) => isRecord(e) && typeof e.id === 'string')) return null
  if (!Array.isArray(s.jar) || !isRecord(s.prefs)) return null
  return {
    files: s.files as PersistedState['files'],
    activePath: typeof s.activePath === 'string' ? s.activePath : '',
    composer: s.composer as unknown as PersistedState['composer'],
    exchanges: s.exchanges as unknown as PersistedState['exchanges'],
    selectedId: typeof s.selectedId === 'string' ? s.selectedId : null,
    jar: s.jar as PersistedState['jar'],
    prefs: s.prefs as unknown as PersistedState['prefs'],
  }
}

/** The saved state, or null on a first visit or when the blob was unreadable (then backed up). */
export function loadPersisted(storage: KeyValueStorage): PersistedState | null {
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
  if (raw === null) return null
  let state: PersistedState | null
  try {
    state = validate(deserialize(raw))
  } catch {
    state = null
  }
  if (state === null) {
    try {
      storage.setItem(BACKUP_KEY, raw)
      storage.removeItem(STORAGE_KEY)
    } catch {
      // Storage full or blocked: starting fresh still works.
    }
  }
  return state
}

/** Writes the state now; when storage is full, drops the oldest history until it fits. */
export function savePersisted(storage: KeyValueStorage, state: PersistedState): void {
  let current = state
  for (;;) {
    try {
      storage.setItem(STORAGE_KEY, serialize({ version: 1, state: current }))
      return
    } catch (error) {
      if (current.exchanges.length === 0) {
        console.warn('Request Playground: could not save', error)
        return
      }
      current = { ...current, exchanges: current.exchanges.slice(0, Math.floor(current.exchanges.length / 2)) }
    }
  }
}

/** Saves on every change of the persisted part, at most every `delay_ms`; returns flush and stop. */
export function attachPersistence(
  store: PlaygroundStore,
  storage: KeyValueStorage,
  delay_ms = 300,
): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = pickPersisted(store.getState())
  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    savePersisted(storage, pickPersisted(store.getState()))
  }
  const unsubscribe = store.subscribe((state) => {
    const next = pickPersisted(state)
    const changed = (Object.keys(next) as Array<keyof PersistedState>).some((k) => next[k] !== last[k])
    last = next
    if (!changed) return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(flush, delay_ms)
  })
  return {
    flush: () => {
      if (timer !== null) flush()
    },
    stop: () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    },
  }
}
