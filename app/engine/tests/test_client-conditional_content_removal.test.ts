/** Django's ConditionalContentTests: no body for 1xx, 204 and 304 responses, nor for HEAD, plain or streaming. */
// django: tests/test_client/test_conditional_content_removal.py
import pako from 'pako'
import { describe, expect, it } from 'vitest'
import { HttpRequest } from '../http/request.ts'
import { HttpResponse } from '../http/response.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import { conditional_content_removal } from '../testing/client-handler.ts'

const abc = new TextEncoder().encode('abc')
const joined = (res: StreamingHttpResponse) => new TextDecoder().decode(res.getvalue())

describe('ConditionalContentTests', () => {
  it('test_conditional_content_removal', () => {
    const req = new HttpRequest()
    req.method = 'GET'

    // Nothing happens to a 200.
    let res = new HttpResponse('abc')
    conditional_content_removal(req, res)
    expect(res.content).toEqual(abc)
    let streaming = new StreamingHttpResponse(['abc'])
    conditional_content_removal(req, streaming)
    expect(joined(streaming)).toBe('abc')

    // Some status codes lose their content.
    for (const status of [100, 150, 199, 204, 304]) {
      res = new HttpResponse('abc', { status })
      conditional_content_removal(req, res)
      expect(res.content, String(status)).toEqual(new Uint8Array(0))
      streaming = new StreamingHttpResponse(['abc'], { status })
      conditional_content_removal(req, streaming)
      expect(joined(streaming)).toBe('')
    }

    // #20472: compressed content too.
    const gzipped = pako.gzip(abc)
    res = new HttpResponse(gzipped, { status: 304 })
    res.setitem('Content-Encoding', 'gzip')
    conditional_content_removal(req, res)
    expect(res.content).toEqual(new Uint8Array(0))
    streaming = new StreamingHttpResponse([gzipped], { status: 304 })
    streaming.setitem('Content-Encoding', 'gzip')
    conditional_content_removal(req, streaming)
    expect(joined(streaming)).toBe('')

    // HEAD requests get no content.
    req.method = 'HEAD'
    res = new HttpResponse('abc')
    conditional_content_removal(req, res)
    expect(res.content).toEqual(new Uint8Array(0))
    streaming = new StreamingHttpResponse(['abc'])
    conditional_content_removal(req, streaming)
    expect(joined(streaming)).toBe('')
  })
})
