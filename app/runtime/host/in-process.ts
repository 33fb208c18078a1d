/**
 * `createInProcessHost()`: the runtime core on the current thread, for component and state tests.
 * No isolation and no time limit: a runaway view blocks the caller. The page uses createRuntimeHost.
 */
import type { HostMessage, RuntimeHost, RuntimeMessage } from '../protocol.ts'
import { createRuntimeCore } from '../worker/core.ts'
import { answers, fetch_progress, is_progress, outgoing, request_id, type Outgoing } from './connection.ts'

/** A RuntimeHost running the runtime in this thread (tests only). */
export function createInProcessHost(): RuntimeHost {
  const waiting = new Map<string, (m: RuntimeMessage) => void>()
  const progress = new Map<string, (m: RuntimeMessage) => void>()
  let disposed = false
  const core = createRuntimeCore((message) => {
    if ('id' in message) {
      // Structured-clone the answer as postMessage would, so tests see the same plain data.
      if (is_progress(message)) {
        progress.get(message.id)?.(structuredClone(message))
        return
      }
      waiting.get(message.id)?.(structuredClone(message))
      waiting.delete(message.id)
      progress.delete(message.id)
    }
  })
  const call = <T>(message: Outgoing, map: (m: RuntimeMessage) => T, on_progress?: (m: RuntimeMessage) => void): Promise<T> => {
    if (disposed) return Promise.reject(new Error('The runtime host was disposed.'))
    const id = request_id()
    return new Promise<T>((resolve) => {
      waiting.set(id, (m) => resolve(map(m)))
      if (on_progress) progress.set(id, on_progress)
      core.receive(structuredClone({ ...message, id }) as HostMessage)
    })
  }
  return {
    build: (files) => call(outgoing.build(files), answers.build),
    send: (request, jar) => call(outgoing.send(request, jar), answers.send),
    act: (action, jar) => call(outgoing.act(action, jar), answers.act),
    fetch: (request, jar, stream) => call(outgoing.fetch(request, jar), answers.fetch, fetch_progress(stream)),
    script: (file, jar, on_exchange) =>
      call(outgoing.script(file, jar), answers.script, (m) => m.type === 'script-exchange' && on_exchange(m.exchange)),
    dispose: () => {
      disposed = true
      waiting.clear()
    },
  }
}
