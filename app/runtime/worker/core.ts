/**
 * The runtime's message loop, independent of where it runs (a Worker, or the page for tests):
 * one site at a time, messages handled strictly in order so exchanges never interleave.
 */
import type { HostMessage, ProjectFiles, RuntimeMessage, WireResponse } from '../protocol.ts'
import { run_action } from './actions.ts'
import { blank_exchange, run_request } from './exchange.ts'
import { with_browser_view } from './browser-view.ts'
import { run_fetch } from './preview.ts'
import { run_script } from './script.ts'
import type { Database } from '../../engine/index.ts'
import { build_site, dispose_site, type Site } from './site.ts'
import { fetch_failure } from '../wire.ts'

/** Answers HostMessages with RuntimeMessages through `post`. */
export interface RuntimeCore {
  receive(message: HostMessage): void
  /** Resolves once every message received so far has been answered. */
  idle(): Promise<void>
}

const NO_SITE = 'The project has not been built yet, or its last build failed.'

/** A core that posts its answers with `post`. */
export function createRuntimeCore(post: (message: RuntimeMessage) => void): RuntimeCore {
  let site: Site | null = null
  let kept_database: Database | null = null
  let build_error: string | null = null
  let queue: Promise<void> = Promise.resolve()

  const build = async (files: ProjectFiles) => {
    const database = site?.database ?? kept_database
    dispose_site(site)
    site = null
    const built = await build_site(files, database)
    // A failed build keeps the last database for the next one.
    kept_database = built.site?.database ?? database
    site = built.site
    const error = built.result.error
    build_error = error ? `${error.type}: ${error.message}` : null
    return built.result
  }

  const handle = async (message: HostMessage): Promise<void> => {
    switch (message.type) {
      case 'build':
        post({ type: 'built', id: message.id, result: await build(message.files) })
        return
      case 'request': {
        if (!site) {
          const exchange = blank_exchange(message.request, message.jar)
          exchange.failure = { kind: 'build', message: build_error ?? NO_SITE }
          post({ type: 'exchange', id: message.id, exchange })
          return
        }
        const exchange = await run_request(site, message.request, message.jar)
        post({ type: 'exchange', id: message.id, exchange: with_browser_view(exchange, message.jar) })
        return
      }
      case 'action': {
        if (!site) {
          post({ type: 'action-done', id: message.id, ok: false, jar: message.jar, message: build_error ?? NO_SITE })
          return
        }
        const result = await run_action(site, message.action, message.jar)
        post({ type: 'action-done', id: message.id, ...result })
        return
      }
      case 'script':
        await run_script(site, message, post, build_error ?? NO_SITE)
        return
      case 'fetch': {
        if (!site) {
          post(fetch_failure(message, 503, 'Service Unavailable', 'build', build_error ?? NO_SITE))
          return
        }
        const stream = {
          head: (response: WireResponse) => post({ type: 'fetch-head', id: message.id, response }),
          chunk: (chunk: Uint8Array) => post({ type: 'fetch-chunk', id: message.id, chunk }),
        }
        post({ type: 'fetched', id: message.id, ...(await run_fetch(site, message.request, message.jar, stream)) })
        return
      }
    }
  }

  return {
    receive(message) {
      queue = queue.then(() =>
        handle(message).catch((error) => {
          // A bug in the runtime itself: answer anyway so the page never waits forever.
          const text = `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`
          post(crash_answer(message, text))
        }),
      )
    },
    idle: () => queue,
  }
}

function crash_answer(message: HostMessage, text: string): RuntimeMessage {
  switch (message.type) {
    case 'build':
      return { type: 'built', id: message.id, result: { ok: false, error: { type: 'RuntimeError', message: text, stack: '', location: null }, users: [], console: [] } }
    case 'request': {
      const exchange = blank_exchange(message.request, message.jar)
      exchange.failure = { kind: 'crash', message: text }
      return { type: 'exchange', id: message.id, exchange }
    }
    case 'action':
      return { type: 'action-done', id: message.id, ok: false, jar: message.jar, message: text }
    case 'script':
      return { type: 'script-done', id: message.id, error: { type: 'RuntimeError', message: text, stack: '', location: null }, console: [] }
    case 'fetch':
      return fetch_failure(message, 500, 'Internal Server Error', 'crash', text)
  }
}
