/**
 * Preview exchanges on their way to the store. A page's scripts (or a benchmark) can send many
 * requests a second: their exchanges and the jar they leave reach the store together, at most every
 * `delay_ms`, so rendering the history never stands between a page and its next response, while the
 * newest jar is used at once by the next request.
 */
import type { Exchange, JarCookie } from '../runtime/protocol.ts'
import { HISTORY_LIMIT } from './slices.ts'
import type { PlaygroundStore } from './store.ts'

/**
 * Whether a preview exchange takes the inspector: a page the user opened does ('always'); a page's
 * own fetch/XHR does not ('never', or a polling page would take the inspector away from the user);
 * the pane's first page only when nothing is selected yet ('if-none').
 */
export type PreviewSelect = 'always' | 'never' | 'if-none'

export interface PreviewBatch {
  /** Queues an exchange (and the jar it left, unless it failed) for the next flush. */
  push(exchange: Exchange, select: PreviewSelect): void
  /** The jar as it stands, queued changes included. */
  jar(): JarCookie[]
  /** Writes what is queued to the store now (before anything else reads or changes the jar). */
  flush(): void
}

export function createPreviewBatch(store: PlaygroundStore, delay_ms: number): PreviewBatch {
  let queued: Array<{ exchange: Exchange; select: PreviewSelect }> = []
  let queuedJar: JarCookie[] | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (queued.length === 0 && queuedJar === null) return
    const newest = queued.reverse()
    const jar = queuedJar
    queued = []
    queuedJar = null
    store.setState((s) => {
      const chosen = newest.find((u) => u.select === 'always' || (u.select === 'if-none' && s.selectedId === null))
      return {
        ...(newest.length ? { exchanges: [...newest.map((u) => u.exchange), ...s.exchanges].slice(0, HISTORY_LIMIT) } : {}),
        ...(chosen ? { selectedId: chosen.exchange.id } : {}),
        ...(jar ? { jar } : {}),
      }
    })
  }
  return {
    push: (exchange, select) => {
      queued.push({ exchange, select })
      if (!exchange.failure) queuedJar = exchange.jar
      timer ??= setTimeout(flush, delay_ms)
    },
    jar: () => queuedJar ?? store.getState().jar,
    flush,
  }
}
