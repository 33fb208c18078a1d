/**
 * `createRuntimeHost()`: the isolated runtime as the page uses it. A hidden `sandbox="allow-scripts"`
 * iframe starts the runtime in a Worker; one message runs at a time, and one that outlives the time
 * limit gets the iframe removed (which ends the Worker), a fresh runtime started and the last project
 * rebuilt. The main thread only posts and receives messages, so it never blocks.
 */
import type { HostMessage, ProjectFiles, RuntimeHost, RuntimeMessage } from '../protocol.ts'
import { answers, fetch_progress, is_progress, outgoing, request_id, type Outgoing } from './connection.ts'
import { RELAY_HTML } from './relay.ts'
import { timeout_answer } from './timeouts.ts'

/** Options of createRuntimeHost. */
export interface RuntimeHostOptions {
  /** The time limit per message, in milliseconds (5000 by default). */
  timeout_ms?: number
  /** The Worker's source text; by default the bundle the Vite plugin builds (loaded on first use). */
  worker_source?: () => Promise<string>
  /** Where the hidden iframe goes (document.body by default). */
  container?: HTMLElement
}

interface Job {
  message: HostMessage
  resolve: (answer: RuntimeMessage) => void
  /** Progress before the answer: a script's exchanges, a streaming fetch's head and chunks. */
  progress?: (answer: RuntimeMessage) => void
}

interface Frame {
  iframe: HTMLIFrameElement
  port: MessagePort
  ready: boolean
}

const default_source = (): Promise<string> => import('virtual:runtime-worker').then((m) => m.default)

/** Starts the isolated runtime (lazily: the Worker starts with the first call). */
export function createRuntimeHost(options: RuntimeHostOptions = {}): RuntimeHost {
  const timeout_ms = options.timeout_ms ?? 5000
  let source: Promise<string> | null = null
  let frame: Frame | null = null
  let active: Job | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let last_files: ProjectFiles | null = null
  let disposed = false
  const queue: Job[] = []

  const on_window_message = (event: MessageEvent) => {
    if (!frame || event.source !== frame.iframe.contentWindow) return
    const error = (event.data as { __runtime_error?: string } | null)?.__runtime_error
    // The Worker died (or never started): answer what was running, then start afresh if it had worked.
    if (typeof error === 'string') restart(`The runtime stopped: ${error}`, frame.ready)
  }
  window.addEventListener('message', on_window_message)

  const start = () => {
    const channel = new MessageChannel()
    const iframe = document.createElement('iframe')
    iframe.setAttribute('sandbox', 'allow-scripts')
    iframe.setAttribute('aria-hidden', 'true')
    iframe.setAttribute('tabindex', '-1')
    iframe.title = 'Request Playground runtime'
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden'
    iframe.srcdoc = RELAY_HTML
    const current: Frame = { iframe, port: channel.port1, ready: false }
    frame = current
    channel.port1.onmessage = (event: MessageEvent<RuntimeMessage>) => {
      if (frame !== current) return
      const message = event.data
      if (message.type === 'ready') {
        current.ready = true
        pump()
      } else if ('id' in message && active && active.message.id === message.id) {
        if (is_progress(message)) active.progress?.(message)
        else finish(message)
      }
    }
    source ??= (options.worker_source ?? default_source)()
    iframe.addEventListener('load', () => {
      source!.then(
        (text) => frame === current && iframe.contentWindow?.postMessage({ __boot: text }, '*', [channel.port2]),
        (error) => restart(`The runtime could not be loaded: ${String(error)}`, false),
      )
    }, { once: true })
    ;(options.container ?? document.body).append(iframe)
    if (last_files) queue.unshift({ message: { type: 'build', id: request_id(), files: last_files }, resolve: () => {} })
  }

  const stop = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!frame) return
    frame.port.close()
    // Removing the iframe ends its Worker, whatever it is doing.
    frame.iframe.remove()
    frame = null
  }

  const finish = (answer: RuntimeMessage) => {
    if (timer) clearTimeout(timer)
    timer = null
    const job = active
    active = null
    job?.resolve(answer)
    pump()
  }

  const restart = (reason: string, again: boolean) => {
    const job = active
    active = null
    stop()
    if (job) job.resolve(timeout_answer(job.message, reason, 'crash'))
    if (!again) {
      for (const waiting of queue.splice(0)) waiting.resolve(timeout_answer(waiting.message, reason, 'crash'))
      return
    }
    if (!disposed) start()
  }

  const on_timeout = () => {
    const job = active
    if (!job) return
    active = null
    // A build that never ends must not be rebuilt after the restart.
    if (job.message.type === 'build') last_files = null
    stop()
    job.resolve(timeout_answer(job.message, timeout_ms, 'timeout'))
    if (!disposed) start()
  }

  const pump = () => {
    if (disposed || active || !queue.length) return
    if (!frame) start()
    if (!frame!.ready) return
    active = queue.shift()!
    if (active.message.type === 'build') last_files = active.message.files
    frame!.port.postMessage(active.message)
    timer = setTimeout(on_timeout, timeout_ms)
  }

  const call = <T>(message: Outgoing, map: (m: RuntimeMessage) => T, progress?: (m: RuntimeMessage) => void): Promise<T> => {
    if (disposed) return Promise.reject(new Error('The runtime host was disposed.'))
    return new Promise<T>((resolve) => {
      queue.push({ message: { ...message, id: request_id() } as HostMessage, resolve: (m) => resolve(map(m)), progress })
      pump()
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
      if (disposed) return
      disposed = true
      window.removeEventListener('message', on_window_message)
      const reason = 'The runtime host was disposed.'
      const pending = [...(active ? [active] : []), ...queue.splice(0)]
      active = null
      stop()
      for (const job of pending) job.resolve(timeout_answer(job.message, reason, 'crash'))
    },
  }
}
