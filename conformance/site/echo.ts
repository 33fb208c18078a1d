/** Port of oracle_site.py (echo_payload, echo, echo_body, echo_strict): views that report what the request holds. */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { b64encode_text } from '../../app/engine/auth/hashers-pbkdf2.ts'
import { AttributeError } from '../../app/engine/core/exceptions.ts'
import { latin1_decode } from '../../app/engine/core/encoding.ts'
import type { HttpRequest } from '../../app/engine/http/request.ts'
import { JsonResponse } from '../../app/engine/http/response-subclasses.ts'
import type { HttpResponseBase } from '../../app/engine/http/response-base.ts'

/** `JsonResponse(data, status=status, safe=False, json_dumps_params={'sort_keys': True})`. */
export function json_response(data: unknown, status = 200): JsonResponse {
  return new JsonResponse(data, { status, safe: false, json_dumps_params: { sort_keys: true } })
}

/** `{"$error": ClassName, "message": str(e)}`: the engine's errors carry Python's class name. */
export function error_dict(e: unknown): { $error: string; message: string } {
  if (e instanceof Error) return { $error: e.name, message: e.message }
  return { $error: typeof e, message: String(e) }
}

/** Python's `obj.name`: AttributeError when the object has no such attribute (no middleware set it). */
export function pyattr<T>(obj: object, name: string): T {
  const value = (obj as Record<string, unknown>)[name]
  if (value === undefined) throw new AttributeError(`'${obj.constructor.name}' object has no attribute '${name}'`)
  return value as T
}

interface UserLike {
  is_anonymous: boolean
  get_username(): string
}

/** `request.user.get_username()`, or null for an anonymous user. */
export function user_repr(request: HttpRequest): string | null {
  const user = pyattr<UserLike>(request, 'user')
  return user.is_anonymous ? null : user.get_username()
}

/** The request's session (AttributeError without SessionMiddleware, as in Django). */
export function session_of(request: HttpRequest) {
  return pyattr<NonNullable<HttpRequest['session']>>(request, 'session')
}

interface UploadLike {
  name: string | null
  size: number | null
  content_type: string | null
  charset: Uint8Array | string | null
  content_type_extra: Record<string, Uint8Array | string> | null
  seek(pos: number): number
  read(): Uint8Array
}

// Bytes parameter values are decoded as latin-1, as the oracle does for Django 3.2.
const text = (v: Uint8Array | string | null) => (v instanceof Uint8Array ? latin1_decode(v) : v)

function files_summary(request: HttpRequest): unknown[] {
  return request.FILES.lists().map(([field, files]) => [
    field,
    (files as UploadLike[]).map((f) => {
      f.seek(0)
      const content = f.read()
      const extra: Record<string, string | null> = {}
      for (const [k, v] of Object.entries(f.content_type_extra ?? {})) extra[k] = text(v)
      return {
        name: f.name,
        size: f.size,
        content_type: f.content_type,
        charset: text(f.charset),
        content_type_extra: extra,
        sha256: bytesToHex(sha256(content)),
        read_len: content.length,
      }
    }),
  ])
}

const lists = (qd: { lists(): Array<[string, unknown[]]> }) => qd.lists().map(([k, v]) => [k, [...v]])

/**
 * The echo payload: each field computed in this order, a field that raises recording
 * `{"$error", "message"}`. With `body_first`, `body` is read before anything else.
 */
export function echo_payload(request: HttpRequest, body_first = false): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const field = (name: string, fn: () => unknown) => {
    try {
      out[name] = fn()
    } catch (e) {
      out[name] = error_dict(e)
    }
  }
  if (body_first) {
    field('body', () => {
      const b = request.body
      return { len: b.length, sha256: bytesToHex(sha256(b)), head_b64: b64encode_text(b.subarray(0, 256)) }
    })
  }
  field('method', () => request.method)
  field('scheme', () => request.scheme)
  field('path', () => request.path)
  field('path_info', () => request.path_info)
  field('full_path', () => request.get_full_path())
  field('full_path_info', () => request.get_full_path_info())
  field('is_secure', () => request.is_secure())
  field('host', () => request.get_host())
  field('port', () => request.get_port())
  field('absolute_uri', () => request.build_absolute_uri())
  field('GET', () => lists(request.GET))
  field('POST', () => lists(request.POST))
  field('FILES', () => files_summary(request))
  if (!body_first) field('body_len', () => request.body.length)
  field('COOKIES', () => ({ ...request.COOKIES }))
  field('META', () => Object.fromEntries(Object.entries(request.META).filter(([, v]) => typeof v === 'string')))
  field('headers', () => Object.fromEntries(request.headers.items()))
  field('content_type', () => request.content_type)
  field('content_params', () => request.content_params)
  field('encoding', () => request.encoding)
  field('session', () => Object.fromEntries(session_of(request).items()))
  field('session_key', () => session_of(request).session_key)
  field('user', () => user_repr(request))
  return out
}

/** `/echo/` and `/echo/<path:rest>`. */
export function echo(request: HttpRequest): HttpResponseBase {
  return json_response(echo_payload(request))
}

/** `/echo-body/`: the body is read first. */
export function echo_body(request: HttpRequest): HttpResponseBase {
  return json_response(echo_payload(request, true))
}

/** `/echo-strict/`: no error guarding, so parse errors become Django's error responses. */
export function echo_strict(request: HttpRequest): HttpResponseBase {
  return json_response({
    GET: lists(request.GET),
    POST: lists(request.POST),
    FILES: request.FILES.lists().map(([k, v]) => [k, (v as UploadLike[]).map((f) => f.name)]),
  })
}
