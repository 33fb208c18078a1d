/**
 * CPython's `zlib.compress(data)` (level 6, 32 KiB window, memLevel 8), byte for byte, on one
 * reused pako deflate state: creating a state allocates and zeroes ~256 KiB, which dominated
 * every signed-cookie session write.
 */
import pako from 'pako'
import { ZStream, zlibDeflate, type PakoZStream } from './pako-internals.ts'

const Z_FINISH = 4
const Z_OK = 0
const Z_STREAM_END = 1
const NO_HEAD = new Uint16Array(0)

let stream: PakoZStream | null = null
// How many leading window bytes the last call may have written (its input length, capped).
let dirtyWindow = 0

/** zlib's compressBound: the largest output deflate can produce for `n` input bytes. */
function compressBound(n: number): number {
  return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13
}

/** A freshly reset stream, in the same state deflateInit2 leaves a new one in. */
function resetStream(): PakoZStream | null {
  if (stream === null) {
    const created = new ZStream()
    // Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY: zlib.compress's.
    if (zlibDeflate.deflateInit2(created, -1, 8, 15, 8, 0) !== Z_OK) return null
    stream = created
    return stream
  }
  const state = stream.state
  if (state === null) return null
  // deflateReset clears the hash heads with a JS loop; a native fill does the same faster.
  const head = state.head
  state.head = NO_HEAD
  const status = zlibDeflate.deflateReset(stream)
  state.head = head
  if (status !== Z_OK) return null
  head.fill(0)
  // A new state's window is all zeros; never let the last payload's bytes be seen past the data.
  state.window.fill(0, 0, Math.min(dirtyWindow, state.window.length))
  return stream
}

/** `zlib.compress(data)`: the zlib stream pako.deflate(data) gives, without a new state per call. */
export function zlib_compress(data: Uint8Array): Uint8Array {
  const strm = resetStream()
  if (strm !== null) {
    const output = new Uint8Array(compressBound(data.length))
    strm.input = data
    strm.next_in = 0
    strm.avail_in = data.length
    strm.output = output
    strm.next_out = 0
    strm.avail_out = output.length
    // Input only ever lands in the window below its own length (and the window is 2 × 32 KiB).
    dirtyWindow = data.length
    const status = zlibDeflate.deflate(strm, Z_FINISH)
    const size = strm.next_out
    strm.input = null
    strm.output = null
    if (status === Z_STREAM_END) return output.slice(0, size)
    stream = null
  }
  return pako.deflate(data)
}
