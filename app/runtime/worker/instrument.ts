/**
 * The innermost middleware the runtime appends to every site: at `process_view` it records what the
 * view is about to receive, and the session as it stands before the view runs.
 */
import type { HttpRequest, HttpResponseBase } from '../../engine/index.ts'
import { MiddlewareMixin } from '../../engine/core/deprecation.ts'
import type { SeenRequest, Shown } from '../protocol.ts'
import { seen_request } from './snapshot.ts'
import { to_shown } from './shown.ts'

/** The dotted name the runtime lists last in MIDDLEWARE. */
export const INSTRUMENT_MIDDLEWARE = 'playground.middleware.InstrumentationMiddleware'

/** What one exchange records while it runs. */
export interface Recording {
  /** The body the client sent, for when the request's stream was consumed before the view. */
  sent_body: Uint8Array | null
  request: SeenRequest | null
  session_before: Record<string, Shown> | null
}

let current: Recording | null = null

/** Makes `rec` the active recording (sync callers: the script's clients); returns the previous one to restore. */
export function swap_recording(rec: Recording | null): Recording | null {
  const previous = current
  current = rec
  return previous
}

/** Runs `fn` with `recording` receiving what the middleware sees (one exchange runs at a time). */
export async function recording<T>(rec: Recording, fn: () => Promise<T>): Promise<T> {
  const previous = current
  current = rec
  try {
    return await fn()
  } finally {
    current = previous
  }
}

/** The session's data as plain data, or null when the request has no session. */
export function session_dict(session: { items(): Array<[string, unknown]> } | undefined | null): Record<string, Shown> | null {
  if (!session) return null
  const out: Record<string, Shown> = {}
  for (const [key, value] of session.items()) out[key] = to_shown(value)
  return out
}

/** Records the request at the last moment before the view (a redirect chain records its last hop). */
export class InstrumentationMiddleware extends MiddlewareMixin {
  override process_view(request: HttpRequest): HttpResponseBase | null {
    if (!current) return null
    current.request = seen_request(request, current.sent_body)
    const session = (request as HttpRequest & { session?: { items(): Array<[string, unknown]> } }).session
    try {
      current.session_before = session_dict(session)
    } catch {
      current.session_before = null
    }
    return null
  }
}
