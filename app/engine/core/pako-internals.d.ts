/** Types for the two pako 2.1 zlib modules core/zlib.ts drives directly (pako ships none for them). */
declare module 'pako/lib/zlib/zstream.js' {
  /** zlib's z_stream: input/output buffers and positions, plus the opaque internal state. */
  class ZStream {
    input: Uint8Array | null
    next_in: number
    avail_in: number
    output: Uint8Array | null
    next_out: number
    avail_out: number
    state: { head: Uint16Array; window: Uint8Array } | null
  }
  export default ZStream
}

declare module 'pako/lib/zlib/deflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js'
  /** zlib's deflateInit2(strm, level, method, windowBits, memLevel, strategy). */
  export function deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number
  /** zlib's deflateReset(strm). */
  export function deflateReset(strm: ZStream): number
  /** zlib's deflate(strm, flush). */
  export function deflate(strm: ZStream, flush: number): number
  const module: {
    deflateInit2: typeof deflateInit2
    deflateReset: typeof deflateReset
    deflate: typeof deflate
  }
  export default module
}
