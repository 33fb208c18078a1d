import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import pako from 'pako'
import { sha256 } from '@noble/hashes/sha2.js'
import { zlib_compress } from './zlib.ts'

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('zlib_compress (reused deflate state)', () => {
  it("gives CPython's zlib.compress bytes", () => {
    // Outputs of CPython 3.13's zlib.compress.
    expect(hex(zlib_compress(ascii('{"count":12345,"_auth_user_id":"1"}')))).toBe(
      '789cab564ace2fcd2b51b23234323631d5518a4f2c2dc9882f2d4e2d8acf4c51b2523254aa0500c9b90b19',
    )
    expect(hex(zlib_compress(ascii('a'.repeat(1000))))).toBe('789c4b4c1c05a360140c770000f9d87af8')
    const cycle = new Uint8Array(256 * 300).map((_, i) => i & 0xff)
    const big = zlib_compress(cycle)
    expect(big.length).toBe(629)
    expect(hex(sha256(big))).toBe('a482aa80f70768a81d7ad76d6e490594b41ef13f13e1ecfbd97c965307e894c2')
    expect(hex(zlib_compress(new Uint8Array(0)))).toBe(hex(pako.deflate(new Uint8Array(0))))
  })

  it('equals a fresh pako.deflate for any sequence of inputs', () => {
    // Small alphabets make long matches, so stale state from the previous input would show.
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.constantFrom(0x61, 0x62, 0x00), { maxLength: 2000 }).map((a) => Uint8Array.from(a)),
      fc.integer({ min: 0, max: 200_000 }).map((n) => new Uint8Array(n).map((_, i) => (i * 7) % 13)),
    )
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 6 }), (inputs) => {
        for (const data of inputs) expect(hex(zlib_compress(data))).toBe(hex(pako.deflate(data)))
      }),
      { numRuns: 150 },
    )
  })
})
