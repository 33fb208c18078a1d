/** The playground store's shape: plain data only (no live engine objects), so it persists and clones. */
import type {
  BuildResult,
  ComposedBody,
  ComposedRequest,
  Exchange,
  JarCookie,
  ProjectFiles,
  ScriptResult,
  SiteUser,
} from '../runtime/protocol.ts'

/** The project being edited. The editor uses exactly these actions. */
export interface ProjectSlice {
  files: ProjectFiles
  activePath: string
  setFile(path: string, text: string): void
  addFile(path: string, text?: string): void
  renameFile(from: string, to: string): void
  deleteFile(path: string): void
  setActivePath(path: string): void
  replaceProject(files: ProjectFiles): void
}

/** The request being composed. */
export interface ComposerSlice {
  composer: ComposedRequest
  setComposer(patch: Partial<ComposedRequest>): void
  setBody(body: ComposedBody): void
  loadRequest(request: ComposedRequest): void
}

/** Past exchanges (newest first), the selected one and up to two picked for comparison. */
export interface ExchangesSlice {
  exchanges: Exchange[]
  selectedId: string | null
  compareIds: string[]
  addExchange(exchange: Exchange): void
  selectExchange(id: string | null): void
  toggleCompare(id: string): void
  clearHistory(): void
}

/** The test client's cookie jar. */
export interface JarSlice {
  jar: JarCookie[]
  setJar(jar: JarCookie[]): void
  putCookie(cookie: JarCookie, previousKey?: string): void
  removeCookie(key: string): void
}

/** What the runtime last said. Not persisted: it is rebuilt from the project on load. */
export interface RuntimeInfo {
  status: 'idle' | 'building' | 'ready' | 'error'
  build: BuildResult | null
  users: SiteUser[]
  /** The request in flight (its method and URL), for the busy indicator. */
  sending: string | null
  /** The last action's message (login failed, ...). */
  notice: string | null
  /** The script (requests.ts) running now, and how the last run ended. */
  script: { running: string | null; result: ScriptResult | null }
}

export interface RuntimeSlice {
  runtime: RuntimeInfo
  setRuntime(patch: Partial<RuntimeInfo>): void
}

/** The preview pane: its service worker, and the page it shows (plain data; not persisted). */
export interface PreviewInfo {
  worker:
    | { state: 'starting' }
    | { state: 'active'; recovered: boolean }
    | { state: 'unavailable'; reason: string; detail?: string }
  /** The site path the pane shows (`/echo/?a=1`), as the address bar has it. */
  path: string
  /** The page's title, once a page said it. */
  title: string
  /** The pane's own back/forward list (site paths) and where in it the page is. */
  entries: string[]
  index: number
  /** Bumped to make the pane load `path` (address bar, back, forward, reload). */
  loads: number
  /** A load the pane asked for is under way: where it ends (after redirects) replaces its entry. */
  pending: boolean
}

export interface PreviewSlice {
  preview: PreviewInfo
  setPreview(patch: Partial<PreviewInfo>): void
  /** The pane arrived at `path` by itself (a link, a form, a redirect): a new entry, forward dropped. */
  previewArrived(path: string): void
  /** Load `path` in the pane as a new entry (the address bar). */
  previewGo(path: string): void
  /** Back (-1), forward (+1) or reload (0). */
  previewStep(delta: -1 | 0 | 1): void
}

export interface Prefs {
  /** Re-run the last GET after a rebuild triggered by an edit. */
  autoRerun: boolean
  timeout_ms: number
  /** 'system' follows prefers-color-scheme. */
  theme: 'system' | 'light' | 'dark'
}

export interface PrefsSlice {
  prefs: Prefs
  setPrefs(patch: Partial<Prefs>): void
}

export type PlaygroundState = ProjectSlice &
  ComposerSlice &
  ExchangesSlice &
  JarSlice &
  RuntimeSlice &
  PrefsSlice &
  PreviewSlice

/** What is saved locally: everything the user made. */
export interface PersistedState {
  files: ProjectFiles
  activePath: string
  composer: ComposedRequest
  exchanges: Exchange[]
  selectedId: string | null
  jar: JarCookie[]
  prefs: Prefs
}
