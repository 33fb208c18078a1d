/**
 * The messages between the page and the isolated runtime, and the plain data they carry. Nothing
 * here is a live engine object: every value survives `structuredClone` (postMessage), so the
 * state can hold it and the page never shares objects with user code.
 *
 *   page (RuntimeHost) ──postMessage──► sandboxed iframe (relay) ──postMessage──► Worker (site)
 */

/** The user's project: file path → source text (`settings.ts`, `urls.ts`, `views.ts`, ...). */
export type ProjectFiles = Record<string, string>

/** One uploaded file in a composed multipart body. */
export interface ComposedFile {
  /** The form field name. */
  field: string
  /** The file name sent in Content-Disposition. */
  name: string
  /** The part's Content-Type. */
  content_type: string
  /** The bytes. */
  content: Uint8Array
}

/** The body of a composed request. */
export type ComposedBody =
  | { kind: 'none' }
  | { kind: 'urlencoded'; fields: Array<[string, string]> }
  | { kind: 'multipart'; fields: Array<[string, string]>; files: ComposedFile[] }
  | { kind: 'json'; text: string }
  | { kind: 'raw'; text: string; content_type: string }
  | { kind: 'binary'; content: Uint8Array; content_type: string; name: string }

/** A cookie in the client's jar, as the inspector shows and edits it. */
export interface JarCookie {
  key: string
  value: string
  /** Morsel attributes that are set (`path`, `expires`, `max-age`, `domain`, `secure`, `httponly`, `samesite`). */
  attrs: Record<string, string | number | boolean>
  /** Epoch milliseconds when the cookie was stored: `Max-Age` counts from here. */
  set_at?: number
  /** Why a browser would refuse this cookie; it stays listed, and the preview never sends it. */
  refused?: string
}

/** Where an exchange came from. */
export type ExchangeSource = 'composer' | 'preview' | 'script'

/** What the composer sends: a test-client request as plain data. */
export interface ComposedRequest {
  /** Any method; the client's own (`get`, `post`, ...) or a custom one through `generic()`. */
  method: string
  /** Path with an optional query string (`/echo/?a=1`). */
  url: string
  /** Header name → value (Cookie, Host and other browser-forbidden headers allowed). */
  headers: Array<[string, string]>
  body: ComposedBody
  follow: boolean
  secure: boolean
  enforce_csrf_checks: boolean
}

/** A value as the inspector shows it: text for strings, or a JSON-able rendering. */
export type Shown = string | number | boolean | null | Shown[] | { [key: string]: Shown }

/** An uploaded file as the view saw it in FILES. */
export interface SeenFile {
  field: string
  name: string
  size: number
  content_type: string | null
  charset: string | null
  /** The first bytes (up to 64 KiB), for the preview and the download. */
  head: Uint8Array
}

/** The request as the view received it (after every middleware ran). */
export interface SeenRequest {
  method: string
  path: string
  path_info: string
  full_path: string
  scheme: string
  META: Record<string, string>
  headers: Array<[string, string]>
  GET: Array<[string, string[]]>
  POST: Array<[string, string[]]>
  FILES: SeenFile[]
  COOKIES: Record<string, string>
  /** The raw body (up to 1 MiB), or null when it could not be read (a parse error). */
  body: Uint8Array | null
  body_length: number
  resolver_match: {
    view_name: string
    route: string | null
    url_name: string | null
    args: Shown[]
    kwargs: Record<string, Shown>
    namespaces: string[]
  } | null
  /** `str(request.user)` and whether it is authenticated, or null without AuthenticationMiddleware. */
  user: { username: string; is_authenticated: boolean; is_staff: boolean } | null
  /** A read that raised instead (`POST` on a malformed body, ...): field → "ErrorName: message". */
  errors: Record<string, string>
}

/** A Set-Cookie header, parsed. */
export interface SetCookie {
  key: string
  value: string
  attrs: Record<string, string | number | boolean>
  /** The header value as sent. */
  header: string
}

/** The response the view (and the middleware) returned. */
export interface SeenResponse {
  status_code: number
  reason_phrase: string
  headers: Array<[string, string]>
  set_cookies: SetCookie[]
  content_type: string | null
  charset: string | null
  body: Uint8Array
  streaming: boolean
}

/** An error the view (or middleware) raised, with the user's own file and line when known. */
export interface SeenError {
  type: string
  message: string
  stack: string
  /** The first frame in the user's project: `views.ts:12:5`. */
  location: { file: string; line: number; column: number } | null
}

/** One console call made by user code during the exchange. */
export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  text: string
}

/** One request/response round trip, as the inspector and the history keep it. */
export interface Exchange {
  id: string
  /** Epoch milliseconds when it was sent. */
  started_at: number
  /** Milliseconds the runtime took. */
  duration_ms: number
  composed: ComposedRequest
  /** What the view received; null when no view ran (404 from routing, middleware short-circuit). */
  request: SeenRequest | null
  response: SeenResponse | null
  /** The session as a dict before and after the view, keyed by session key; null without sessions. */
  session_before: Record<string, Shown> | null
  session_after: Record<string, Shown> | null
  /** `[url, status]` pairs when redirects were followed. */
  redirect_chain: Array<[string, number]>
  console: ConsoleEntry[]
  error: SeenError | null
  /** The jar after the exchange. */
  jar: JarCookie[]
  /** Set when the runtime stopped the request (timeout) or could not run it (build error). */
  failure: { kind: 'timeout' | 'build' | 'crash'; message: string } | null
  /** Who sent it: the composer (the test client), the preview pane (a real browser), or requests.ts. */
  source?: ExchangeSource
  /** The Cookie header a browser would have sent for this URL, when it differs from what was sent. */
  browser_cookie?: { sent: string; browser: string } | null
  /** What a browser made of this response's cookies: refused ones and why. */
  cookie_notes?: Array<{ key: string; note: string }>
}

/** A user of the site, for the one-click login actions. */
export interface SiteUser {
  id: number
  username: string
  is_active: boolean
  is_staff: boolean
  is_superuser: boolean
}

/** What the site reported after (re)building from the project. */
export interface BuildResult {
  ok: boolean
  /** The build error (a syntax or import error, a settings error) with its file and line. */
  error: SeenError | null
  users: SiteUser[]
  console: ConsoleEntry[]
}

/** A client action on the jar and the session, run in the site. */
export type ClientAction =
  | { kind: 'login'; username: string; password: string }
  | { kind: 'force_login'; username: string }
  | { kind: 'logout' }

/** How a script run ended: its error (with file and line) and its console output. */
export interface ScriptResult {
  error: SeenError | null
  console: ConsoleEntry[]
}

/** A fetch `Request` flattened for postMessage (from the service worker), its URL as the site sees it. */
export interface WireRequest {
  /** The site's URL (`http://testserver/echo/?a=1`): the preview's prefix already taken off. */
  url: string
  method: string
  headers: Array<[string, string]>
  body: Uint8Array | null
}

/** A fetch `Response` flattened for postMessage (to the service worker). */
export interface WireResponse {
  status: number
  statusText: string
  headers: Array<[string, string]>
  body: Uint8Array | null
  /** `document.cookie` for the page after this response (the jar's script-visible cookies). */
  script_cookies?: string
}

/** A streaming response as it comes: its head (no body yet), then each chunk; `fetch` still resolves at the end. */
export interface FetchStream {
  head(response: WireResponse): void
  chunk(bytes: Uint8Array): void
}

/** Page → runtime. Every request carries an id its answer repeats. */
export type HostMessage =
  | { type: 'build'; id: string; files: ProjectFiles }
  | { type: 'request'; id: string; request: ComposedRequest; jar: JarCookie[] }
  | { type: 'action'; id: string; action: ClientAction; jar: JarCookie[] }
  | { type: 'script'; id: string; file: string; jar: JarCookie[] }
  | { type: 'fetch'; id: string; request: WireRequest; jar: JarCookie[] }

/** Runtime → page. */
export type RuntimeMessage =
  | { type: 'ready' }
  | { type: 'built'; id: string; result: BuildResult }
  | { type: 'exchange'; id: string; exchange: Exchange }
  | { type: 'action-done'; id: string; ok: boolean; jar: JarCookie[]; message: string | null }
  | { type: 'script-exchange'; id: string; exchange: Exchange }
  | { type: 'script-done'; id: string; error: SeenError | null; console: ConsoleEntry[] }
  | { type: 'fetch-head'; id: string; response: WireResponse }
  | { type: 'fetch-chunk'; id: string; chunk: Uint8Array }
  | { type: 'fetched'; id: string; response: WireResponse; exchange: Exchange }

/** The page-side API of the runtime, as state and components use it. */
export interface RuntimeHost {
  /** (Re)builds the site from the project; resolves when it is ready or failed. */
  build(files: ProjectFiles): Promise<BuildResult>
  /** Sends one composed request with the given jar; times out after `timeout_ms` (then restarts). */
  send(request: ComposedRequest, jar: JarCookie[]): Promise<Exchange>
  /** Runs a client action (login, force_login, logout) and returns the new jar. */
  act(action: ClientAction, jar: JarCookie[]): Promise<{ ok: boolean; jar: JarCookie[]; message: string | null }>
  /**
   * Answers a request from the preview pane (a real browser) with `jar` as the browser's cookies;
   * `stream` gets a streaming response's head and chunks as the view yields them.
   */
  fetch(request: WireRequest, jar: JarCookie[], stream?: FetchStream): Promise<{ response: WireResponse; exchange: Exchange }>
  /**
   * Runs a script file (`requests.ts`, written against Client/AsyncClient) with the given jar;
   * `on_exchange` gets each request's exchange as it completes. The time limit covers the whole script.
   */
  script(file: string, jar: JarCookie[], on_exchange: (exchange: Exchange) => void): Promise<ScriptResult>
  /** Stops the runtime for good. */
  dispose(): void
}
