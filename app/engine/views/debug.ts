/**
 * The technical error pages DEBUG shows (django/views/debug.py's role), in this engine's own
 * markup and words: a 404 listing the URL patterns tried, and a 500 with the error, its stack,
 * the request and the settings (secrets masked).
 */
import { escape } from '../core/html.ts'
import { pyrepr } from '../core/python.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { HttpResponseNotFound } from '../http/response-subclasses.ts'

/** Settings whose names look secret are shown masked, as Django's SafeExceptionReporterFilter does. */
const HIDDEN_SETTINGS = /API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE/i
const CLEANSED = '********************'

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fff}
header{padding:16px 24px;background:#fde8e8;border-bottom:1px solid #f3b4b4}
header.notfound{background:#fff6d9;border-color:#f0d98c}
h1{margin:0 0 6px;font-size:22px;font-weight:600}h2{font-size:16px;margin:24px 0 8px}
main{padding:0 24px 24px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #eee;font-family:ui-monospace,monospace;font-size:13px}
th{width:28%;color:#555;font-weight:500}pre{background:#f6f6f6;padding:12px;overflow:auto;font-size:13px}
.note{color:#555}`

function page(title: string, header: string, body: string, headerClass = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>${escape(title)}</title>
  <style>${STYLE}</style>
</head>
<body>
<header${headerClass ? ` class="${headerClass}"` : ''}>${header}</header>
<main>${body}</main>
</body>
</html>
`
}

function table(rows: Iterable<readonly [string, unknown]>, empty = 'Nothing.'): string {
  const cells = [...rows].map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(typeof v === 'string' ? v : pyrepr(v))}</td></tr>`)
  return cells.length ? `<table>${cells.join('')}</table>` : `<p class="note">${empty}</p>`
}

function safe_meta(request: HttpRequest): Array<[string, string]> {
  return Object.keys(request.META)
    .sort()
    .map((key) => [key, HIDDEN_SETTINGS.test(key) ? CLEANSED : String(request.META[key])])
}

/** Every setting, sorted, with secret-looking ones masked. */
function safe_settings(request: HttpRequest): Array<[string, unknown]> {
  const settings = request.settings as unknown as Record<string, unknown>
  return Object.keys(settings)
    .sort()
    .map((key) => [key, HIDDEN_SETTINGS.test(key) ? CLEANSED : settings[key]])
}

/** Reads a request attribute that may itself raise (a malformed body), for display only. */
function attempt(fn: () => Iterable<readonly [string, unknown]>): Array<readonly [string, unknown]> {
  try {
    return [...fn()]
  } catch (error) {
    return [['(could not read)', error instanceof Error ? `${error.name}: ${error.message}` : String(error)]]
  }
}

/** The URL patterns a Resolver404 tried, one pattern list per line. */
export interface TriedPatterns {
  /** Each entry: the chain of patterns from the root to the one that failed, as text. */
  tried: string[][]
  /** The path that was looked up, below the script prefix. */
  path: string
}

/**
 * DEBUG's 404 page: what was asked for, which patterns were tried in which order, and why
 * nothing matched. A site with no URL patterns at all gets a welcome page with status 200.
 */
export function technical_404_response(request: HttpRequest, message: string, patterns: TriedPatterns | null): HttpResponse {
  if (patterns !== null && patterns.tried.length === 0 && request.path === '/') return default_urlconf(request)
  const tried = patterns?.tried ?? []
  const list = tried.length
    ? `<p>The URL configuration was searched in this order:</p><ol>${tried
        .map((chain) => `<li><code>${chain.map(escape).join(' ')}</code></li>`)
        .join('')}</ol><p>The path <code>${escape(patterns!.path)}</code> matched none of these.</p>`
    : ''
  const header = `<h1>Page not found <small>(404)</small></h1>
<table><tr><th>Request method</th><td>${escape(request.method ?? '')}</td></tr>
<tr><th>Request URL</th><td>${escape(safe_uri(request))}</td></tr></table>`
  const body = `${list}${message ? `<h2>Reason</h2><pre>${escape(message)}</pre>` : ''}
<p class="note">You see this page because DEBUG is on. With DEBUG off, the site's 404 view answers instead.</p>`
  return new HttpResponseNotFound(page('Page not found (404)', header, body, 'notfound'))
}

/** The welcome page of a site whose URLconf has no patterns yet. */
export function default_urlconf(_request: HttpRequest): HttpResponse {
  const header = '<h1>The site is running</h1><p>Its URLconf has no patterns yet.</p>'
  const body = '<p>Add a <code>path()</code> to <code>urlpatterns</code> and send a request to it.</p>'
  return new HttpResponse(page('The site is running', header, body, 'notfound'))
}

function safe_uri(request: HttpRequest): string {
  try {
    return request.build_absolute_uri()
  } catch {
    return request.get_full_path()
  }
}

function error_text(error: unknown): { type: string; message: string; stack: string } {
  if (error instanceof Error) {
    return { type: error.name || error.constructor.name, message: error.message, stack: error.stack ?? '' }
  }
  return { type: typeof error, message: String(error), stack: '' }
}

/**
 * DEBUG's 500 page (also used, with status 400, for bad requests): the error, its stack, the
 * request and the settings. Plain text when the client does not accept HTML, as Django does.
 */
export function technical_500_response(request: HttpRequest, error: unknown, status_code = 500): HttpResponse {
  const { type, message, stack } = error_text(error)
  let accepts_html = true
  try {
    accepts_html = request.accepts('text/html')
  } catch {
    // A malformed Accept header still gets the HTML page.
  }
  if (!accepts_html) {
    const text = `${type} at ${request.path_info}\n${message}\n\nRequest Method: ${request.method}\nRequest URL: ${safe_uri(request)}\n\n${stack}\n`
    return new HttpResponse(text, { status: status_code, content_type: 'text/plain; charset=utf-8' })
  }
  const header = `<h1>${escape(type)} <small>at ${escape(request.path_info)}</small></h1>
<pre>${escape(message || 'No exception message supplied')}</pre>
<table><tr><th>Request method</th><td>${escape(request.method ?? '')}</td></tr>
<tr><th>Request URL</th><td>${escape(safe_uri(request))}</td></tr>
<tr><th>Exception type</th><td>${escape(type)}</td></tr></table>`
  const body = `<h2>Stack</h2><pre>${escape(stack || '(no stack)')}</pre>
<h2>Request</h2>
<h3>GET</h3>${table(attempt(() => request.GET.lists()), 'No GET data.')}
<h3>POST</h3>${table(attempt(() => request.POST.lists()), 'No POST data.')}
<h3>FILES</h3>${table(attempt(() => request.FILES.lists()), 'No FILES data.')}
<h3>COOKIES</h3>${table(attempt(() => Object.entries(request.COOKIES)), 'No cookie data.')}
<h3>META</h3>${table(safe_meta(request))}
<h2>Settings</h2>${table(safe_settings(request))}
<p class="note">You see this page because DEBUG is on. With DEBUG off, the site's ${status_code} view answers instead.</p>`
  return new HttpResponse(page(`${type} at ${request.path_info}`, header, body), { status: status_code })
}
