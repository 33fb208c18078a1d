/**
 * Wires the store to the isolated runtime: rebuilds the site when the project changes (debounced),
 * sends composed requests with the jar, runs login/logout actions, keeps the jar from each exchange,
 * and re-runs the last GET after an edit when the preference is on. State only ever receives the
 * plain snapshots the runtime answers.
 */
import { blank_exchange } from '../runtime/blank-exchange.ts'
import { scriptCookies, storeScriptCookie } from '../runtime/cookies/index.ts'
import type {
  ClientAction,
  ComposedRequest,
  Exchange,
  FetchStream,
  RuntimeHost,
  WireRequest,
  WireResponse,
} from '../runtime/protocol.ts'
import { createPreviewBatch, type PreviewSelect } from './preview-batch.ts'
import type { PlaygroundStore } from './store.ts'
import type { PlaygroundState } from './types.ts'

export interface RuntimeBridge {
  /** Builds now (cancelling a pending debounced build) and resolves when the site is ready or failed. */
  rebuild(): Promise<void>
  /** Sends the composed request (or the one given), records the exchange and the new jar. */
  send(request?: ComposedRequest): Promise<Exchange>
  /** Runs a login / force login / logout and keeps the new jar. */
  act(action: ClientAction): Promise<{ ok: boolean; message: string | null }>
  /** Runs a script file (requests.ts) as a sequence; each request lands in the history as it completes. */
  runScript(file?: string): Promise<void>
  /** Serves a request from the preview pane (a real browser) with the shared jar; records the exchange. */
  preview(request: WireRequest, stream?: FetchStream, select?: PreviewSelect): Promise<WireResponse>
  /** A preview page's `document.cookie = text` at `url`: the jar takes it as a browser would; answers the new `document.cookie`. */
  writeCookie(text: string, url: string): string
  /** Resolves once no build is pending or running (tests, and sends after an edit). */
  idle(): Promise<void>
  dispose(): void
}

export interface BridgeOptions {
  /** Makes a host for a time limit; called again when the timeout preference changes. */
  createHost: (timeout_ms: number) => RuntimeHost
  rebuildDelay_ms?: number
  /** How long preview exchanges wait to reach the store together (100 ms by default). */
  previewFlush_ms?: number
}

let counter = 0
function localId(): string {
  counter += 1
  return `local-${Date.now().toString(36)}-${counter}`
}

/** An exchange for a request the host could not even start (it threw): the user still sees why. */
function failedExchange(request: ComposedRequest, message: string, started_at: number): Exchange {
  return blank_exchange(request, [], {
    id: localId(),
    started_at,
    duration_ms: Date.now() - started_at,
    failure: { kind: 'crash', message },
  })
}

/** Start the bridge: it builds at once and then follows the store. */
export function createRuntimeBridge(store: PlaygroundStore, options: BridgeOptions): RuntimeBridge {
  const delay = options.rebuildDelay_ms ?? 400
  let timeout_ms = store.getState().prefs.timeout_ms
  let host = options.createHost(timeout_ms)
  let timer: ReturnType<typeof setTimeout> | null = null
  let building: Promise<void> = Promise.resolve()
  let buildSeq = 0
  let disposed = false
  // Sends and actions run in order, so a send right after a login carries the login's jar.
  let queue: Promise<unknown> = Promise.resolve()
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job)
    queue = run.catch(() => undefined)
    return run
  }

  const batch = createPreviewBatch(store, options.previewFlush_ms ?? 100)

  const runBuild = (afterEdit: boolean): Promise<void> => {
    const seq = ++buildSeq
    const files = store.getState().files
    store.getState().setRuntime({ status: 'building' })
    const previous = building
    building = (async () => {
      await previous.catch(() => undefined)
      if (disposed || seq !== buildSeq) return
      try {
        const result = await host.build(files)
        if (disposed || seq !== buildSeq) return
        store.getState().setRuntime({ status: result.ok ? 'ready' : 'error', build: result, users: result.users })
      } catch (error) {
        if (disposed || seq !== buildSeq) return
        const message = error instanceof Error ? error.message : String(error)
        const build = {
          ok: false,
          error: { type: 'Error', message, stack: '', location: null },
          users: [],
          console: [],
        }
        store.getState().setRuntime({ status: 'error', build })
        return
      }
      if (afterEdit && store.getState().prefs.autoRerun && store.getState().runtime.status === 'ready') {
        // The composer's last GET runs again (the preview, like a browser, shows the new code on reload).
        const lastGet = store
          .getState()
          .exchanges.find((e) => e.source !== 'preview' && e.composed.method.toUpperCase() === 'GET')
        if (lastGet) await sendNow(lastGet.composed)
      }
    })()
    return building
  }

  const scheduleBuild = () => {
    if (timer !== null) clearTimeout(timer)
    store.getState().setRuntime({ status: 'building' })
    timer = setTimeout(() => {
      timer = null
      void runBuild(true)
    }, delay)
  }

  const sendNow = async (request: ComposedRequest): Promise<Exchange> => {
    batch.flush()
    const started_at = Date.now()
    const label = `${request.method.toUpperCase()} ${request.url}`
    store.getState().setRuntime({ sending: label })
    let exchange: Exchange
    try {
      exchange = await host.send(request, store.getState().jar)
    } catch (error) {
      exchange = failedExchange(request, error instanceof Error ? error.message : String(error), started_at)
    }
    if (disposed) return exchange
    const state = store.getState()
    state.addExchange(exchange)
    // A stopped or failed request says nothing about cookies: keep the jar the user had.
    if (!exchange.failure) state.setJar(exchange.jar)
    state.setRuntime({ sending: null })
    return exchange
  }

  // A new time limit needs a new host; typing "1500" passes through 1, 15 and 150, so wait until it settles.
  let hostTimer: ReturnType<typeof setTimeout> | null = null
  const applyTimeout = () => {
    if (hostTimer !== null) clearTimeout(hostTimer)
    hostTimer = null
    const wanted = store.getState().prefs.timeout_ms
    if (disposed || wanted === timeout_ms) return
    timeout_ms = wanted
    host.dispose()
    host = options.createHost(timeout_ms)
    void runBuild(false)
  }

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.files !== prev.files) scheduleBuild()
    if (state.prefs.timeout_ms !== prev.prefs.timeout_ms) {
      if (hostTimer !== null) clearTimeout(hostTimer)
      hostTimer = setTimeout(applyTimeout, 500)
    }
  })

  void runBuild(false)

  const idle = async (): Promise<void> => {
    for (;;) {
      const current = building
      await current.catch(() => undefined)
      if (timer === null && current === building) return
      if (timer !== null) await new Promise((r) => setTimeout(r, delay))
    }
  }

  return {
    rebuild: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      return runBuild(false)
    },
    send: (request) => {
      applyTimeout()
      const composed = structuredClone(request ?? store.getState().composer)
      // A send right after an edit runs against the edited code.
      if (timer !== null) {
        clearTimeout(timer)
        timer = null
        void runBuild(false)
      }
      return enqueue(async () => {
        await building.catch(() => undefined)
        return sendNow(composed)
      })
    },
    act: (action) =>
      enqueue(async () => {
        batch.flush()
        applyTimeout()
        await building.catch(() => undefined)
        try {
          const result = await host.act(action, store.getState().jar)
          if (result.ok) store.getState().setJar(result.jar)
          store.getState().setRuntime({ notice: result.message })
          return { ok: result.ok, message: result.message }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          store.getState().setRuntime({ notice: message })
          return { ok: false, message }
        }
      }),
    runScript: (file = 'requests.ts') => {
      applyTimeout()
      if (timer !== null) {
        clearTimeout(timer)
        timer = null
        void runBuild(false)
      }
      return enqueue(async () => {
        await building.catch(() => undefined)
        batch.flush()
        const set = (script: PlaygroundState['runtime']['script']) => store.getState().setRuntime({ script })
        set({ running: file, result: null })
        try {
          const result = await host.script(file, store.getState().jar, (exchange) => {
            if (!disposed) store.getState().addExchange(exchange)
          })
          if (!disposed) set({ running: null, result })
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          if (!disposed)
            set({
              running: null,
              result: { error: { type: 'Error', message, stack: '', location: null }, console: [] },
            })
        }
      })
    },
    preview: (request, stream, select = 'always') => {
      applyTimeout()
      return enqueue(async () => {
        await building.catch(() => undefined)
        try {
          const { response, exchange } = await host.fetch(request, batch.jar(), stream)
          if (!disposed) batch.push(exchange, select)
          return response
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          return { status: 503, statusText: 'Service Unavailable', headers: [['Content-Type', 'text/plain; charset=utf-8']], body: new TextEncoder().encode(message) }
        }
      })
    },
    writeCookie: (text, url) => {
      batch.flush()
      const now = Date.now()
      const { jar } = storeScriptCookie(store.getState().jar, text, url, now)
      store.getState().setJar(jar)
      return scriptCookies(jar, url, now)
    },
    idle,
    dispose: () => {
      batch.flush()
      disposed = true
      unsubscribe()
      if (hostTimer !== null) clearTimeout(hostTimer)
      if (timer !== null) clearTimeout(timer)
      host.dispose()
    },
  }
}
