/**
 * Typed handles on the two pako 2.1 zlib modules core/zlib.ts drives directly; pako ships no types
 * for them, and an ambient `declare module` loses to the real .js file under some tsconfigs.
 */
// @ts-expect-error -- pako's internal module has no declarations; PakoDeflate below describes it.
import deflate_module from 'pako/lib/zlib/deflate.js'
// @ts-expect-error -- as above; PakoZStream describes it.
import zstream_module from 'pako/lib/zlib/zstream.js'

/** zlib's z_stream: input/output buffers and positions, plus the opaque internal state. */
export interface PakoZStream {
  input: Uint8Array | null
  next_in: number
  avail_in: number
  output: Uint8Array | null
  next_out: number
  avail_out: number
  state: { head: Uint16Array; window: Uint8Array } | null
}

/** The deflate entry points (zlib's deflateInit2, deflateReset and deflate). */
export interface PakoDeflate {
  deflateInit2(strm: PakoZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number
  deflateReset(strm: PakoZStream): number
  deflate(strm: PakoZStream, flush: number): number
}

/** pako's zlib deflate module. */
export const zlibDeflate = deflate_module as PakoDeflate
/** pako's ZStream class. */
export const ZStream = zstream_module as new () => PakoZStream
