/**
 * The projects the playground ships. The welcome project opens on a first visit: its files are
 * real .ts files here (type-checked by welcome/tsconfig.json) read as text at build time.
 */
import type { ComposedRequest, ProjectFiles } from '../runtime/protocol.ts'

const welcomeSources = import.meta.glob<string>('./welcome/*.ts', { query: '?raw', import: 'default', eager: true })

/** `./welcome/views.ts` → `views.ts`, in the order the tabs show them. */
function projectFiles(sources: Record<string, string>): ProjectFiles {
  const files: ProjectFiles = {}
  for (const [path, text] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
    files[path.slice(path.lastIndexOf('/') + 1)] = text
  }
  return files
}

/** A request as the composer starts it: a GET with every option off, and the given changes. */
function request(method: string, url: string, extra: Partial<ComposedRequest> = {}): ComposedRequest {
  const body = { kind: 'none' } as const
  return { method, url, headers: [], body, follow: false, secure: false, enforce_csrf_checks: false, ...extra }
}

/** The first-visit project: settings.ts, urls.ts and views.ts. */
export const WELCOME_PROJECT: ProjectFiles = projectFiles(welcomeSources)

/** Requests that show the welcome project's ideas, the first one loaded into the composer. */
export const WELCOME_REQUESTS: ComposedRequest[] = [
  request('GET', '/echo/?q=hello&q=world', { headers: [['User-Agent', 'Request Playground']] }),
  request('POST', '/echo/', { body: { kind: 'urlencoded', fields: [['name', 'Ada'], ['lang', 'en']] } }),
  request('GET', '/form/'),
  // No token and checks enforced: CsrfViewMiddleware answers 403 before the view runs.
  request('POST', '/form/', { body: { kind: 'urlencoded', fields: [['name', 'Ada']] }, enforce_csrf_checks: true }),
  request('POST', '/login/', {
    body: { kind: 'urlencoded', fields: [['username', 'alice'], ['password', 'wonderland']] },
    follow: true,
  }),
  request('GET', '/whoami/'),
  request('GET', '/cookie/?flavour=oatmeal'),
  request('GET', '/counter/'),
  // A multipart body with a file: the view lists what arrived in request.FILES.
  request('POST', '/upload/', {
    body: {
      kind: 'multipart',
      fields: [],
      files: [{ field: 'files', name: 'hello.txt', content_type: 'text/plain', content: new TextEncoder().encode('Hello, Django!\n') }],
    },
  }),
  // Two redirects followed: the inspector lists the chain.
  request('GET', '/hop/1/', { follow: true }),
]
