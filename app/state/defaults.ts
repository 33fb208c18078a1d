/** Fallbacks for a first visit when no example project is given, and the empty composed request. */
import type { ComposedRequest, ProjectFiles } from '../runtime/protocol.ts'
import type { Prefs } from './types.ts'

/** A tiny working project; the app passes the richer WELCOME_PROJECT from app/examples instead. */
export const MINIMAL_PROJECT: ProjectFiles = {
  'settings.ts': `export const settings = {
  DEBUG: true,
  SECRET_KEY: 'playground-not-secret',
  MIDDLEWARE: [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
  ],
  PASSWORD_HASHERS: ['playground.hashers.FastPBKDF2PasswordHasher'],
}

export const users = [{ username: 'alice', password: 'alice-pass', is_staff: true }]
`,
  'urls.ts': `import { path } from 'django/urls'
import { echo } from './views'

export const urlpatterns = [path('echo/', echo)]
`,
  'views.ts': `import { JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'

export function echo(request: HttpRequest) {
  return new JsonResponse({ method: request.method, GET: Object.fromEntries(request.GET.items()) })
}
`,
}

/** A GET to `/echo/` with nothing else set. */
export function defaultComposer(url = '/echo/'): ComposedRequest {
  return {
    method: 'GET',
    url,
    headers: [],
    body: { kind: 'none' },
    follow: false,
    secure: false,
    enforce_csrf_checks: false,
  }
}

export const DEFAULT_PREFS: Prefs = { autoRerun: true, timeout_ms: 5000, theme: 'system' }

/** The file the editor opens first. */
export function firstPath(files: ProjectFiles): string {
  return 'views.ts' in files ? 'views.ts' : (Object.keys(files)[0] ?? '')
}
