/** Django's FakePayloadTests: no writing once reading started. */
// django: tests/test_client/test_fakepayload.py
import { describe, expect, it } from 'vitest'
import { ValueError } from '../core/exceptions.ts'
import { FakePayload } from '../testing/fake-payload.ts'

describe('FakePayloadTests', () => {
  it('test_write_after_read', () => {
    for (const operation of ['read', 'readline'] as const) {
      const payload = new FakePayload()
      payload[operation]()
      // The message of spec §17 (Django's own).
      expect(() => payload.write(new TextEncoder().encode('abc'))).toThrow(ValueError)
      expect(() => payload.write(new TextEncoder().encode('abc'))).toThrow("Unable to write a payload after it's been read")
    }
  })
})
