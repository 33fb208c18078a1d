// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { injectionOffset, PREVIEW_CSP, previewResponse } from './browser-response.ts'

const bytes = (text: string) => new TextEncoder().encode(text)
const wire = (status: number, headers: Array<[string, string]>, body: string | null) => ({
  status,
  statusText: 'OK',
  headers,
  body: body === null ? null : bytes(body),
  script_cookies: 'csrftoken=abc',
})

describe('previewResponse', () => {
  it('sandboxes every preview document with a CSP of its own', () => {
    const response = previewResponse(wire(200, [['Content-Type', 'text/plain']], 'hi'), 'http://testserver/')
    expect(response.headers.get('content-security-policy')).toBe(PREVIEW_CSP)
  })

  it('points redirects within the site back under the prefix, and leaves others', async () => {
    const to = (location: string) =>
      previewResponse(wire(302, [['Location', location]], ''), 'http://testserver/hop/1/').headers.get('location')
    expect(to('/hop/2/')).toBe('/site/hop/2/')
    expect(to('http://testserver/done/?x=1')).toBe('/site/done/?x=1')
    expect(to('../2/')).toBe('/site/hop/2/')
    expect(to('https://www.djangoproject.com/')).toBe('https://www.djangoproject.com/')
  })

  it('injects the page bridge into HTML after <head>, with the page URL and its cookies, and drops Content-Length', async () => {
    const html = '<!doctype html><html><head><title>t</title></head><body>ok</body></html>'
    const response = previewResponse(
      wire(200, [['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(html.length)]], html),
      'http://testserver/form/',
    )
    const text = await response.text()
    expect(text.startsWith('<!doctype html><html><head><script>')).toBe(true)
    expect(text).toContain('"url":"http://testserver/form/"')
    expect(text).toContain('"cookies":"csrftoken=abc"')
    expect(text.endsWith('</script><title>t</title></head><body>ok</body></html>')).toBe(true)
    expect(response.headers.get('content-length')).toBeNull()
  })

  it('keeps the bytes of a non-UTF-8 page around the injected bridge', async () => {
    const body = new Uint8Array([...bytes('<head>'), 0xe9, 0xff, ...bytes('</head>')])
    const response = previewResponse({ ...wire(200, [['Content-Type', 'text/html; charset=latin-1']], null), body }, 'http://testserver/')
    const out = new Uint8Array(await response.arrayBuffer())
    expect([...out.slice(-9)]).toEqual([0xe9, 0xff, ...bytes('</head>')])
  })

  it('finds where the bridge goes without a <head>', () => {
    expect(injectionOffset(bytes('<!DOCTYPE html><p>x'))).toBe(15)
    expect(injectionOffset(bytes('<HTML lang="en"><p>x'))).toBe(16)
    expect(injectionOffset(bytes('plain'))).toBe(0)
  })

  it('keeps JSON untouched, and gives no body for a 204 or 304', async () => {
    const json = previewResponse(wire(200, [['Content-Type', 'application/json']], '{"a":1}'), 'http://testserver/')
    expect(await json.text()).toBe('{"a":1}')
    expect(previewResponse(wire(304, [], 'x'), 'http://testserver/').body).toBeNull()
  })

  it('cannot be broken out of by a page URL holding </script>', async () => {
    const response = previewResponse(wire(200, [['Content-Type', 'text/html']], '<head></head>'), 'http://testserver/</script><b>')
    const text = await response.text()
    expect(text.match(/<\/script>/g)?.length).toBe(1)
  })
})
