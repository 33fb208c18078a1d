/** Port of django/http/response.py (HttpResponse). Re-exports HttpResponseBase, which lives in response-base.ts. */
import { concat_copy } from '../core/bytes.ts'
import { decode } from '../core/encoding.ts'
import { HttpResponseBase, isBytesLike, type HttpResponseBaseOptions } from './response-base.ts'
export { responses } from '../core/http-client.ts'

export {
  HttpResponseBase,
  isBytesLike,
  type DeleteCookieOptions,
  type HttpResponseBaseOptions,
  type SetCookieOptions,
  type SetSignedCookieOptions,
} from './response-base.ts'

/** True for a plain object (Python dict literal) or Map: iterating it means iterating its keys. */
function dictKeys(value: unknown): unknown[] | null {
  if (value instanceof Map) return [...value.keys()]
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto === Object.prototype || proto === null) return Object.keys(value)
  }
  return null
}

/** Keyword arguments of HttpResponse. */
export type HttpResponseOptions = HttpResponseBaseOptions

/**
 * A response whose content is held in memory: it can be read, appended to and replaced.
 * @see https://docs.djangoproject.com/en/5.2/ref/request-response/#django.http.HttpResponse
 */
export class HttpResponse extends HttpResponseBase {
  /** @internal The body chunks; `write()` appends. */
  _container: Uint8Array[] = []
  #text: string | null = null

  constructor(content: unknown = new Uint8Array(0), options: HttpResponseOptions = {}) {
    super(options)
    this.content = content
  }

  override get streaming(): boolean {
    return false
  }

  /** `<HttpResponse status_code=200, "text/html; charset=utf-8">`. */
  override toString(): string {
    return `<${this.constructor.name} status_code=${this.status_code}${this._content_type_for_repr}>`
  }

  /** The full message as bytes: headers, a blank line, the content. */
  serialize(): Uint8Array {
    const head = this.serialize_headers()
    const body = this.content
    const out = new Uint8Array(head.length + 4 + body.length)
    out.set(head)
    out.set([13, 10, 13, 10], head.length)
    out.set(body, head.length + 4)
    return out
  }

  /** The body bytes. Setting it consumes iterables (Python dicts iterate their keys) at once. */
  get content(): Uint8Array {
    return concat_copy(this._container)
  }

  set content(value: unknown) {
    this._container = [this.consumeContent(value)]
    this.#text = null
  }

  /** @internal The content setter's conversion, shared with subclasses that override the setter. */
  protected consumeContent(value: unknown): Uint8Array {
    if (typeof value === 'string' || isBytesLike(value)) return this.make_bytes(value)
    const keys = dictKeys(value)
    const isIterable = value !== null && typeof value === 'object' && Symbol.iterator in value
    const iterable = keys ?? (isIterable ? (value as Iterable<unknown>) : null)
    if (iterable === null) return this.make_bytes(value)
    const chunks: Uint8Array[] = []
    for (const chunk of iterable) chunks.push(this.make_bytes(chunk))
    const close = (value as { close?: unknown }).close
    if (typeof close === 'function') {
      try {
        close.call(value)
      } catch {
        // Django ignores errors from close() here.
      }
    }
    return concat_copy(chunks)
  }

  /** The content decoded with the response charset (cached until content is set again). */
  get text(): string {
    if (this.#text === null) this.#text = decode(this.content, this.charset || 'utf-8')
    return this.#text
  }

  /** Iterates the content chunks. */
  [Symbol.iterator](): IterableIterator<Uint8Array> {
    return this._container[Symbol.iterator]()
  }

  /** Appends to the content. */
  override write(content: unknown): void {
    this._container.push(this.make_bytes(content))
  }

  /** The content length. */
  override tell(): number {
    return this.content.length
  }

  /** The content. */
  getvalue(): Uint8Array {
    return this.content
  }

  /** True. */
  override writable(): boolean {
    return true
  }

  /** Writes each line. */
  override writelines(lines: Iterable<unknown>): void {
    for (const line of lines) this.write(line)
  }
}
