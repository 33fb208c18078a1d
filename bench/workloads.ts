/**
 * The benchmark scenarios of ../shared/conformance/BASELINE.md, on this engine: the same views
 * (the conformance site's), the same request shapes and the same input sizes as Django's side
 * (bench_django.py), each timed as repeated runs of a loop after a warm-up.
 */
import { with_settings } from '../app/engine/conf/context.ts'
import { make_settings } from '../app/engine/conf/settings.ts'
import { Database, set_database } from '../app/engine/db/connection.ts'
import { QueryDict } from '../app/engine/http/query-dict.ts'
import { load_handler } from '../app/engine/multipart/upload-handler.ts'
import { MultiPartParser } from '../app/engine/multipart/parser.ts'
import { BytesIO } from '../app/engine/core/bytes-io.ts'
import { Client } from '../app/engine/testing/client.ts'
import { MIDDLEWARE_FULL, site_settings } from '../conformance/site/settings.ts'
import '../conformance/site/urls.ts'

export const MIB = 1024 * 1024

/** Deterministic pseudo-random bytes (xorshift), so every run parses the same body. */
export function random_bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size)
  let x = seed >>> 0 || 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/**
 * One measured loop: `n` iterations of `body`, in seconds, after `n / 5` unmeasured ones so the
 * JIT has compiled the hot paths (steady state; Django's CPython has no JIT to warm).
 */
export function timed(n: number, body: () => void): number {
  for (let i = 0; i < Math.ceil(n / 5); i++) body()
  const start = performance.now()
  for (let i = 0; i < n; i++) body()
  return (performance.now() - start) / 1000
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark sanity check failed: ${what}`)
}

/** Scenario a: `Client().get('/plain/')` with MIDDLEWARE = [] (requests per second). */
export function plain_get(n: number): number {
  return with_settings(site_settings({ MIDDLEWARE: [] }), () => {
    set_database(new Database())
    const client = new Client()
    client.get('/plain/')
    return n / timed(n, () => expect(client.get('/plain/').status_code === 200, 'plain GET'))
  })
}

/** Scenario b: `/session/incr/` through the full middleware with signed-cookie sessions (requests per second). */
export function full_stack_session(n: number): number {
  const settings = site_settings({ MIDDLEWARE: [...MIDDLEWARE_FULL], SESSION_ENGINE: 'django.contrib.sessions.backends.signed_cookies' })
  return with_settings(settings, () => {
    set_database(new Database())
    const client = new Client()
    client.get('/session/incr/')
    return n / timed(n, () => expect(client.get('/session/incr/').cookies.has('sessionid'), 'session cookie'))
  })
}

/** Scenario c: a multipart POST of one 1 MiB file to `/echo-strict/`, full middleware (requests per second). */
export function multipart_1mib(n: number): number {
  const content = random_bytes(MIB, 1)
  const upload = { name: 'f.bin', content_type: 'application/octet-stream', read: () => content }
  return with_settings(site_settings({ MIDDLEWARE: [...MIDDLEWARE_FULL] }), () => {
    set_database(new Database())
    const client = new Client()
    const post = () => expect(client.post('/echo-strict/', { title: 'x', file: upload }).status_code === 200, 'multipart POST')
    post()
    post()
    return n / timed(n, post)
  })
}

/** The 10,000-field query string of scenario d1 (`fieldN=valueN+with%20escapes`). */
export function query_string(fields = 10000): string {
  return Array.from({ length: fields }, (_, i) => `field${i}=value${i}+with%20escapes`).join('&')
}

/** Scenario d1: `QueryDict(qs)` for 10,000 fields (parses per second). */
export function querydict_10k(n: number): number {
  const qs = query_string()
  return with_settings(make_settings({ DATA_UPLOAD_MAX_NUMBER_FIELDS: null }), () => {
    const parse = () => expect(new QueryDict(qs).length === 10000, '10,000 fields')
    parse()
    parse()
    return n / timed(n, parse)
  })
}

/** The platform's own parser on the same string, for the "within 2× of URLSearchParams" target (parses per second). */
export function urlsearchparams_10k(n: number): number {
  const qs = query_string()
  const parse = () => {
    const params = new URLSearchParams(qs)
    let count = 0
    for (const _ of params) count++
    expect(count === 10000, '10,000 params')
  }
  parse()
  return n / timed(n, parse)
}

/** The 50 MiB single-file body of scenario d2. */
export function multipart_body(size: number): { boundary: string; body: Uint8Array } {
  const boundary = 'BenchBoundary1234567890'
  const enc = new TextEncoder()
  const head = enc.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nbench\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  )
  const tail = enc.encode(`\r\n--${boundary}--\r\n`)
  const body = new Uint8Array(head.length + size + tail.length)
  body.set(head)
  body.set(random_bytes(size, 2), head.length)
  body.set(tail, head.length + size)
  return { boundary, body }
}

/** Scenario d2: MultiPartParser of a 50 MiB upload with the default handlers (MiB per second). */
export function multipart_50mib(n: number): number {
  const size = 50 * MIB
  const { boundary, body } = multipart_body(size)
  const meta = { CONTENT_TYPE: `multipart/form-data; boundary=${boundary}`, CONTENT_LENGTH: String(body.length) }
  const settings = make_settings({ DATA_UPLOAD_MAX_MEMORY_SIZE: null })
  return with_settings(settings, () => {
    const parse = () => {
      const handlers = settings.FILE_UPLOAD_HANDLERS.map((path) => load_handler(path))
      const [, files] = new MultiPartParser(meta, new BytesIO(body), handlers, 'utf-8').parse()
      const file = files.getitem('file') as { size: number; close(): void }
      expect(file.size === size, '50 MiB file')
      file.close()
    }
    parse()
    return (n * body.length) / MIB / timed(n, parse)
  })
}
