import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pbkdf2 } from '../core/crypto.ts'
import { pbkdf2_hmac } from './pbkdf2-hmac.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('pbkdf2_hmac', () => {
  it('matches RFC 6070 PBKDF2-HMAC-SHA1 vectors', () => {
    expect(hex(pbkdf2_hmac('sha1', 'password', 'salt', 1, 20))).toBe('0c60c80f961f0e71f3a9b524af6012062fe037a6')
    expect(hex(pbkdf2_hmac('sha1', 'password', 'salt', 4096, 20))).toBe('4b007901b765489abead49d926f721d065a429c1')
    expect(hex(pbkdf2_hmac('sha1', 'passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25))).toBe(
      '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038',
    )
  })

  it('matches the PBKDF2-HMAC-SHA256 vector for password/salt, 4096 iterations', () => {
    expect(hex(pbkdf2_hmac('sha256', 'password', 'salt', 4096))).toBe(
      'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a',
    )
  })

  it('agrees with the generic @noble/hashes loop for any password, salt, count and length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sha256', 'sha1'),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 150 })),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 100 })),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 70 }),
        (digest, password, salt, iterations, dklen) => {
          expect(hex(pbkdf2_hmac(digest, password, salt, iterations, dklen))).toBe(
            hex(pbkdf2(password, salt, iterations, dklen, digest)),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('hands other digests to the generic loop and rejects a count below 1', () => {
    expect(hex(pbkdf2_hmac('sha512', 'p', 's', 3))).toBe(hex(pbkdf2('p', 's', 3, 0, 'sha512')))
    expect(() => pbkdf2_hmac('sha256', 'p', 's', 0)).toThrow('iteration value must be greater than 0.')
  })

  it('runs SHA-256 iterations faster than the generic loop', () => {
    const start = performance.now()
    pbkdf2_hmac('sha256', 'secret', 'fixedsalt12345', 200_000)
    const fast = performance.now() - start
    const start2 = performance.now()
    pbkdf2('secret', 'fixedsalt12345', 200_000, 0, 'sha256')
    const generic = performance.now() - start2
    expect(fast).toBeLessThan(generic)
  })
})
