/** A small project and composed requests for the runtime's tests. */
import type { ComposedRequest, ProjectFiles } from '../protocol.ts'

/** settings.ts, urls.ts and views.ts with sessions, auth, CSRF, a login, a counter, a console call and a crash (all sync views). */
export const PROJECT: ProjectFiles = {
  'settings.ts': `export const settings = {
  DEBUG: true,
  SECRET_KEY: 'test-secret',
  MIDDLEWARE: [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
  ],
  PASSWORD_HASHERS: ['playground.hashers.FastPBKDF2PasswordHasher'],
}
export const users = [{ username: 'alice', password: 'wonderland', is_staff: true }]
`,
  'urls.ts': `import { path } from 'django/urls'
import * as views from './views'

export const urlpatterns = [
  path('echo/', views.echo),
  path('count/', views.count),
  path('upload/', views.upload),
  path('boom/', views.boom),
  path('cookie/', views.cookie),
]
`,
  'views.ts': `import { HttpResponse, JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'

export function echo(request: HttpRequest) {
  console.log('echo', request.method)
  return new JsonResponse({ method: request.method, GET: request.GET.dict(), POST: request.POST.dict() })
}

export function count(request: any) {
  const n = (request.session.get('n') ?? 0) + 1
  request.session.setitem('n', n)
  return new HttpResponse(String(n))
}

export function upload(request: any) {
  const file = request.FILES.get('doc')
  return new HttpResponse(file.name + ':' + file.size + ':' + new TextDecoder().decode(file.read()))
}

export function boom(_request: any) {
  const x: any = null
  return x.explode()
}

export function cookie(_request: any) {
  const response = new HttpResponse('set')
  response.set_cookie('flavour', 'ginger', { max_age: 60 })
  return response
}
`,
}

/** A composed GET (or another method) with no body and no CSRF checks. */
export function composed(method: string, url: string, extra: Partial<ComposedRequest> = {}): ComposedRequest {
  return { method, url, headers: [], body: { kind: 'none' }, follow: false, secure: false, enforce_csrf_checks: false, ...extra }
}
