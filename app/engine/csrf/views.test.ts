/** csrf_failure: the DEBUG page (this project's own help text) and the template_name rule. */
import { describe, expect, it } from 'vitest'
import { override_settings } from '../conf/context.ts'
import { import_string } from '../core/module-loading.ts'
import { HttpRequest } from '../http/request.ts'
import { REASON_NO_CSRF_COOKIE } from './reasons.ts'
import { csrf_failure, TemplateDoesNotExist } from './views.ts'

describe('csrf_failure', () => {
  it('is what CSRF_FAILURE_VIEW names by default', () => {
    expect(import_string('django.views.csrf.csrf_failure')).toBe(csrf_failure)
  })

  it('with DEBUG shows the escaped reason, the help and no "More information" line', () => {
    const reason = '<b>&"x\'</b>'
    const response = override_settings({ DEBUG: true }, () => csrf_failure(new HttpRequest(), { reason }))
    expect(response.status_code).toBe(403)
    expect(response.headers.getitem('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response.text).toContain('<pre>\n    &lt;b&gt;&amp;&quot;x&#x27;&lt;/b&gt;\n    </pre>')
    expect(response.text).toContain('<div id="info">\n  <h2>Help</h2>')
    expect(response.text).toContain('https://docs.djangoproject.com/en/5.2/ref/csrf/')
    expect(response.text).toContain('CSRF_FAILURE_VIEW')
    expect(response.text).not.toContain('More information is available with DEBUG=True.')
    expect(response.text.endsWith('</div>\n\n</body>\n</html>\n')).toBe(true)
  })

  it('with DEBUG and no reason leaves the reason block out', () => {
    const response = override_settings({ DEBUG: true }, () => csrf_failure(new HttpRequest()))
    expect(response.text).not.toContain('Reason given for failure')
  })

  it('keeps the browser hint above the help with DEBUG', () => {
    const text = override_settings({ DEBUG: true }, () =>
      csrf_failure(new HttpRequest(), { reason: REASON_NO_CSRF_COOKIE }),
    ).text
    expect(text.indexOf('requires a CSRF cookie')).toBeLessThan(text.indexOf('<h2>Help</h2>'))
  })

  it('raises TemplateDoesNotExist for another template (there is no template loader)', () => {
    expect(() => csrf_failure(new HttpRequest(), { template_name: 'mine.html' })).toThrow(TemplateDoesNotExist)
  })
})
