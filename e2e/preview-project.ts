import { PROJECT } from './playground-fixture.ts'

/** A project whose pages exercise the preview: forms with CSRF, a session, uploads, page scripts, redirects, a download. */
export const PREVIEW_PROJECT: Record<string, string> = {
  // The playground specs' settings: sessions, CSRF, auth, and the user alice.
  'settings.ts': PROJECT['settings.ts']!,
  'urls.ts': `import { path } from 'django/urls'
import * as views from './views'

export const urlpatterns = [
  path('', views.form, { name: 'form' }),
  path('hello/', views.hello),
  path('upload/', views.upload),
  path('script/', views.script),
  path('api/json/', views.api_json),
  path('api/post/', views.api_post),
  path('hop/1/', views.hop1),
  path('hop/2/', views.hop2),
  path('done/', views.done),
  path('probe/', views.probe),
  path('download/', views.download),
  path('report/', views.report),
  path('stream/', views.stream),
  path('me/', views.me),
  path('refuse/', views.refuse),
  path('keep/', views.keep),
  path('styled/', views.styled),
  path('style.css', views.style),
  path('dot.svg', views.dot),
  path('kept/', views.kept),
]
`,
  'views.ts': `import { FileResponse, HttpResponse, JsonResponse, StreamingHttpResponse } from 'django/http'
import type { HttpRequest } from 'django/http'
import { redirect } from 'django/shortcuts'
import { get_token } from 'django/middleware/csrf'

const page = (title: string, body: string) =>
  new HttpResponse('<!doctype html><html><head><meta charset="utf-8"><title>' + title + '</title></head><body>' + body + '</body></html>')

export function form(request: HttpRequest) {
  if (request.method === 'POST') {
    request.session.setitem('name', request.POST.get('name'))
    return redirect('/hello/')
  }
  const token = get_token(request)
  return page('Form', '<form method="post" action="/"><input type="hidden" name="csrfmiddlewaretoken" value="' + token + '">' +
    '<label>Name <input name="name"></label><button>Save</button></form>')
}

export function hello(request: HttpRequest) {
  return page('Hello', '<p id="greeting">Hello ' + request.session.get('name', 'nobody') + '</p><a href="/">Back to the form</a>')
}

export function upload(request: HttpRequest) {
  if (request.method === 'POST') {
    const file = request.FILES.get('doc') as any
    const bytes = file.read() as Uint8Array
    return page('Uploaded', '<p id="got">' + file.name + ' ' + bytes.length + ' ' + Array.from(bytes).join(',') + '</p>')
  }
  return page('Upload', '<form method="post" enctype="multipart/form-data"><input type="hidden" name="csrfmiddlewaretoken" value="' +
    get_token(request) + '"><label>Document <input type="file" name="doc"></label><button>Upload</button></form>')
}

export function script(request: HttpRequest) {
  get_token(request)
  return page('Script', '<p id="json">…</p><p id="xhr">…</p><script>' +
    "fetch('/api/json/?n=2').then(r => r.json()).then(d => { document.getElementById('json').textContent = 'json ' + d.double })\\n" +
    "const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken=')).split('=')[1]\\n" +
    "const xhr = new XMLHttpRequest()\\n" +
    "xhr.open('POST', '/api/post/')\\n" +
    "xhr.setRequestHeader('X-CSRFToken', token)\\n" +
    "xhr.setRequestHeader('Content-Type', 'application/json')\\n" +
    "xhr.onload = () => { document.getElementById('xhr').textContent = 'xhr ' + xhr.status + ' ' + xhr.responseText }\\n" +
    "xhr.send(JSON.stringify({ word: 'hi' }))\\n" +
    '</script>')
}

export function api_json(request: HttpRequest) {
  return new JsonResponse({ double: Number(request.GET.get('n')) * 2 })
}

export function api_post(request: HttpRequest) {
  return new JsonResponse({ got: JSON.parse(new TextDecoder().decode(request.body)).word })
}

export const hop1 = () => redirect('/hop/2/')
export const hop2 = () => redirect('/done/')
export const done = () => page('Done', '<p id="done">arrived</p>')

export function probe(request: HttpRequest) {
  return page('Probe', '<ul id="out"></ul><script>' +
    "const out = document.getElementById('out')\\n" +
    "const attempt = (name, fn) => { let text; try { text = 'got ' + String(fn()) } catch (e) { text = 'threw ' + e.name } const li = document.createElement('li'); li.textContent = name + ': ' + text; out.append(li) }\\n" +
    "attempt('storage', () => localStorage.getItem('request-playground:v1'))\\n" +
    "attempt('parent', () => parent.document.title)\\n" +
    "attempt('top', () => { window.top.location.href = '/escaped'; return 'asked' })\\n" +
    "attempt('cookie', () => document.cookie)\\n" +
    '</script><a id="away" href="/escaped" target="_top">leave</a>')
}

async function* slowly() {
  yield '<!doctype html><html><head><title>Stream</title></head><body><p id="first">first part</p>'
  await new Promise((resolve) => setTimeout(resolve, 2500))
  yield '<p id="second">second part</p></body></html>'
}

export function stream(request: HttpRequest) {
  return new StreamingHttpResponse(slowly())
}

export function me(request: HttpRequest) {
  return page('Me', '<p id="me">' + (request.user.is_authenticated ? 'signed in as ' + request.user.username : 'anonymous') + '</p>')
}

export function keep(request: HttpRequest) {
  if (request.method === 'POST') return redirect('/kept/', { preserve_request: true })
  return page('Keep', '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="' + get_token(request) + '">' +
    '<label>Word <input name="word"></label><button>Post it</button></form>')
}

export function kept(request: HttpRequest) {
  return page('Kept', '<p id="kept">' + request.method + ' ' + request.POST.get('word') + '</p>')
}

export function styled(request: HttpRequest) {
  return new HttpResponse('<!doctype html><html><head><title>Styled</title><link rel="stylesheet" href="/style.css"></head>' +
    '<body><p id="styled">styled</p><img id="dot" alt="a dot" src="/dot.svg"></body></html>')
}

export const style = () => new HttpResponse('#styled { color: rgb(200, 0, 0) }', { content_type: 'text/css' })

export const dot = () =>
  new HttpResponse('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><circle cx="15" cy="15" r="10"/></svg>', {
    content_type: 'image/svg+xml',
  })

export function refuse(request: HttpRequest) {
  const response = page('Refused', '<p>cookies sent</p>')
  response.set_cookie('secure_only', '1', { secure: true })
  response.set_cookie('other_site', '1', { domain: 'example.com' })
  response.set_cookie('fine', '1')
  return response
}

// A file-like object, as FileResponse streams one: read() until it gives no bytes.
export function report(request: HttpRequest) {
  let left: Uint8Array = new TextEncoder().encode('a,b\\n1,2\\n')
  const file = {
    name: 'report.csv',
    read: () => {
      const chunk = left
      left = new Uint8Array(0)
      return chunk
    },
  }
  return new FileResponse(file, { as_attachment: true, filename: 'report.csv' })
}

export function download(request: HttpRequest) {
  const response = new HttpResponse('line one\\nline two\\n', { content_type: 'text/plain' })
  response.setitem('Content-Disposition', 'attachment; filename="notes.txt"')
  return response
}
`,
}
