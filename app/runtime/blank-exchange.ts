/** The empty exchange every path starts from (a run fills it in; a timeout or crash only sets `failure`). */
import type { ComposedRequest, Exchange, JarCookie } from './protocol.ts'

let counter = 0

/** A blank exchange for `composed`, with `overrides` (an id, a failure, a duration) on top. */
export function blank_exchange(composed: ComposedRequest, jar: JarCookie[], overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: `x${Date.now().toString(36)}-${++counter}`,
    started_at: Date.now(),
    duration_ms: 0,
    composed,
    request: null,
    response: null,
    session_before: null,
    session_after: null,
    redirect_chain: [],
    console: [],
    error: null,
    jar,
    failure: null,
    ...overrides,
  }
}
