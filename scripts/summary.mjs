// Prints one closing line for the whole run, `N passed, M failed, K skipped`, from the JSON
// reports Vitest, the conformance runner (its steps) and Playwright wrote, so CI reads one total.
import { existsSync, readFileSync } from 'node:fs'

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0

const unit = read('reports/vitest.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
}
const conformance = read('reports/conformance.json')
if (conformance) {
  passed += conformance.passed
  failed += conformance.failed
  skipped += conformance.skipped
}
const e2e = read('reports/e2e.json')
if (e2e) {
  passed += e2e.stats.expected
  failed += e2e.stats.unexpected + e2e.stats.flaky
  skipped += e2e.stats.skipped
}
if (!unit || !conformance || !e2e) failed += 1 // a runner that wrote no report did not finish
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exitCode = failed > 0 ? 1 : 0
