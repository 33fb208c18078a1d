/**
 * Views take the request Django built and return a response. Edit one: the site rebuilds and
 * your last GET runs again. Try the requests in the composer, or send your own.
 */
import { authenticate, login, logout } from 'django/contrib/auth'
import { login_required } from 'django/contrib/auth/decorators'
import type { AnonymousUser, User } from 'django/contrib/auth/models'
import { HttpResponse, JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'
import { get_token } from 'django/middleware/csrf'
import { redirect } from 'django/shortcuts'
import { require_http_methods } from 'django/views/decorators/http'

/** A map of the site. */
export function home(_request: HttpRequest) {
  const links = ['/echo/?q=hello', '/echo/world/', '/form/', '/login/', '/whoami/', '/secret/', '/cookie/', '/counter/']
  return page('Welcome', `<ul>${links.map((l) => `<li><a href="${l}">${l}</a></li>`).join('')}</ul>`)
}

/** What the view received: method, path, query string, form data, cookies, a header. */
export function echo(request: HttpRequest) {
  console.log('echo:', request.method, request.get_full_path())
  return new JsonResponse({
    method: request.method,
    path: request.path,
    GET: request.GET.dict(),
    POST: request.POST.dict(),
    COOKIES: request.COOKIES,
    content_type: request.content_type,
    user_agent: request.headers.get('User-Agent'),
  })
}

/** A captured URL part arrives as a keyword argument: `echo/<str:word>/`. */
export function echo_word(request: HttpRequest, { word }: { word: string }) {
  return new JsonResponse({ word, path: request.path })
}

/**
 * GET shows a form carrying a CSRF token; POST is checked by CsrfViewMiddleware first. Turn on
 * "enforce CSRF checks" in the composer and POST without the token to see the 403.
 */
export const form = require_http_methods(['GET', 'POST'])((request: HttpRequest) => {
  if (request.method === 'POST') {
    const name = request.POST.get('name') ?? 'stranger'
    return page('Thanks', `<p>Hello, ${escape(name)}! Your CSRF token checked out.</p>`)
  }
  return page('A form', `<form method="post" action="/form/">
  ${csrfInput(request)}
  <label>Your name <input name="name" value="Ada"></label>
  <button>Send</button>
</form>`)
})

/** Log in with a user from settings.ts (alice / wonderland, bob / builder). */
export const login_view = require_http_methods(['GET', 'POST'])((request: HttpRequest) => {
  let error = ''
  if (request.method === 'POST') {
    const credentials = { username: request.POST.get('username'), password: request.POST.get('password') }
    const user = authenticate(request, credentials)
    if (user !== null) {
      login(request, user)
      return redirect(request.GET.get('next') ?? '/whoami/')
    }
    error = '<p role="alert">Wrong username or password.</p>'
  }
  return page('Log in', `${error}<form method="post">
  ${csrfInput(request)}
  <label>Username <input name="username" value="alice"></label>
  <label>Password <input name="password" type="password" value="wonderland"></label>
  <button>Log in</button>
</form>`)
})

/** Log out: the session is flushed and gets a new key. */
export function logout_view(request: HttpRequest) {
  logout(request)
  return redirect('/whoami/')
}

/** Who the request belongs to, as AuthenticationMiddleware set `request.user`. */
export function whoami(request: HttpRequest) {
  const user = request.user as User | AnonymousUser
  return new JsonResponse({
    username: user.get_username(),
    is_authenticated: user.is_authenticated,
    is_staff: user.is_staff,
    session_key: request.session?.session_key ?? null,
  })
}

/** Only for logged-in users; anyone else is redirected to LOGIN_URL with `?next=`. */
export const secret = login_required((request: HttpRequest) => {
  const user = request.user as User
  return new HttpResponse(`The secret is safe with you, ${user.get_username()}.`, { content_type: 'text/plain' })
})

/** Reads the cookie the last response set, then sets it again (`?flavour=` changes it). */
export function cookie(request: HttpRequest) {
  const flavour = request.GET.get('flavour') ?? 'ginger'
  const response = new JsonResponse({ you_sent: request.COOKIES['flavour'] ?? null, setting: flavour })
  response.set_cookie('flavour', flavour, { max_age: 3600, samesite: 'Lax' })
  return response
}

/** A counter kept in the session: each request from the same client adds one. */
export function counter(request: HttpRequest) {
  // SessionMiddleware sets request.session; the type leaves it optional because the middleware is.
  const session = request.session!
  const visits = Number(session.get('visits') ?? 0) + 1
  session.setitem('visits', visits)
  return new JsonResponse({ visits })
}

function csrfInput(request: HttpRequest) {
  return `<input type="hidden" name="csrfmiddlewaretoken" value="${get_token(request)}">`
}

function page(title: string, body: string) {
  const html = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`
  return new HttpResponse(html, { content_type: 'text/html; charset=utf-8' })
}

function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
