/** Port of django/views/csrf.py (csrf_failure: the built-in 403 page for rejected requests). */
import { get_settings } from '../conf/context.ts'
import { PythonError } from '../core/exceptions.ts'
import type { HttpRequest } from '../http/request.ts'
import { HttpResponseForbidden } from '../http/response-subclasses.ts'
import { register_import } from '../core/module-loading.ts'
import { REASON_NO_CSRF_COOKIE, REASON_NO_REFERER } from './reasons.ts'

/** The template Django looks up first; only its built-in fallback exists here. */
export const CSRF_FAILURE_TEMPLATE_NAME = '403_csrf.html'

/** Django's TemplateDoesNotExist, for a custom `template_name` (there is no template loader). */
export class TemplateDoesNotExist extends PythonError {}

/** Keyword arguments of `csrf_failure()`. */
export interface CsrfFailureOptions {
  reason?: string
  template_name?: string
}

/** Django's `escape()`: the five HTML-special characters as entities. */
function escape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;')
}

// Major.minor of the Django release whose documentation the debug page links to.
const DOCS_VERSION = '5.2'

const HEAD = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style>
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font-family: sans-serif; background:#eee; color:#000; }
    body>div { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; margin-bottom:.4em; }
    h1 span { font-size:60%; color:#666; font-weight:normal; }
    #info { background:#f6f6f6; }
    #info ul { margin: 0.5em 4em; }
    #info p, #summary p { padding-top:10px; }
    #summary { background: #ffc; }
    #explanation { background:#eee; border-bottom: 0px none; }
  </style>
</head>
<body>
`

// The explanations Django shows for the two reasons a browser setting usually causes.
const NO_REFERER = [
  'You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your web ' +
    'browser, but none was sent. This header is required for security reasons, to ensure that your browser is ' +
    'not being hijacked by third parties.',
  'If you have configured your browser to disable “Referer” headers, please re-enable them, at least for this ' +
    'site, or for HTTPS connections, or for “same-origin” requests.',
  'If you are using the <meta name="referrer" content="no-referrer"> tag or including the “Referrer-Policy: ' +
    'no-referrer” header, please remove them. The CSRF protection requires the “Referer” header to do strict ' +
    'referer checking. If you’re concerned about privacy, use alternatives like <a rel="noreferrer" …> for links ' +
    'to third-party sites.',
]
const NO_COOKIE = [
  'You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is ' +
    'required for security reasons, to ensure that your browser is not being hijacked by third parties.',
  'If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for ' +
    '“same-origin” requests.',
]

// Renders like Django's template: a block's tags vanish but the newline after each stays.
function paragraphs(shown: boolean, texts: readonly string[]): string {
  return (shown ? '\n' + texts.map((text) => `  <p>${escape(text)}</p>\n`).join('') : '') + '\n'
}

// DEVIATION(django): the DEBUG help section is this project's own wording and markup (no recorded
// output fixes it); the reason, the docs links and the pointers to DEBUG and CSRF_FAILURE_VIEW are kept.
function debug_help(reason: string): string {
  const docs = `https://docs.djangoproject.com/en/${DOCS_VERSION}`
  const shown_reason = reason
    ? `\n    <p>Reason given for failure:</p>\n    <pre>\n    ${escape(reason)}\n    </pre>\n    `
    : ''
  return `
<div id="info">
  <h2>Help</h2>
    ${shown_reason}
  <p>This happens on a real cross-site request forgery, or when
  <a href="${docs}/ref/csrf/">Django’s CSRF protection</a> is not used as intended.
  A POST form needs:</p>

  <ul>
    <li>a browser that keeps cookies;</li>
    <li>a token from <code>get_token(request)</code> (or the <code>csrf_token</code> template tag)
    in a <code>csrfmiddlewaretoken</code> field of every POST form to this site,
    or in the <code>X-CSRFToken</code> header of scripted requests;</li>
    <li><code>csrf_protect</code> on views that take POST data when <code>CsrfViewMiddleware</code>
    is not installed;</li>
    <li>a fresh page after a login in another tab, since logging in rotates the token.</li>
  </ul>

  <p>This help is shown because <code>DEBUG = True</code>; with <code>False</code> only the
  message above is displayed.</p>

  <p>The CSRF_FAILURE_VIEW setting replaces this page.</p>
</div>
`
}

/**
 * The default CSRF_FAILURE_VIEW: a 403 with Django's page (the reason and help only when DEBUG
 * is on, a browser hint when the Referer or the cookie was missing).
 */
export function csrf_failure(request: HttpRequest, options: CsrfFailureOptions = {}): HttpResponseForbidden {
  const { reason = '', template_name = CSRF_FAILURE_TEMPLATE_NAME } = options
  // DEVIATION(django): no template engine, so only the built-in page exists.
  if (template_name !== CSRF_FAILURE_TEMPLATE_NAME) throw new TemplateDoesNotExist(template_name)
  const summary =
    '<div id="summary">\n' +
    '  <h1>Forbidden <span>(403)</span></h1>\n' +
    '  <p>CSRF verification failed. Request aborted.</p>\n' +
    paragraphs(reason === REASON_NO_REFERER, NO_REFERER) +
    paragraphs(reason === REASON_NO_CSRF_COOKIE, NO_COOKIE) +
    '</div>\n'
  const details = get_settings().DEBUG
    ? debug_help(reason)
    : '\n<div id="explanation">\n  <p><small>More information is available with DEBUG=True.</small></p>\n</div>\n'
  return new HttpResponseForbidden(HEAD + summary + details + '\n</body>\n</html>\n')
}

register_import('django.views.csrf.csrf_failure', csrf_failure)
