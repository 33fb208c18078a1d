/**
 * The Worker's entry point: bundled with the engine and sucrase into one script (see
 * ../vite-plugin.ts) and started by the sandboxed iframe from a blob URL. The iframe's first message
 * carries the page's end of a MessageChannel; everything after goes over that port.
 */
import type { HostMessage, RuntimeMessage } from '../protocol.ts'
import { install_console_capture } from './console-capture.ts'
import { createRuntimeCore } from './core.ts'

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null
}

const scope = globalThis as unknown as WorkerScope
install_console_capture()
scope.onmessage = (event) => {
  const port = event.ports[0]
  if (!port) return
  scope.onmessage = null
  const core = createRuntimeCore((message: RuntimeMessage) => port.postMessage(message))
  port.onmessage = (e: MessageEvent<HostMessage>) => core.receive(e.data)
  port.postMessage({ type: 'ready' } satisfies RuntimeMessage)
}
