import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without types
import { patchWorker, TARGET, UPSTREAM } from '../../scripts/msw-worker.mjs'

describe('public/mockServiceWorker.js', () => {
  it('is the installed msw worker with the playground patches (run node scripts/msw-worker.mjs after an msw upgrade)', () => {
    const upstream = readFileSync(UPSTREAM, 'utf8')
    expect(readFileSync(TARGET, 'utf8')).toBe(patchWorker(upstream))
  })

  it('keeps the version the page-side msw checks (its integrity check reads these lines)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../node_modules/msw/package.json', import.meta.url), 'utf8'))
    expect(readFileSync(TARGET, 'utf8')).toContain(`const PACKAGE_VERSION = '${pkg.version}'`)
  })

  it('fails loudly when a patch no longer applies', () => {
    expect(() => patchWorker('// another worker')).toThrow(/matched 0 times/)
  })
})
