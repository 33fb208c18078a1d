import { describe, expect, it } from 'vitest'
import { with_settings } from '../conf/context.ts'
import { make_settings } from '../conf/settings.ts'
import { BytesIO } from '../core/bytes-io.ts'
import { RequestAborted } from '../core/exceptions.ts'
import { set_log_sink, type LogRecord } from '../core/log.ts'
import { HttpResponse } from '../http/response.ts'
import { StreamingHttpResponse } from '../http/streaming.ts'
import { ASGIHandler, CancelledError, type AsgiReceiveMessage, type AsgiScope, type AsgiSendMessage } from './asgi.ts'

const text = (body: Uint8Array | undefined) => new TextDecoder().decode(body)
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const settings = make_settings({ ALLOWED_HOSTS: ['testserver'] })
const handler = () => with_settings(settings, () => new ASGIHandler())

/** A receive() answering the given messages in turn. */
function receiver(...messages: AsgiReceiveMessage[]) {
  return async () => messages.shift() ?? new Promise<never>(() => {})
}

/** A send() collecting the messages. */
function collector() {
  const sent: AsgiSendMessage[] = []
  return { sent, send: async (message: AsgiSendMessage) => void sent.push(message) }
}

const scope = (extra: Partial<AsgiScope> = {}): AsgiScope => ({
  type: 'http',
  method: 'GET',
  path: '/',
  server: ['testserver', 80],
  ...extra,
})

describe('ASGIHandler.chunk_bytes', () => {
  const chunks = (n: number) => [...ASGIHandler.chunk_bytes(new Uint8Array(n))].map(([c, last]) => [c.length, last])

  it('gives one empty last chunk for empty data', () => {
    expect(chunks(0)).toEqual([[0, true]])
  })

  it('splits at 65,536 bytes and marks the last chunk', () => {
    expect(ASGIHandler.chunk_size).toBe(65536)
    expect(chunks(10)).toEqual([[10, true]])
    expect(chunks(65536)).toEqual([[65536, true]])
    expect(chunks(65537)).toEqual([
      [65536, false],
      [1, true],
    ])
    expect(chunks(3 * 65536)).toEqual([
      [65536, false],
      [65536, false],
      [65536, true],
    ])
  })

  it('follows a subclass chunk_size and keeps the bytes in order', () => {
    class Small extends ASGIHandler {
      static override chunk_size = 3
    }
    const parts = [...Small.chunk_bytes(bytes('abcdefg'))].map(([c, last]) => [text(c), last])
    expect(parts).toEqual([
      ['abc', false],
      ['def', false],
      ['g', true],
    ])
  })
})

describe('ASGIHandler.read_body', () => {
  it('joins the body messages until more_body is false', async () => {
    const body = await handler().read_body(
      receiver(
        { type: 'http.request', body: bytes('ab'), more_body: true },
        { type: 'http.request', more_body: true },
        { type: 'http.request', body: bytes('c') },
        { type: 'http.request', body: bytes('never read') },
      ),
    )
    expect(text(body.read())).toBe('abc')
  })

  it('raises RequestAborted on a disconnect and closes what it read', async () => {
    await expect(
      handler().read_body(receiver({ type: 'http.request', body: bytes('a'), more_body: true }, { type: 'http.disconnect' })),
    ).rejects.toThrow(RequestAborted)
  })
})

describe('ASGIHandler.create_request', () => {
  it('answers 400 with an empty body (and a warning log) for a query string that is not UTF-8', () => {
    const records: LogRecord[] = []
    const previous = set_log_sink((record) => void records.push(record))
    try {
      const [request, response] = with_settings(settings, () =>
        handler().create_request(scope({ query_string: Uint8Array.of(0xff) }), new BytesIO()),
      )
      expect(request).toBeNull()
      expect(response!.status_code).toBe(400)
      expect((response as HttpResponse).content).toEqual(new Uint8Array(0))
      expect(records).toEqual([
        {
          name: 'django.request',
          levelname: 'WARNING',
          message: 'Bad Request (UnicodeDecodeError)',
          extra: { status_code: 400 },
        },
      ])
    } finally {
      set_log_sink(previous)
    }
  })

  it('builds the request class otherwise', () => {
    const [request, response] = with_settings(settings, () => handler().create_request(scope(), new BytesIO()))
    expect(response).toBeNull()
    expect(String(request)).toBe("<ASGIRequest: GET '/'>")
  })
})

describe('ASGIHandler.send_response', () => {
  it('sends the headers as bytes in their case, then one Set-Cookie per cookie', async () => {
    const response = new HttpResponse('hi', { headers: { 'X-Custom': 'é' } })
    response.set_cookie('a', '1')
    response.set_cookie('b', 'x y', { httponly: true })
    const { sent, send } = collector()
    await handler().send_response(response, send)
    expect(sent[0]!.type).toBe('http.response.start')
    expect(sent[0]!.status).toBe(200)
    expect(sent[0]!.headers!.map(([k, v]) => [text(k), [...v]])).toEqual([
      ['X-Custom', [0xe9]],
      ['Content-Type', [...bytes('text/html; charset=utf-8')]],
      ['Set-Cookie', [...bytes('a=1; Path=/')]],
      ['Set-Cookie', [...bytes('b="x y"; HttpOnly; Path=/')]],
    ])
    expect(sent.slice(1)).toEqual([{ type: 'http.response.body', body: bytes('hi'), more_body: false }])
  })

  it('chunks a large body with more_body on all but the last message', async () => {
    const { sent, send } = collector()
    await handler().send_response(new HttpResponse(new Uint8Array(150_000)), send)
    expect(sent.slice(1).map((m) => [m.body!.length, m.more_body])).toEqual([
      [65536, true],
      [65536, true],
      [18928, false],
    ])
  })

  it('streams each part (chunked) with more_body, then an empty final message', async () => {
    const { sent, send } = collector()
    const response = new StreamingHttpResponse(
      (async function* () {
        yield 'a'
        yield new Uint8Array(70_000)
      })(),
    )
    await handler().send_response(response, send)
    expect(sent.slice(1).map((m) => [m.body?.length, m.more_body])).toEqual([
      [1, true],
      [65536, true],
      [70_000 - 65536, true],
      [undefined, undefined],
    ])
    expect(sent.at(-1)).toEqual({ type: 'http.response.body' })
  })

  it('stops with CancelledError once its signal aborts', async () => {
    const controller = new AbortController()
    const { sent, send } = collector()
    const response = new StreamingHttpResponse(
      (async function* () {
        yield 'first'
        controller.abort()
        yield 'second'
      })(),
    )
    await expect(handler().send_response(response, send, { signal: controller.signal })).rejects.toThrow(CancelledError)
    expect(sent.slice(1).map((m) => text(m.body))).toEqual(['first'])
  })
})

describe('ASGIHandler.__call__', () => {
  it('refuses other connection types', async () => {
    await expect(handler().__call__(scope({ type: 'websocket' }), receiver(), collector().send)).rejects.toThrow(
      'Django can only handle ASGI/HTTP connections, not websocket.',
    )
  })

  it('answers a 404 through the handler when nothing matches', async () => {
    const { sent, send } = collector()
    await with_settings(make_settings({ ALLOWED_HOSTS: ['testserver'], ROOT_URLCONF: [] as never }), async () => {
      await new ASGIHandler().__call__(scope({ path: '/nowhere/' }), receiver({ type: 'http.request' }), send)
    })
    expect(sent[0]!.status).toBe(404)
    expect(text(sent[1]!.body)).toContain('<h1>Not Found</h1>')
  })
})
