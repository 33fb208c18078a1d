import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WELCOME_PROJECT } from '../examples/index.ts'
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_VERSION } from './share-link.ts'

/** A link of format 1, kept for ever: whatever the code becomes, it must keep opening. */
const V1_LINK = 'v1.q1ZKy8xJLVayqlYqy0wtL9YrAbKVUisK8otKFKprlWp1lPLyS1KVrPJKc3JqAQ'
const V1_PAYLOAD = { files: { 'views.ts': 'export {}' }, note: null }

describe('the share-link snapshot codec', () => {
  it('round-trips any JSON value, bytes included (fast-check)', () => {
    const bytes = fc.uint8Array({ maxLength: 64 })
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        bytes,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value), (payload) => {
        const text = encodeSnapshot(payload)
        expect(text).toMatch(new RegExp(`^v${SNAPSHOT_VERSION}\\.[A-Za-z0-9_-]*$`))
        expect(decodeSnapshot(`#${text}`)).toEqual({ ok: true, version: SNAPSHOT_VERSION, payload })
      }),
      { seed: 20261204, numRuns: 300 },
    )
  })

  it('keeps opening a link of format 1', () => {
    expect(decodeSnapshot(V1_LINK)).toEqual({ ok: true, version: 1, payload: V1_PAYLOAD })
  })

  it('says what is wrong with a damaged, cut or foreign link, and never throws', () => {
    const link = encodeSnapshot({ files: WELCOME_PROJECT })
    const error = (text: string) => {
      const decoded = decodeSnapshot(text)
      return decoded.ok ? null : decoded.error
    }
    expect(error(link.slice(0, link.length / 2))).toMatch(/damaged or cut short/)
    expect(error(`${link.slice(0, 20)}*${link.slice(21)}`)).toMatch(/characters a share link never has/)
    expect(error('hello')).toMatch(/holds no playground/)
    expect(error('v9.abc')).toMatch(/newer Request Playground \(format 9\)/)
    expect(error('v1.AAAA')).toMatch(/damaged/)
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeSnapshot(text)).not.toThrow()
      }),
      { seed: 20261204, numRuns: 300 },
    )
  })

  it("fits the welcome project's files in a link under 8,000 characters", () => {
    // About 7,150 today: a link under 1,500 characters has to name a shipped example and carry only what differs.
    expect(encodeSnapshot({ files: WELCOME_PROJECT }).length).toBeLessThan(8000)
  })
})
