/** Port of run_oracle.py (make_client, run_request, run_other, run_case): one case through the engine's test client. */
import { User } from '../../app/engine/auth/models.ts'
import { with_settings } from '../../app/engine/conf/context.ts'
import type { Settings } from '../../app/engine/conf/settings.ts'
import { frozen_clock, with_clock } from '../../app/engine/core/clock.ts'
import { ValueError } from '../../app/engine/core/exceptions.ts'
import { pyrepr } from '../../app/engine/core/python.ts'
import type { SimpleCookie } from '../../app/engine/http/cookie.ts'
import type { SessionBase } from '../../app/engine/sessions/base.ts'
import * as client_module from '../../app/engine/testing/client.ts'
import { FROZEN_EPOCH, setup_database, site_settings } from '../site/settings.ts'
import '../site/urls.ts'
import { build_data, build_value, Refs, type Json } from './case-values.ts'
import { body_dict, cmp_str, exception_dict, jar_dump, jsonable, morsel_dict, request_dict } from './normalise.ts'
import { replace_all, Volatile } from './volatile.ts'

/** A case: `{name, settings?, client?, steps}` (README "Case format"). */
export interface Case {
  name?: string
  description?: string
  min_django?: string
  settings?: Record<string, unknown>
  client?: { [key: string]: Json }
  steps: Step[]
}

/** One step: a request op (`get`, `post`, ...) or another op (`login`, `set_cookie`, ...). */
export type Step = { op: string } & { [key: string]: Json }

/** A step's normalised result. */
export type StepResult = Record<string, unknown>

/** The request methods a step may name. */
export const REQUEST_OPS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'])
// Methods that take content_type (get, head and trace ignore it in the oracle's runner).
const CONTENT_TYPE_OPS = new Set(['post', 'put', 'patch', 'delete', 'options'])

// The client's surface is driven by name, as the oracle's getattr() does.
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyClient = any
type ClientClass = new (options: Record<string, unknown>) => AnyClient

const has = (o: object, k: string) => Object.hasOwn(o, k)

function client_class(is_async: boolean): ClientClass {
  const name = is_async ? 'AsyncClient' : 'Client'
  const cls = (client_module as Record<string, unknown>)[name]
  if (typeof cls !== 'function') throw new ValueError(`app/engine/testing/client.ts exports no ${name}`)
  return cls as ClientClass
}

/** `Client/AsyncClient(enforce_csrf_checks, raise_request_exception, headers=, query_params=, **defaults)`. */
export function make_client(copts: { [key: string]: Json }): AnyClient {
  const is_async = copts['async'] === true
  const options: Record<string, unknown> = { ...((copts['defaults'] ?? {}) as object) }
  if (has(copts, 'headers')) options['headers'] = copts['headers']
  if (has(copts, 'query_params')) options['query_params'] = build_value(copts['query_params']!)
  options['enforce_csrf_checks'] = has(copts, 'enforce_csrf_checks') ? copts['enforce_csrf_checks'] : false
  options['raise_request_exception'] = has(copts, 'raise_request_exception') ? copts['raise_request_exception'] : true
  return new (client_class(is_async))(options)
}

/** All the bytes of a response: `content`, or the (sync or async) streaming content joined. */
async function read_content(response: AnyClient): Promise<Uint8Array> {
  if (!response.streaming) return response.content as Uint8Array
  const chunks: Uint8Array[] = []
  const content = response.streaming_content
  if (content !== null && typeof content === 'object' && Symbol.asyncIterator in content) {
    for await (const chunk of content as AsyncIterable<Uint8Array>) chunks.push(chunk)
  } else {
    for (const chunk of content as Iterable<Uint8Array>) chunks.push(chunk)
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

const cmp_pairs = (a: [string, string], b: [string, string]) => cmp_str(a[0], b[0]) || cmp_str(a[1], b[1])

/** A request step: `client.<op>(path, data?, {content_type?, follow?, secure?, headers?, query_params?, ...extra})`. */
async function run_request(client: AnyClient, is_async: boolean, step: Step, refs: Refs, vol: Volatile) {
  const op = step.op
  const path = refs.subst((has(step, 'path') ? step['path'] : '/') as string)
  const options: Record<string, unknown> = {}
  let data: unknown = undefined
  const sstep = refs.subst(Object.fromEntries(['data', 'files'].filter((k) => has(step, k)).map((k) => [k, step[k]])))
  if (has(sstep, 'data') || has(sstep, 'files')) data = build_data(sstep)
  if (has(step, 'content_type') && CONTENT_TYPE_OPS.has(op)) options['content_type'] = step['content_type']
  if (step['follow']) options['follow'] = true
  if (step['secure']) options['secure'] = true
  if (has(step, 'query_params')) options['query_params'] = build_value(refs.subst(step['query_params']!))
  if (has(step, 'headers')) options['headers'] = refs.subst(step['headers'])
  Object.assign(options, refs.subst((step['extra'] ?? {}) as object))
  const out: StepResult = { op }
  let response: AnyClient
  let content: Uint8Array
  try {
    response = await client[op](path, data, options)
    content = await read_content(response)
  } catch (e) {
    out['exception'] = exception_dict(e)
    out['jar'] = jar_dump(client.cookies)
    vol.from_morsels(out['jar'] as StepResult[])
    refs.last_json = null
    return out
  }
  out['status_code'] = response.status_code
  out['reason_phrase'] = response.reason_phrase
  out['streaming'] = Boolean(response.streaming)
  const headers = (response.items() as Array<[string, string]>).map(([k, v]): [string, string] => [k.toLowerCase(), v])
  out['headers'] = headers.sort(cmp_pairs)
  out['set_cookies'] = (response.cookies as SimpleCookie).values().map((m) => morsel_dict(m, true))
  const content_type = response.has_header('Content-Type') ? (response.getitem('Content-Type') as string) : ''
  out['body'] = body_dict(content_type, response.charset || 'utf-8', content)
  if (step['follow']) {
    out['redirect_chain'] = ((response.redirect_chain ?? []) as Array<[string, number]>).map(([u, s]) => [u, s])
  }
  const exc_info = response.exc_info as unknown[] | null | undefined
  if (exc_info && exc_info.length) {
    const value = exc_info[1] as Error | undefined
    out['exc_info'] = value?.name ?? (exc_info[0] as { name: string }).name
  }
  out['request'] = request_dict(response.request, is_async)
  out['jar'] = jar_dump(client.cookies)
  vol.from_morsels(out['set_cookies'] as StepResult[])
  vol.from_morsels(out['jar'] as StepResult[])
  const body = out['body'] as Record<string, unknown>
  if (has(body, 'json')) {
    vol.from_json(body['json'])
    refs.last_json = body['json']
  } else {
    refs.last_json = null
  }
  return out
}

const session_dict = (session: SessionBase) => jsonable(Object.fromEntries(session.items()))

/** Runs a non-request step (login, force_login, logout, set_cookie, delete_cookie, session_set, session_get). */
async function run_other(
  client: AnyClient,
  is_async: boolean,
  step: Step,
  refs: Refs,
  vol: Volatile,
  settings: Settings,
) {
  const op = step.op
  const out: StepResult = { op }
  // AsyncClient: the async variants (alogin, aforce_login, alogout, asession).
  const use_async = is_async && typeof client.alogin === 'function'
  const call = (name: string, ...args: unknown[]) => (use_async ? client['a' + name](...args) : client[name](...args))
  const session = async (): Promise<SessionBase> => (use_async ? await client.asession() : client.session)
  try {
    if (op === 'login') {
      out['returned'] = await call('login', {
        username: refs.subst(has(step, 'username') ? step['username'] : ''),
        password: refs.subst(has(step, 'password') ? step['password'] : ''),
      })
    } else if (op === 'force_login') {
      const user = User.objects.get({ username: step['username'] as string })
      if (has(step, 'backend')) await call('force_login', user, step['backend'])
      else await call('force_login', user)
    } else if (op === 'logout') {
      await call('logout')
    } else if (op === 'set_cookie') {
      const key = step['key'] as string
      const jar = client.cookies as SimpleCookie
      jar.setitem(key, refs.subst(has(step, 'value') ? step['value'] : ''))
      for (const [attr, v] of Object.entries((step['attrs'] ?? {}) as Record<string, string>)) {
        jar.getitem(key).setitem(attr, v)
      }
    } else if (op === 'delete_cookie') {
      const jar = client.cookies as SimpleCookie
      if (jar.has(step['key'] as string)) jar.delitem(step['key'] as string)
    } else if (op === 'session_set') {
      const s = await session()
      s.setitem(step['key'] as string, has(step, 'value') ? step['value'] : null)
      s.save()
      const jar = client.cookies as SimpleCookie
      const morsel = jar.get(settings.SESSION_COOKIE_NAME)
      if (morsel === null || morsel.value !== s.session_key) jar.setitem(settings.SESSION_COOKIE_NAME, s.session_key)
      out['session'] = session_dict(s)
    } else if (op === 'session_get') {
      out['session'] = session_dict(await session())
    } else {
      throw new ValueError(`unknown op ${pyrepr(op)}`)
    }
  } catch (e) {
    out['exception'] = exception_dict(e)
  }
  out['jar'] = jar_dump(client.cookies)
  vol.from_morsels(out['jar'] as StepResult[])
  if (has(out, 'session')) vol.from_json(out['session'])
  return out
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Runs every step of a case with its settings active, the clock frozen at 1700000000 and a
 * fresh database holding the oracle's users; returns the normalised, placeholder-substituted results.
 */
export async function run_case(case_: Case): Promise<StepResult[]> {
  const settings = site_settings(case_.settings ?? {})
  return with_clock(frozen_clock(FROZEN_EPOCH), () =>
    with_settings(settings, async () => {
      setup_database()
      const copts = case_.client ?? {}
      const is_async = copts['async'] === true
      const client = make_client(copts)
      const refs = new Refs(() => client.cookies)
      const vol = new Volatile(settings)
      const results: StepResult[] = []
      for (const step of case_.steps) {
        if (REQUEST_OPS.has(step.op)) results.push(await run_request(client, is_async, step, refs, vol))
        else results.push(await run_other(client, is_async, step, refs, vol, settings))
      }
      const plain = jsonable(results)
      return replace_all(plain, vol.placeholders(plain)) as StepResult[]
    }),
  )
}
