/**
 * The page side of the protocol without the transport: request ids, pending answers, and the
 * `RuntimeHost` methods built on them. Both hosts (isolated and in-process) share it.
 */
import type {
  BuildResult,
  ClientAction,
  ComposedRequest,
  Exchange,
  FetchStream,
  HostMessage,
  JarCookie,
  ProjectFiles,
  RuntimeMessage,
  ScriptResult,
  WireRequest,
  WireResponse,
} from '../protocol.ts'

/** Distributes a message without its id to every HostMessage variant (TypeScript's Omit would merge them). */
export type Outgoing = HostMessage extends infer M ? (M extends HostMessage ? Omit<M, 'id'> : never) : never

/** An answer the host waits for, by request id. */
export interface Pending {
  message: HostMessage
  resolve: (answer: RuntimeMessage) => void
}

let next_id = 0

/** A fresh request id (unique within the page). */
export function request_id(): string {
  return `r${++next_id}`
}

/** The action answer as RuntimeHost.act returns it. */
export type ActResult = { ok: boolean; jar: JarCookie[]; message: string | null }

/** Maps answers to RuntimeHost results. */
export const answers = {
  build: (m: RuntimeMessage): BuildResult => (m as Extract<RuntimeMessage, { type: 'built' }>).result,
  send: (m: RuntimeMessage): Exchange => (m as Extract<RuntimeMessage, { type: 'exchange' }>).exchange,
  act: (m: RuntimeMessage): ActResult => {
    const a = m as Extract<RuntimeMessage, { type: 'action-done' }>
    return { ok: a.ok, jar: a.jar, message: a.message }
  },
  fetch: (m: RuntimeMessage): { response: WireResponse; exchange: Exchange } => {
    const f = m as Extract<RuntimeMessage, { type: 'fetched' }>
    return { response: f.response, exchange: f.exchange }
  },
  script: (m: RuntimeMessage): ScriptResult => {
    const done = m as Extract<RuntimeMessage, { type: 'script-done' }>
    return { error: done.error, console: done.console }
  },
}

/** Answers that report progress before the one that ends a call. */
export function is_progress(m: RuntimeMessage): boolean {
  return m.type === 'script-exchange' || m.type === 'fetch-head' || m.type === 'fetch-chunk'
}

/** A fetch's progress messages handed to its stream. */
export function fetch_progress(stream: FetchStream | undefined): ((m: RuntimeMessage) => void) | undefined {
  if (!stream) return undefined
  return (m) => {
    if (m.type === 'fetch-head') stream.head(m.response)
    else if (m.type === 'fetch-chunk') stream.chunk(m.chunk)
  }
}

/** Host messages for the RuntimeHost calls. */
export const outgoing = {
  build: (files: ProjectFiles): Outgoing => ({ type: 'build', files }),
  send: (request: ComposedRequest, jar: JarCookie[]): Outgoing => ({ type: 'request', request, jar }),
  act: (action: ClientAction, jar: JarCookie[]): Outgoing => ({ type: 'action', action, jar }),
  fetch: (request: WireRequest, jar: JarCookie[]): Outgoing => ({ type: 'fetch', request, jar }),
  script: (file: string, jar: JarCookie[]): Outgoing => ({ type: 'script', file, jar }),
}
