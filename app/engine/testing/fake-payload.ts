/** Port of django/test/client.py's FakePayload: the request body stream the test client hands a request. */
import { concat_copy } from '../core/bytes.ts'
import type { ByteReader } from '../core/bytes-io.ts'
import { AssertionError, ValueError } from '../core/exceptions.ts'

const utf8 = new TextEncoder()


/**
 * A body of known length that can be written until the first read; reading more than remains is
 * an AssertionError, which LimitedStream (CONTENT_LENGTH) keeps views from ever hitting.
 */
export class FakePayload implements ByteReader {
  #content: Uint8Array
  #position = 0
  read_started = false

  constructor(initial_bytes: Uint8Array | string | null = null) {
    this.#content = typeof initial_bytes === 'string' ? utf8.encode(initial_bytes) : (initial_bytes ?? new Uint8Array(0))
  }

  /** `len(payload)`: the bytes not yet read. */
  get length(): number {
    return this.#content.length - this.#position
  }

  read(size: number | null = -1): Uint8Array {
    this.read_started = true
    const remaining = this.length
    const n = size === null || size < 0 ? remaining : size
    if (n > remaining) throw new AssertionError('Cannot read more than the available bytes from the HTTP incoming data.')
    const out = this.#content.subarray(this.#position, this.#position + n)
    this.#position += n
    return out
  }

  readline(size: number | null = -1): Uint8Array {
    this.read_started = true
    const remaining = this.length
    const n = size === null || size < 0 ? remaining : size
    if (n > remaining) throw new AssertionError('Cannot read more than the available bytes from the HTTP incoming data.')
    const view = this.#content.subarray(this.#position, this.#position + n)
    const newline = view.indexOf(0x0a)
    const line = newline < 0 ? view : view.subarray(0, newline + 1)
    this.#position += line.length
    return line
  }

  /** Appends to the body; not allowed once reading started. */
  write(content: Uint8Array | string): void {
    if (this.read_started) throw new ValueError("Unable to write a payload after it's been read")
    const bytes = typeof content === 'string' ? utf8.encode(content) : content
    this.#content = concat_copy([this.#content, bytes])
  }
}
