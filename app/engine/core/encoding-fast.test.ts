import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { decode, has_lone_surrogate, latin1_decode, utf8_encode, UnicodeEncodeError } from './encoding.ts'

// The general forms the fast paths replace.
const referenceUtf8 = (text: string, errors: 'strict' | 'replace'): Uint8Array | string => {
  if (errors === 'strict' && /\p{Cs}/u.test(text)) return 'UnicodeEncodeError'
  return new TextEncoder().encode(errors === 'replace' ? text.replace(/\p{Cs}/gu, '?') : text)
}
const outcome = (f: () => Uint8Array): Uint8Array | string => {
  try {
    return f()
  } catch (error) {
    if (error instanceof UnicodeEncodeError) return 'UnicodeEncodeError'
    throw error
  }
}

// ASCII-heavy text with the occasional non-ASCII character, surrogate pair or lone surrogate.
const text = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('é', '\u0080', '😀', '\ud83d', '\ude00', '\ud800x', '\uffff'), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 })
  .map((parts) => parts.join(''))

describe('utf8_encode fast paths', () => {
  it('equal TextEncoder with the lone-surrogate rules, strict and replace', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('strict' as const, 'replace' as const), (value, errors) => {
        expect(outcome(() => utf8_encode(value, errors))).toEqual(referenceUtf8(value, errors))
      }),
      { numRuns: 3000 },
    )
  })

  it('handles long text and the exact Python message', () => {
    const long = 'a'.repeat(300) + 'é'
    expect(utf8_encode(long)).toEqual(new TextEncoder().encode(long))
    expect(() => utf8_encode('a\ud800')).toThrow("'utf-8' codec can't encode character: surrogates not allowed")
    expect(utf8_encode('a\ud800', 'replace')).toEqual(Uint8Array.from([0x61, 0x3f]))
  })

  it('has_lone_surrogate matches the \\p{Cs} test', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(has_lone_surrogate(value)).toBe(/\p{Cs}/u.test(value))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('latin1_decode', () => {
  it('maps every byte to the code point of the same number, any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), (bytes) => {
        expect(latin1_decode(bytes)).toBe(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
      }),
      { numRuns: 200 },
    )
  })
})

describe('decode with cached TextDecoders', () => {
  it('keeps fatal and BOM handling apart per configuration', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])
    expect(decode(bom, 'utf-8', 'replace')).toBe('\ufeffa')
    expect(decode(Uint8Array.from([0xff, 0x61]), 'utf-8', 'replace')).toBe('\ufffda')
    expect(() => decode(Uint8Array.from([0xff, 0x61]), 'utf-8', 'strict')).toThrow("'utf-8' codec can't decode bytes")
    expect(decode(bom, 'utf8', 'strict')).toBe('\ufeffa')
    expect(decode(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 'utf-16', 'strict')).toBe('a')
  })
})
