/**
 * Script mode: runs the project's `requests.ts`, written against `Client`/`AsyncClient` from
 * `django/test`, and reports every request those clients send as an exchange, in order.
 */
import * as django_test from '../django/test.ts'
import { DJANGO_MODULES } from '../django/index.ts'
import { with_settings, type HttpResponseBase } from '../../engine/index.ts'
import type { ComposedRequest, ConsoleEntry, Exchange, HostMessage, RuntimeMessage } from '../protocol.ts'
import { jar_session } from './clients.ts'
import { capturing_console } from './console-capture.ts'
import { seen_error } from './errors.ts'
import { blank_exchange } from './exchange.ts'
import { swap_recording, type Recording } from './instrument.ts'
import { cookie_to_jar } from './jar.ts'
import { Linker } from './linker.ts'
import type { Site } from './site.ts'
import { seen_response } from './snapshot.ts'

type ScriptMessage = Extract<HostMessage, { type: 'script' }>
type Dressed = HttpResponseBase & { exc_info?: unknown[] | null }

/** The composed request a client call amounts to, rebuilt from the request dict it made. */
function composed_of(r: Record<string, unknown>): ComposedRequest {
  const method = String(r.REQUEST_METHOD ?? r.method ?? 'GET')
  const path = String(r.PATH_INFO ?? r.path ?? '/')
  const query = String(r.QUERY_STRING ?? r.query_string ?? '')
  return {
    method,
    url: query ? `${path}?${query}` : path,
    headers: [],
    body: { kind: 'none' },
    follow: false,
    secure: r['wsgi.url_scheme'] === 'https' || r.scheme === 'https',
    enforce_csrf_checks: false,
  }
}

/** Runs the script file; each request becomes a `script-exchange`, then one `script-done`. */
export async function run_script(site: Site | null, message: ScriptMessage, post: (m: RuntimeMessage) => void, no_site: string): Promise<void> {
  const console: ConsoleEntry[] = []
  if (!site) {
    post({ type: 'script-done', id: message.id, error: { type: 'ImproperlyConfigured', message: no_site, stack: '', location: null }, console })
    return
  }
  const pending: Array<Promise<void>> = []
  const record = (client: { cookies: Parameters<typeof cookie_to_jar>[0] }, r: Record<string, unknown>, run: () => unknown): unknown => {
    const exchange: Exchange = blank_exchange(composed_of(r), cookie_to_jar(client.cookies), { source: 'script' })
    const rec: Recording = { sent_body: null, request: null, session_before: null }
    const before = jar_session(site, client.cookies)
    const started = performance.now()
    const previous = swap_recording(rec)
    const finish = async (response: Dressed) => {
      swap_recording(previous)
      exchange.response = await seen_response(response)
      if (response.exc_info) exchange.error = seen_error(response.exc_info[1], site.file_names)
      exchange.request = rec.request
      exchange.session_before = rec.request ? rec.session_before : before
      exchange.session_after = jar_session(site, client.cookies)
      exchange.jar = cookie_to_jar(client.cookies)
      exchange.duration_ms = performance.now() - started
      post({ type: 'script-exchange', id: message.id, exchange })
    }
    const result = run()
    if (result instanceof Promise) return result.then(async (response: Dressed) => (await finish(response), response))
    pending.push(finish(result as Dressed))
    return result
  }
  class Client extends django_test.Client {
    override request(r: Record<string, unknown>) {
      return record(this, r, () => super.request(r)) as ReturnType<django_test.Client['request']>
    }
  }
  class AsyncClient extends django_test.AsyncClient {
    override request(r: Record<string, unknown>) {
      return record(this, r, () => super.request(r)) as ReturnType<django_test.AsyncClient['request']>
    }
  }
  const builtins = { ...DJANGO_MODULES, 'django/test': { ...django_test, Client, AsyncClient } }
  let error = null
  try {
    await with_settings(site.settings, () =>
      capturing_console(console, async () => {
        const linker = new Linker(site.files, builtins)
        const exports = linker.load(message.file)
        // A script may export a main function (async or not) instead of running at import.
        const main = exports.default ?? exports.main
        if (typeof main === 'function') await main()
        await Promise.all(pending)
      }),
    )
  } catch (e) {
    error = seen_error(e, site.file_names)
  }
  post({ type: 'script-done', id: message.id, error, console })
}
