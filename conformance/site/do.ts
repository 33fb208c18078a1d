/** Port of oracle_site.py (do_view and its session and cookie ops): the scripted view `/do/`. */
import { KeyError, ValueError } from '../../app/engine/core/exceptions.ts'
import { pyrepr } from '../../app/engine/core/python.ts'
import { get_token, rotate_token } from '../../app/engine/csrf/tokens.ts'
import type { HttpRequest } from '../../app/engine/http/request.ts'
import type { HttpResponseBase, SetCookieOptions } from '../../app/engine/http/response-base.ts'
import { HttpResponseNotAllowed } from '../../app/engine/http/response-subclasses.ts'
import { HttpResponse } from '../../app/engine/http/response.ts'
import { StreamingHttpResponse } from '../../app/engine/http/streaming.ts'
import { utf8_decode } from '../../app/engine/core/encoding.ts'
import { json_response, session_of } from './echo.ts'
import { EXCEPTIONS, redirect_to } from './views.ts'

type Op = Record<string, unknown>

const has = (o: object, k: string) => Object.hasOwn(o, k)

/**
 * `datetime.fromisoformat(text)` as an instant: a naive value is UTC (Django makes it aware in
 * UTC before subtracting the frozen now).
 */
export function parse_iso_datetime(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text)
  if (m === null) throw new ValueError(`Invalid isoformat string: ${pyrepr(text)}`)
  const [, date, time, zone] = m
  const frac = /\.(\d+)$/.exec(time!)
  // JS dates hold milliseconds; Django's max-age arithmetic drops the microseconds anyway.
  const whole = frac ? time!.slice(0, frac.index) + '.' + frac[1]!.padEnd(3, '0').slice(0, 3) : time!
  return new Date(`${date}T${whole}${zone ?? 'Z'}`)
}

/** `_cookie_kwargs(op)`: only the keys the op has, so Django's defaults apply. */
function cookie_kwargs(op: Op): SetCookieOptions {
  const kw: Record<string, unknown> = {}
  for (const name of ['max_age', 'path', 'domain', 'secure', 'httponly', 'samesite']) {
    if (has(op, name)) kw[name] = op[name]
  }
  if (has(op, 'expires')) {
    let exp = op['expires']
    if (typeof exp === 'object' && exp !== null && has(exp, '$datetime')) {
      exp = parse_iso_datetime((exp as { $datetime: string }).$datetime)
    }
    kw['expires'] = exp
  }
  return kw as SetCookieOptions
}

function apply_cookie_ops(response: HttpResponseBase, ops: Op[]): void {
  for (const op of ops) {
    const kind = op['op']
    const key = op['key'] as string
    if (kind === 'set') {
      response.set_cookie(key, has(op, 'value') ? op['value'] : '', cookie_kwargs(op))
    } else if (kind === 'set_signed') {
      const salt = (has(op, 'salt') ? op['salt'] : '') as string
      response.set_signed_cookie(key, has(op, 'value') ? op['value'] : '', { salt, ...cookie_kwargs(op) })
    } else if (kind === 'delete') {
      const kw: Record<string, unknown> = {}
      for (const name of ['path', 'domain', 'samesite']) if (has(op, name)) kw[name] = op[name]
      response.delete_cookie(key, kw)
    } else {
      throw new ValueError(`unknown cookie op ${pyrepr(kind ?? null)}`)
    }
  }
}

function apply_session_ops(request: HttpRequest, ops: Op[]): void {
  const s = session_of(request)
  for (const op of ops) {
    const kind = op['op']
    if (kind === 'set') s.setitem(op['key'] as string, has(op, 'value') ? op['value'] : null)
    else if (kind === 'delete') s.pop(op['key'] as string, null)
    else if (kind === 'flush') s.flush()
    else if (kind === 'clear') s.clear()
    else if (kind === 'cycle_key') s.cycle_key()
    else if (kind === 'set_expiry') s.set_expiry((has(op, 'value') ? op['value'] : null) as number | null)
    else throw new ValueError(`unknown session op ${pyrepr(kind ?? null)}`)
  }
}

// Python's truthiness for the JSON values a spec holds.
const truthy = (v: unknown) =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)) &&
  !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)

/** `/do/`: the spec is JSON from the `spec` query parameter, else from the body. */
export function do_view(request: HttpRequest): HttpResponseBase {
  let spec: Record<string, unknown>
  if (request.GET.has('spec')) spec = JSON.parse(request.GET.getitem('spec') as string)
  else {
    const body = request.body
    spec = JSON.parse(body.length ? utf8_decode(body) : '{}')
  }
  const get = (k: string, d: unknown = null) => (has(spec, k) ? spec[k] : d)
  if (truthy(get('session'))) apply_session_ops(request, spec['session'] as Op[])
  if (get('csrf') === 'get_token') get_token(request)
  else if (get('csrf') === 'rotate') rotate_token(request)
  if (truthy(get('raise'))) {
    const make = EXCEPTIONS[spec['raise'] as string]
    if (make === undefined) throw new KeyError(pyrepr(spec['raise']))
    throw make()
  }
  const status = get('status', 200) as number
  let response: HttpResponseBase
  if (has(spec, 'redirect')) response = redirect_to(spec['redirect'] as string, get('status', 302))
  else if (has(spec, 'json')) response = json_response(spec['json'], status)
  else if (has(spec, 'stream')) response = new StreamingHttpResponse(spec['stream'] as unknown[], { status })
  else if (has(spec, 'not_allowed')) response = new HttpResponseNotAllowed(spec['not_allowed'] as string[])
  else {
    const kw: { content_type?: string; reason?: string } = {}
    if (has(spec, 'content_type')) kw.content_type = spec['content_type'] as string
    if (has(spec, 'reason')) kw.reason = spec['reason'] as string
    response = new HttpResponse(get('text', 'done'), { status, ...kw })
  }
  for (const [name, value] of Object.entries((get('headers', {}) ?? {}) as Record<string, unknown>)) {
    response.setitem(name, value)
  }
  if (truthy(get('cookies'))) apply_cookie_ops(response, spec['cookies'] as Op[])
  return response
}
