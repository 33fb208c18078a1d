/**
 * Views take the request Django built and return a response. Edit one: the site rebuilds and
 * your last GET runs again. Try the requests in the composer, or open `/` in the preview.
 */
import { authenticate, login, logout } from 'django/contrib/auth'
import { login_required } from 'django/contrib/auth/decorators'
import type { AnonymousUser, User } from 'django/contrib/auth/models'
import { HttpResponse, JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'
import { get_token } from 'django/middleware/csrf'
import { redirect } from 'django/shortcuts'
import { reverse } from 'django/urls'
import { require_GET, require_http_methods, require_POST } from 'django/views/decorators/http'

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

/** A map of the site. Every link comes from `reverse()`, so a path changed in urls.ts stays linked. */
export function home(_request: HttpRequest) {
  const link = (name: string, text: string) => `<li><a href="${reverse(name)}">${text}</a></li>`
  return page('Welcome', `<p>A Django site running in your browser. Click around: every request
shows up in the history, and you can edit the views in views.ts.</p>
<h2>Pages</h2>
<ul>
  ${link('note', 'A form that saves to the session, then redirects')}
  ${link('login', 'Log in (alice / wonderland)')}
  ${link('secret', 'A page for logged-in users only')}
  ${link('upload', 'Upload files')}
  ${link('scripts', 'fetch() and XMLHttpRequest from a page script')}
  <li><a href="${reverse('hop', { args: [1] })}">Two redirects in a row</a></li>
  ${link('download', 'Download hello.txt')}
</ul>
<h2>Plain answers</h2>
<ul>
  <li><a href="${reverse('echo')}?q=hello">What the view received</a> (JSON)</li>
  <li><a href="${reverse('echo-word', { kwargs: { word: 'world' } })}">A word captured from the path</a></li>
  ${link('whoami', 'Who am I?')}
  ${link('cookie', 'A cookie, set and read back')}
  ${link('counter', 'A counter in the session')}
  ${link('form', 'A form checked for its CSRF token')}
  ${link('logout', 'Log out')}
</ul>`)
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
  return page('A form', `<form method="post" action="${reverse('form')}">
  ${csrfInput(request)}
  <label>Your name <input name="name" value="Ada"></label>
  <button>Send</button>
</form>`)
})

/**
 * Post/Redirect/Get: a valid POST stores the note in the session and answers 302, so the browser
 * GETs the next page and a reload there does not send the form again.
 */
export const note = require_http_methods(['GET', 'POST'])((request: HttpRequest) => {
  if (request.method === 'POST') {
    request.session!.setitem('note', request.POST.get('note') ?? '')
    return redirect('note-saved')
  }
  return page('Leave a note', `<form method="post" action="${reverse('note')}">
  ${csrfInput(request)}
  <label>Your note <input name="note" value="Remember the milk"></label>
  <button>Save</button>
</form>`)
})

/** Where the note's POST redirected to: it reads the value back from the session. */
export function note_saved(request: HttpRequest) {
  const saved = request.session!.get('note')
  const text = typeof saved === 'string' ? `<p>Your session holds: <q>${escape(saved)}</q></p>` : '<p>No note yet.</p>'
  return page('Saved', `${text}<p><a href="${reverse('note')}">Write another</a></p>`)
}

/** Log in with a user from settings.ts (alice / wonderland, bob / builder). */
export const login_view = require_http_methods(['GET', 'POST'])((request: HttpRequest) => {
  let error = ''
  let username = 'alice'
  if (request.method === 'POST') {
    username = request.POST.get('username') ?? ''
    const credentials = { username, password: request.POST.get('password') }
    const user = authenticate(request, credentials)
    if (user !== null) {
      login(request, user)
      // `?next=` came from login_required; follow it only within this site (Django checks the same).
      const next = request.GET.get('next') ?? ''
      const local = next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
      return redirect(local ? next : reverse('whoami'))
    }
    error = '<p role="alert">Wrong username or password.</p>'
  }
  // No `action`: the form posts back to this very URL, `?next=` included.
  return page('Log in', `${error}<form method="post">
  ${csrfInput(request)}
  <label>Username <input name="username" value="${escape(username)}"></label>
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

/** The parts of Django's UploadedFile this page reads. */
interface Upload {
  name: string | null
  size: number | null
  content_type: string | null
}

/**
 * A multipart form: the files arrive in `request.FILES` (field → files), the other fields in
 * `request.POST`. Everything the client chose is escaped before it goes into the HTML.
 */
export const upload = require_http_methods(['GET', 'POST'])((request: HttpRequest) => {
  let result = ''
  if (request.method === 'POST') {
    const rows = request.FILES.lists().flatMap(([field, files]) =>
      (files as Upload[]).map((file) =>
        `<tr><td>${escape(field)}</td><td>${escape(file.name ?? '')}</td><td>${file.size} bytes</td><td>${escape(file.content_type ?? '')}</td></tr>`),
    )
    result = rows.length === 0
      ? '<p role="alert">No file arrived: choose one first.</p>'
      : `<table><tr><th>Field</th><th>Name</th><th>Size</th><th>Content type</th></tr>${rows.join('')}</table>`
  }
  return page('Upload files', `${result}<form method="post" action="${reverse('upload')}" enctype="multipart/form-data">
  ${csrfInput(request)}
  <label>Files <input type="file" name="files" multiple></label>
  <button>Upload</button>
</form>`)
})

/** JSON for page scripts: the server's clock. */
export const api_time = require_GET((_request: HttpRequest) => new JsonResponse({ now: new Date().toISOString() }))

/** A POST-only JSON endpoint; CsrfViewMiddleware wants the token, here from the X-CSRFToken header. */
export const api_like = require_POST((request: HttpRequest) => {
  const likes = Number(request.session!.get('likes') ?? 0) + 1
  request.session!.setitem('likes', likes)
  return new JsonResponse({ likes })
})

/**
 * A page whose script calls the JSON endpoints. get_token() makes sure the csrftoken cookie is set
 * (the @ensure_csrf_cookie decorator does the same), so the script can read it from document.cookie.
 */
export function scripts(request: HttpRequest) {
  get_token(request)
  return page('Page scripts', `<p>fetch() says the server time is <output id="time" data-url="${reverse('api-time')}">…</output></p>
<p><button id="like" type="button" data-url="${reverse('api-like')}">Like (XMLHttpRequest POST)</button>
<output id="likes"></output></p>
<script>
  // A GET with fetch(): same origin, so the browser sends the site's cookies along.
  const time = document.getElementById('time')
  fetch(time.dataset.url)
    .then((response) => response.json())
    .then((data) => { time.textContent = data.now })
    .catch((error) => { time.textContent = String(error) })

  // As Django's docs show: read the csrftoken cookie and send it back in the X-CSRFToken header.
  function getCookie(name) {
    const pair = document.cookie.split('; ').find((c) => c.startsWith(name + '='))
    return pair ? decodeURIComponent(pair.slice(name.length + 1)) : null
  }
  const like = document.getElementById('like')
  like.addEventListener('click', () => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', like.dataset.url)
    xhr.setRequestHeader('X-CSRFToken', getCookie('csrftoken'))
    xhr.onload = () => { document.getElementById('likes').textContent = xhr.status + ' ' + xhr.responseText }
    xhr.send()
  })
</script>`)
}

/** `/hop/1/` → `/hop/2/` → `/hop/done/`: two 302s. In the composer, tick "follow" to see the chain. */
export function hop(_request: HttpRequest, { n }: { n: number }) {
  return n < 2 ? redirect('hop', n + 1) : redirect('hop-done')
}

/** The end of the redirect chain. */
export function hop_done(_request: HttpRequest) {
  return page('Landed', '<p>Two redirects brought you here: the history shows all three requests.</p>')
}

/** A file to save rather than show: `Content-Disposition: attachment` makes the browser download it. */
export function download(_request: HttpRequest) {
  return new HttpResponse('Hello from Django in your browser!\n', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': 'attachment; filename="hello.txt"' },
  })
}

function csrfInput(request: HttpRequest) {
  return `<input type="hidden" name="csrfmiddlewaretoken" value="${get_token(request)}">`
}

/** A whole HTML5 page; no external resources, so it works offline in the preview. */
function page(title: string, body: string) {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; }
  label { display: block; margin: 0.5rem 0; }
  td, th { padding: 0.2rem 0.6rem; text-align: left; }
  [role="alert"] { color: #b00020; }
</style>
</head>
<body>
<nav><a href="${reverse('home')}">Home</a></nav>
<h1>${title}</h1>
${body}
</body>
</html>
`
  return new HttpResponse(html, { content_type: 'text/html; charset=utf-8' })
}

/** Makes text safe inside HTML: `<`, `>`, `&` and quotes become character references. */
function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
