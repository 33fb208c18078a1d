/** Port of run_oracle.py (iter_case_files, load_case, --check): case files run and each step checked against Django. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { differences, format_difference, type Difference } from './compare.ts'
import { run_case, type Case, type StepResult } from './run-case.ts'

/** The folder `npm run conformance` runs when given no path. */
export const DEFAULT_PATH = 'conformance/cases/public'

/** The Django the port targets: cases needing a newer one are recorded as skipped by the oracle too. */
const DJANGO = [5, 2] as const

/**
 * Cases the runner does not run, by name, with the reason (printed on every run). Empty: every
 * public case runs.
 */
export const SKIPPED_CASES: Readonly<Record<string, string>> = {}

/** One step's outcome. */
export interface StepOutcome {
  index: number
  op: string
  label: string
  passed: boolean
  differences: Difference[]
}

/** Steps passed and failed. */
export interface Counts {
  passed: number
  failed: number
}

/** One case file's outcome. */
export interface CaseOutcome {
  file: string
  name: string
  skipped: string | null
  error: string | null
  steps: StepOutcome[]
  results: StepResult[]
}

/** Case files under the given paths: folders walked recursively in sorted order, INDEX.json left out. */
export function iter_case_files(paths: readonly string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries.filter((e) => e.isDirectory())) walk(join(dir, e.name))
    for (const e of entries) {
      if (e.isFile() && e.name.endsWith('.json') && e.name !== 'INDEX.json') out.push(join(dir, e.name))
    }
  }
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p)
    else out.push(p)
  }
  return out
}

/** A case file: `{case, expected}` or a bare case (no expected result). */
export function load_case(file: string): [Case, { steps?: StepResult[]; skipped?: string } | null] {
  const obj = JSON.parse(readFileSync(file, 'utf8'))
  if (Object.hasOwn(obj, 'case') && !Object.hasOwn(obj, 'steps')) return [obj.case, obj.expected ?? null]
  return [obj, null]
}

const version = (text: string) => text.split('.').slice(0, 2).map(Number) as [number, number]
const newer = (a: readonly number[], b: readonly number[]) => a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!)

/** The Django a case needs: its `min_django`, raised by the client features it uses. */
export function required_django(case_: Case): [number, number] {
  let need: [number, number] = case_.min_django ? version(case_.min_django) : [0, 0]
  const copts = case_.client ?? {}
  const features: Array<[boolean, [number, number]]> = [
    [copts['async'] === true, [4, 2]],
    [Object.hasOwn(copts, 'query_params') || case_.steps.some((s) => Object.hasOwn(s, 'query_params')), [5, 1]],
  ]
  for (const [used, v] of features) if (used && newer(v, need)) need = v
  return need
}

function label(step: Record<string, unknown>): string {
  const path = typeof step['path'] === 'string' ? ` ${step['path']}` : ''
  const key = typeof step['key'] === 'string' ? ` ${step['key']}` : ''
  const text = `${step['op']}${path}${key}`
  return text.length > 90 ? text.slice(0, 87) + '...' : text
}

/** Runs one case file and compares each step with the stored expected result. */
export async function run_case_file(file: string): Promise<CaseOutcome> {
  const [case_, expected] = load_case(file)
  const name = case_.name ?? file
  const outcome: CaseOutcome = { file, name, skipped: null, error: null, steps: [], results: [] }
  const skip = SKIPPED_CASES[name]
  if (skip !== undefined) return { ...outcome, skipped: skip }
  const need = required_django(case_)
  if (newer(need, DJANGO)) return { ...outcome, skipped: `needs Django >= ${need.join('.')}` }
  try {
    outcome.results = await run_case(case_)
  } catch (e) {
    outcome.error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e)
  }
  const want = expected?.steps ?? null
  const count = Math.max(case_.steps.length, want?.length ?? 0)
  for (let i = 0; i < count; i++) {
    const step = (case_.steps[i] ?? { op: '?' }) as Record<string, unknown>
    const got = outcome.results[i]
    let diffs: Difference[]
    if (want === null) diffs = [{ path: '.', expected: '(no expected result in the file)', got: got ?? null }]
    else if (got === undefined) diffs = [{ path: '.', expected: want[i] ?? null, got: '(no result: case did not run)' }]
    else diffs = differences(want[i], got)
    const passed = diffs.length === 0
    outcome.steps.push({ index: i, op: String(step['op']), label: label(step), passed, differences: diffs })
  }
  return outcome
}

/** Runs every case file under `paths` (files or folders), one after another. */
export async function run_cases(paths: readonly string[] = [DEFAULT_PATH]): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = []
  for (const file of iter_case_files(paths)) outcomes.push(await run_case_file(file))
  return outcomes
}

/** The report: skips, a diff per failing step, then exactly `N passed, M failed` (steps). */
export function report(outcomes: readonly CaseOutcome[], write: (line: string) => void): Counts {
  let passed = 0
  let failed = 0
  const skipped = outcomes.filter((o) => o.skipped !== null)
  write(`Skipped cases: ${skipped.length === 0 ? 'none' : skipped.length}`)
  for (const o of skipped) write(`  ${o.name}: ${o.skipped}`)
  for (const o of outcomes) {
    if (o.error !== null) write(`ERROR ${o.name} (${o.file}): ${o.error.split('\n').slice(0, 6).join('\n    ')}`)
    for (const s of o.steps) {
      if (s.passed) {
        passed++
        continue
      }
      failed++
      write(`FAIL ${o.name} step ${s.index} (${s.label})`)
      for (const d of s.differences) for (const line of format_difference(d)) write(line)
    }
  }
  write(`${passed} passed, ${failed} failed`)
  return { passed, failed }
}

/**
 * `npm run conformance -- [--print] [--report FILE] [PATH...]`: exit code 1 on any failure;
 * `--print` dumps the engine's results; `--report` writes the step counts as JSON (for the test
 * run's closing line).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv]
  const print = args.includes('--print')
  const report_at = args.indexOf('--report')
  const report_file = report_at >= 0 ? args.splice(report_at, 2)[1] : undefined
  const paths = args.filter((a) => a !== '--print')
  const outcomes = await run_cases(paths.length ? paths : [DEFAULT_PATH])
  const write = (line: string) => void process.stdout.write(line + '\n')
  if (print) for (const o of outcomes) write(JSON.stringify({ name: o.name, steps: o.results }, null, 1))
  const { passed, failed } = report(outcomes, write)
  const errors = outcomes.filter((o) => o.error !== null).length
  const skipped = outcomes.filter((o) => o.skipped !== null).length
  if (report_file) {
    mkdirSync(dirname(report_file), { recursive: true })
    writeFileSync(report_file, JSON.stringify({ passed, failed: failed + errors, skipped }) + '\n')
  }
  return failed > 0 || errors > 0 ? 1 : 0
}
