/** The answers the host makes up itself when the runtime stopped (a timeout, a crash, a dispose). */
import { blank_exchange } from '../blank-exchange.ts'
import type { HostMessage, RuntimeMessage } from '../protocol.ts'
import { fetch_failure } from '../wire.ts'

/** "5 s", "1.5 s". */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`
}

/** Which request it was, as the user would name it: `GET /loop/`. */
function what(message: HostMessage): string {
  switch (message.type) {
    case 'request':
      return `${message.request.method.toUpperCase()} ${message.request.url}`
    case 'fetch':
      return `${message.request.method.toUpperCase()} ${message.request.url}`
    case 'build':
      return 'Building the project'
    case 'action':
      return `The ${message.action.kind.replace('_', ' ')} action`
    case 'script':
      return `The script ${message.file}`
  }
}

/** The answer for `message` when it ran out of time (`reason` a number: the limit) or the runtime stopped. */
export function timeout_answer(message: HostMessage, reason: number | string, kind: 'timeout' | 'crash'): RuntimeMessage {
  const text = typeof reason === 'number' ? `${what(message)} took longer than ${seconds(reason)} and was stopped; the runtime was restarted.` : reason
  const error = { type: kind === 'timeout' ? 'TimeoutError' : 'RuntimeError', message: text, stack: '', location: null }
  switch (message.type) {
    case 'build':
      return { type: 'built', id: message.id, result: { ok: false, error, users: [], console: [] } }
    case 'request':
      return {
        type: 'exchange',
        id: message.id,
        exchange: blank_exchange(message.request, message.jar, {
          id: `${message.id}-${kind}`,
          duration_ms: typeof reason === 'number' ? reason : 0,
          failure: { kind, message: text },
        }),
      }
    case 'action':
      return { type: 'action-done', id: message.id, ok: false, jar: message.jar, message: text }
    case 'script':
      return { type: 'script-done', id: message.id, error, console: [] }
    case 'fetch':
      return kind === 'timeout'
        ? fetch_failure(message, 504, 'Gateway Timeout', kind, text, typeof reason === 'number' ? reason : 0)
        : fetch_failure(message, 503, 'Service Unavailable', kind, text)
  }
}
