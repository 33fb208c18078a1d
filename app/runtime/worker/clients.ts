/**
 * The test clients the runtime sends with. Sync `Client` is the default, as in Django's own tests: it
 * runs the same path as a WSGI server and takes a Host header as given (AsyncClient would append it
 * to its own `testserver` host, as Django 5.2's does). A site with any async view uses AsyncClient,
 * since a sync handler cannot await a view.
 */
import { AsyncClient, Client, type SimpleCookie } from '../../engine/index.ts'
import { iscoroutinefunction } from '../../engine/core/coroutines.ts'
import { ClientHandler } from '../../engine/testing/client-handler.ts'
import { AsyncClientHandler } from '../../engine/testing/async-client.ts'
import { import_module } from '../../engine/core/module-loading.ts'
import { get_resolver } from '../../engine/urls/resolvers.ts'
import { FakePayload } from '../../engine/testing/fake-payload.ts'
import type { JarCookie, Shown } from '../protocol.ts'
import { session_dict, type Recording } from './instrument.ts'
import { jar_to_cookie } from './jar.ts'
import type { Site } from './site.ts'

/** Either test client, as the runtime drives it. */
export type SiteClient = Client | AsyncClient

/** True when any view the site's URLconf reaches is async. */
export function has_async_views(root_urlconf: string | null): boolean {
  const seen = new Set<unknown>()
  const walk = (entries: readonly unknown[]): boolean =>
    entries.some((entry) => {
      if (seen.has(entry)) return false
      seen.add(entry)
      const e = entry as { url_patterns?: readonly unknown[]; callback?: unknown }
      if (e.url_patterns) return walk(e.url_patterns)
      return iscoroutinefunction(e.callback)
    })
  try {
    return walk(get_resolver(root_urlconf).url_patterns)
  } catch {
    return false
  }
}

/** The site's handler for this client kind and CSRF mode, made (and its middleware loaded) once. */
export function site_handler(site: Site, is_async: boolean, enforce_csrf_checks: boolean): ClientHandler | AsyncClientHandler {
  const key = `${is_async ? 'async' : 'sync'}:${enforce_csrf_checks ? 'csrf' : 'no-csrf'}`
  let handler = site.handlers.get(key)
  if (!handler) {
    handler = is_async ? new AsyncClientHandler(enforce_csrf_checks) : new ClientHandler(enforce_csrf_checks)
    handler.load_middleware(is_async)
    site.handlers.set(key, handler)
  }
  return handler
}

/** A client over the site's handler with `jar`, recording the body each request sends into `rec`. */
export function make_client(site: Site, enforce_csrf_checks: boolean, jar: readonly JarCookie[], rec: Recording | null): SiteClient {
  const options = { enforce_csrf_checks, raise_request_exception: false }
  const client = site.is_async ? new AsyncClient(options) : new Client(options)
  ;(client as { handler: unknown }).handler = site_handler(site, site.is_async, enforce_csrf_checks)
  client.cookies = jar_to_cookie(jar)
  if (rec) {
    const request = client.request.bind(client) as (r: Record<string, unknown>) => unknown
    // The sent bytes, copied before the handler reads them (the body key differs between the clients).
    ;(client as { request: unknown }).request = (r: Record<string, unknown>) => {
      const key = '_body_file' in r ? '_body_file' : 'wsgi.input'
      const payload = r[key] as FakePayload | undefined
      rec.sent_body = null
      if (payload) {
        const bytes = payload.read().slice()
        r[key] = new FakePayload(bytes)
        rec.sent_body = bytes
      }
      return request(r)
    }
  }
  return client
}

/** The session the jar's session cookie points at, as plain data; null when the site has no sessions. */
export function jar_session(site: Site, cookies: SimpleCookie): Record<string, Shown> | null {
  if (!site.settings.MIDDLEWARE.includes('django.contrib.sessions.middleware.SessionMiddleware')) return null
  try {
    const morsel = cookies.get(site.settings.SESSION_COOKIE_NAME)
    const key = morsel?.value
    if (!key) return {}
    const { SessionStore } = import_module<{ SessionStore: new (key: string) => { items(): Array<[string, unknown]> } }>(
      site.settings.SESSION_ENGINE,
    )
    return session_dict(new SessionStore(key))
  } catch {
    return null
  }
}
