// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { WireRequest, WireResponse } from '../runtime/protocol.ts'
import { servePageRequest } from './page-bridge.ts'

const request = (method: string, url: string, redirect: RequestRedirect = 'follow') => ({
  id: 1,
  page: 'http://testserver/page/',
  url,
  method,
  headers: [['x-csrftoken', 't']] as Array<[string, string]>,
  body: method === 'GET' ? null : new TextEncoder().encode('a=1').buffer,
  redirect,
})

/** A site answering from a table of paths, recording what it was asked. */
function site(routes: Record<string, [number, string?]>) {
  const seen: WireRequest[] = []
  const serve = async (wire: WireRequest): Promise<WireResponse> => {
    seen.push(wire)
    const [status, location] = routes[new URL(wire.url).pathname] ?? [404]
    const headers: Array<[string, string]> = location ? [['Location', location]] : []
    return { status, statusText: '', headers, body: null }
  }
  return { seen, serve }
}

describe('servePageRequest (a page script fetch through the bridge)', () => {
  it('adds what a browser adds: Referer, User-Agent, Accept, and Origin on a POST', async () => {
    const { seen, serve } = site({ '/api/': [200] })
    await servePageRequest(request('POST', 'http://testserver/api/'), serve)
    const headers = Object.fromEntries(seen[0]!.headers)
    expect(headers).toMatchObject({ 'x-csrftoken': 't', referer: 'http://testserver/page/', origin: 'http://testserver', accept: '*/*' })
    expect(new TextDecoder().decode(seen[0]!.body!)).toBe('a=1')
  })

  it('follows redirects as fetch() does: a POST answered 302 becomes a GET, a 307 keeps the method and body', async () => {
    const { serve } = site({ '/a/': [302, '/b/'], '/b/': [307, '/c/'], '/c/': [200] })
    const result = await servePageRequest(request('GET', 'http://testserver/a/'), serve)
    expect(result).toMatchObject({ url: 'http://testserver/c/', redirected: true, response: { status: 200 } })
    const post = site({ '/a/': [302, '/b/'], '/b/': [200] })
    await servePageRequest(request('POST', 'http://testserver/a/'), post.serve)
    expect(post.seen.map((w) => [w.method, w.body === null])).toEqual([['POST', false], ['GET', true]])
    const keep = site({ '/a/': [307, '/b/'], '/b/': [200] })
    await servePageRequest(request('POST', 'http://testserver/a/'), keep.serve)
    expect(keep.seen.map((w) => w.method)).toEqual(['POST', 'POST'])
  })

  it('stops on redirect: "manual", fails on "error", on loops and on other hosts', async () => {
    const loop = site({ '/a/': [302, '/a/'] })
    expect(await servePageRequest(request('GET', 'http://testserver/a/', 'manual'), loop.serve)).toMatchObject({ response: { status: 302 } })
    expect(await servePageRequest(request('GET', 'http://testserver/a/', 'error'), loop.serve)).toHaveProperty('error')
    expect(await servePageRequest(request('GET', 'http://testserver/a/'), loop.serve)).toEqual({ error: 'too many redirects' })
    const away = site({ '/a/': [302, 'https://example.com/'] })
    expect(await servePageRequest(request('GET', 'http://testserver/a/'), away.serve)).toHaveProperty('error')
  })
})
