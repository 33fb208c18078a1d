/** Replays what real Django 5.2.19 did (oracle/csrf-oracle.py) for 800 requests, the 403 page and URL parsing. */
import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings, type SettingsOverrides } from '../conf/settings.ts'
import { set_log_sink } from '../core/log.ts'
import { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { is_same_domain } from './is-same-domain.ts'
import { CsrfViewMiddleware, unicode_escape } from './middleware.ts'
import oracle from './oracle/csrf-oracle.json'
import { urlsplit } from './urlsplit.ts'
import { csrf_failure } from './views.ts'

const settings = make_settings({
  DEBUG: false,
  SECRET_KEY: 'csrf-oracle',
  ALLOWED_HOSTS: ['testserver', 'example.com'],
  CSRF_TRUSTED_ORIGINS: ['https://*.example.org', 'http://trusted.com', 'https://exact.net'],
})

class Req extends HttpRequest {
  secure = false
  override is_secure(): boolean {
    return this.secure
  }
}

const view = () => new HttpResponse('ok')

describe('CsrfViewMiddleware against Django 5.2.19', () => {
  it.each(oracle.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const logs: string[] = []
    const previous = set_log_sink((record) => {
      if (record.name === 'django.security.csrf') logs.push(record.message)
    })
    try {
      with_settings(make_settings(c.settings as SettingsOverrides, settings), () => {
        const req = new Req()
        req.secure = c.secure
        req.method = c.method
        req.path = c.path
        req.META.HTTP_HOST = c.host
        req.META.SERVER_PORT = c.port
        if (c.cookie !== null) req.COOKIES.csrftoken = c.cookie
        if (c.post !== null) req.POST.setitem('csrfmiddlewaretoken', c.post)
        const header_name = (c.settings as SettingsOverrides).CSRF_HEADER_NAME ?? 'HTTP_X_CSRFTOKEN'
        if (c.header !== null) req.META[header_name] = c.header
        if (c.origin !== null) req.META.HTTP_ORIGIN = c.origin
        if (c.referer !== null) req.META.HTTP_REFERER = c.referer
        const mw = new CsrfViewMiddleware(view)
        mw.process_request(req)
        const resp = mw.process_view(req, view, [], {})
        const final = mw.process_response(req, resp ?? new HttpResponse('ok'))
        expect(final.status_code).toBe(c.status)
        expect(logs).toEqual(c.logs)
        expect(final.cookies.has('csrftoken')).toBe(c.cookie_sent)
      })
    } finally {
      set_log_sink(previous)
    }
  })
})

describe('csrf_failure against Django 5.2.19', () => {
  it.each(oracle.pages)('DEBUG=$debug reason=$reason', ({ debug, reason, status, content_type, body }) => {
    const response = with_settings(make_settings({ DEBUG: debug }, settings), () =>
      csrf_failure(new HttpRequest(), { reason }),
    )
    expect(response.status_code).toBe(status)
    expect(response.headers.getitem('Content-Type')).toBe(content_type)
    expect(response.text).toBe(body)
  })
})

describe('urlsplit as CPython 3.13.5 (the oracle) parses', () => {
  it.each(oracle.urls)('$url', (expected) => {
    if ('error' in expected) {
      expect(() => urlsplit(expected.url)).toThrow(expected.error)
    } else {
      const parsed = urlsplit(expected.url)
      expect({ scheme: parsed.scheme, netloc: parsed.netloc, geturl: parsed.geturl() }).toEqual({
        scheme: expected.scheme,
        netloc: expected.netloc,
        geturl: expected.geturl,
      })
    }
  })
})

describe('is_same_domain and unicode_escape as Django and Python', () => {
  it.each(oracle.domains)('is_same_domain($host, $pattern)', ({ host, pattern, result }) => {
    expect(is_same_domain(host, pattern)).toBe(result)
  })

  it.each(oracle.escapes)('unicode_escape($text)', ({ text, escaped }) => {
    expect(unicode_escape(text)).toBe(escaped)
  })
})
