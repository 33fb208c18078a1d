/** What the view saw and what it returned, copied into plain data (`SeenRequest`, `SeenResponse`). */
import type { HttpRequest, HttpResponseBase, UploadedFile } from '../../engine/index.ts'
import type { SeenFile, SeenRequest, SeenResponse, Shown } from '../protocol.ts'
import { set_cookie_of } from './jar.ts'
import { to_shown } from './shown.ts'

/** How much of a body the snapshot keeps (the rest is only counted). */
export const BODY_LIMIT = 1024 * 1024
/** How much of an uploaded file the snapshot keeps, for the preview and the download. */
export const FILE_HEAD_LIMIT = 64 * 1024

const text = (bytes: Uint8Array | null): string | null => (bytes ? new TextDecoder().decode(bytes) : null)

/** Reads one field of the request, noting "ErrorName: message" instead when the read raises. */
function attempt<T>(errors: Record<string, string>, field: string, read: () => T, fallback: T): T {
  try {
    return read()
  } catch (error) {
    const e = error as Error
    errors[field] = `${e?.constructor?.name ?? 'Error'}: ${e?.message ?? String(error)}`
    return fallback
  }
}

/** The first bytes of an upload, leaving the file where the view will start reading it. */
function file_head(file: UploadedFile): Uint8Array {
  const position = file.tell()
  file.seek(0)
  const head = file.read(FILE_HEAD_LIMIT).slice()
  file.seek(position)
  return head
}

type AnyRequest = HttpRequest & {
  _body?: Uint8Array
  _read_started?: boolean
  user?: { is_authenticated: boolean; is_staff?: boolean; toString(): string; get_username?(): string }
  resolver_match?: {
    view_name: string
    route: string | null
    url_name: string | null
    args: unknown[]
    kwargs: Record<string, unknown>
    namespaces: string[]
  } | null
}

/**
 * The request as the view receives it. `sent_body` is what the client sent: the body shown when the
 * request's own stream was already consumed (CSRF's POST parsing of a multipart body reads it).
 */
export function seen_request(req: HttpRequest, sent_body: Uint8Array | null): SeenRequest {
  const request = req as AnyRequest
  const errors: Record<string, string> = {}
  const META: Record<string, string> = {}
  for (const [key, value] of Object.entries(request.META)) {
    if (typeof value === 'string') META[key] = value
    else if (value === null || typeof value !== 'object') META[key] = String(value)
    else META[key] = `<${(value as object).constructor?.name ?? 'object'}>`
  }
  // The body first: once POST has streamed a multipart body, `body` raises RawPostDataException.
  let body: Uint8Array | null = attempt(errors, 'body', () => (request._body === undefined && request._read_started ? null : request.body), null)
  if (body === null && !('body' in errors) && sent_body) body = sent_body
  const body_length = body?.length ?? 0
  if (body && body.length > BODY_LIMIT) body = body.slice(0, BODY_LIMIT)
  else if (body) body = body.slice()
  const GET = attempt(errors, 'GET', () => request.GET.lists().map(([k, v]) => [k, v.map(String)] as [string, string[]]), [])
  const POST = attempt(errors, 'POST', () => request.POST.lists().map(([k, v]) => [k, v.map(String)] as [string, string[]]), [])
  const FILES = attempt(errors, 'FILES', () => seen_files(request, errors), [])
  const COOKIES = attempt(errors, 'COOKIES', () => ({ ...request.COOKIES }), {})
  // A parse error the snapshot met first must still reach the view: let it parse again from the cached body.
  if ((errors.POST || errors.FILES) && request._body !== undefined) {
    const raw = request as unknown as { _post?: unknown; _files?: unknown }
    raw._post = undefined
    raw._files = undefined
  }
  const headers = attempt(errors, 'headers', () => request.headers.items().map(([k, v]) => [k, String(v)] as [string, string]), [])
  return {
    method: request.method ?? '',
    path: request.path,
    path_info: request.path_info,
    full_path: attempt(errors, 'full_path', () => request.get_full_path(), request.path),
    scheme: attempt(errors, 'scheme', () => request.scheme ?? '', ''),
    META,
    headers,
    GET,
    POST,
    FILES,
    COOKIES,
    body,
    body_length,
    resolver_match: attempt(errors, 'resolver_match', () => seen_match(request), null),
    user: attempt(errors, 'user', () => seen_user(request), null),
    errors,
  }
}

function seen_files(request: AnyRequest, errors: Record<string, string>): SeenFile[] {
  const files: SeenFile[] = []
  for (const [field, list] of request.FILES.lists()) {
    for (const file of list as UploadedFile[]) {
      const head = attempt(errors, `FILES.${field}`, () => file_head(file), new Uint8Array(0))
      files.push({
        field,
        name: file.name ?? '',
        size: file.size ?? head.length,
        content_type: file.content_type,
        charset: text(file.charset),
        head,
      })
    }
  }
  return files
}

function seen_match(request: AnyRequest): SeenRequest['resolver_match'] {
  const match = request.resolver_match
  if (!match) return null
  const kwargs: Record<string, Shown> = {}
  for (const [k, v] of Object.entries(match.kwargs ?? {})) kwargs[k] = to_shown(v)
  return {
    view_name: match.view_name,
    route: match.route,
    url_name: match.url_name,
    args: (match.args ?? []).map((a) => to_shown(a)),
    kwargs,
    namespaces: [...(match.namespaces ?? [])],
  }
}

function seen_user(request: AnyRequest): SeenRequest['user'] {
  // No AuthenticationMiddleware, no `request.user` (reading it must not create one).
  if (!('user' in request) || request.user === undefined) return null
  const user = request.user
  return { username: String(user), is_authenticated: Boolean(user.is_authenticated), is_staff: Boolean(user.is_staff) }
}

/** Called as a streaming response is drained: its head first, then each chunk as the view yields it. */
export interface StreamHooks {
  head(head: Omit<SeenResponse, 'body'>): void
  chunk(bytes: Uint8Array): void
}

/**
 * The response, its body drained (streaming content is consumed here, as a server would send it);
 * `stream` sees a streaming response's head and chunks as they come.
 */
export async function seen_response(response: HttpResponseBase, stream?: StreamHooks): Promise<SeenResponse> {
  const set_cookies = response.cookies.items().map(([key, morsel]) => set_cookie_of(key, morsel))
  const headers: Array<[string, string]> = response.items().map(([k, v]) => [k, String(v)])
  for (const cookie of set_cookies) headers.push(['Set-Cookie', cookie.header])
  const content_type = response.headers.get('Content-Type') ?? null
  const head = {
    status_code: response.status_code,
    reason_phrase: response.reason_phrase,
    headers,
    set_cookies,
    content_type: content_type === null ? null : String(content_type),
    charset: content_type ? response.charset : null,
    streaming: response.streaming,
  }
  let body: Uint8Array
  if (response.streaming) {
    stream?.head(head)
    const chunks: Uint8Array[] = []
    const content = (response as unknown as { streaming_content: Iterable<Uint8Array> | AsyncIterable<Uint8Array> }).streaming_content
    for await (const chunk of content) {
      chunks.push(chunk)
      stream?.chunk(chunk.slice())
    }
    body = concat(chunks)
  } else {
    body = ((response as unknown as { content: Uint8Array }).content ?? new Uint8Array(0)).slice()
  }
  return { ...head, body }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
