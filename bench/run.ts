/**
 * `npm run bench`: the engine's speed beside Django's on BASELINE.md's scenarios, as ratios
 * (above 1: faster than Django). Writes bench/results.json. Options: `--quick` (fewer
 * iterations), `--no-django` (use BASELINE.md's figures even where Django is installed),
 * `--no-browser` (skip the preview's browser figures, bench/browser.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { median } from './stats.ts'
import { BASELINE, django_available, run_django, type DjangoFigures, type ScenarioName } from './django.ts'
import * as w from './workloads.ts'
import { runBrowserBench, type BrowserFigures } from './browser.ts'

interface Scenario {
  name: ScenarioName
  unit: string
  label: string
  measure: (n: number) => number
  n: number
  /** The target ratio to Django, where the issue sets one. */
  target: number | null
}

function scenarios(quick: boolean): Scenario[] {
  const k = quick ? 0.2 : 1
  return [
    { name: 'plain_get', unit: 'req/s', label: 'Client GET /plain/, no middleware', measure: w.plain_get, n: Math.ceil(5000 * k), target: 10 },
    { name: 'full_stack_session', unit: 'req/s', label: 'Client GET, full middleware, signed-cookie session write', measure: w.full_stack_session, n: Math.ceil(5000 * k), target: 10 },
    { name: 'multipart_1mib', unit: 'req/s', label: 'Client multipart POST of a 1 MiB file, full middleware', measure: w.multipart_1mib, n: Math.ceil(1000 * k), target: null },
    { name: 'querydict_10k', unit: 'parses/s', label: 'QueryDict of 10,000 fields', measure: w.querydict_10k, n: Math.ceil(200 * k), target: 50 },
    { name: 'multipart_50mib', unit: 'MiB/s', label: 'MultiPartParser, one 50 MiB file, default handlers', measure: w.multipart_50mib, n: quick ? 1 : 3, target: null },
  ]
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1))

export async function main(args: string[]): Promise<number> {
  const quick = args.includes('--quick')
  if (args.includes('--browser-only')) {
    const figures = await runBrowserBench(quick ? 50 : 200)
    printBrowser(figures)
    return 0
  }
  const runs = 3
  const list = scenarios(quick)
  const ours = new Map<ScenarioName, number>()
  console.log(`Engine (Node ${process.version}), ${runs} runs each, medians:`)
  for (const s of list) {
    const values = Array.from({ length: runs }, () => s.measure(s.n))
    ours.set(s.name, median(values))
    console.log(`  ${s.name.padEnd(20)} ${fmt(median(values)).padStart(10)} ${s.unit.padEnd(9)} runs: ${values.map(fmt).join(', ')}`)
  }
  const qs_ours = ours.get('querydict_10k')!
  const usp = median(Array.from({ length: runs }, () => w.urlsearchparams_10k(list[3]!.n)))

  let django: DjangoFigures = { source: 'BASELINE.md (Django 5.2.19, not run here)', medians: BASELINE }
  if (args.includes('--no-django')) {
    console.log('\n--no-django: comparing with BASELINE.md\'s figures.')
  } else if (django_available()) {
    console.log('\nDjango 5.2 is installed: running its side (bench_django.py) now…')
    django = run_django(quick ? 1000 : 5000, runs, quick ? 40 : 200, quick ? 1 : 3)
  } else {
    console.log('\nDjango is not installed here: comparing with BASELINE.md\'s figures.')
  }

  console.log(`\nDjango figures: ${django.source}`)
  console.log(`${'scenario'.padEnd(20)} ${'ours'.padStart(10)} ${'django'.padStart(10)}  unit       ratio   target`)
  const rows = list.map((s) => {
    const value = ours.get(s.name)!
    const theirs = django.medians[s.name] ?? BASELINE[s.name]
    const ratio = value / theirs
    const target = s.target === null ? '' : `${ratio >= s.target ? 'met' : 'MISSED'} (≥${s.target}×)`
    console.log(`${s.name.padEnd(20)} ${fmt(value).padStart(10)} ${fmt(theirs).padStart(10)}  ${s.unit.padEnd(9)} ${ratio.toFixed(2).padStart(6)}×  ${target}`)
    return { name: s.name, unit: s.unit, ours: round(value), django: round(theirs), ratio: round(ratio, 3) }
  })
  const usp_ratio = usp / qs_ours
  console.log(
    `\nURLSearchParams on the same 10,000-field string: ${fmt(usp)} parses/s; QueryDict takes ${usp_ratio.toFixed(2)}× its time ` +
      `(${usp_ratio <= 2 ? 'met' : 'MISSED'}: within 2×).`,
  )
  let browser: BrowserFigures | null = null
  if (!args.includes('--no-browser')) {
    console.log('\nBrowser: a small GET to a view from the preview side, beside a static file in the same page…')
    browser = await runBrowserBench(quick ? 50 : 200)
    printBrowser(browser)
  }
  mkdirSync('bench', { recursive: true })
  const results = {
    browser,
    scenarios: rows,
    django_source: django.source,
    platform: { querydict_10k_urlsearchparams: round(usp), querydict_vs_urlsearchparams_time_ratio: round(usp_ratio, 3) },
  }
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n')
  console.log('\nWrote bench/results.json')
  return 0
}

function printBrowser(browser: BrowserFigures): void {
  const line = (name: string, p: { p50: number; p90: number }) =>
    console.log(`  ${name.padEnd(36)} p50 ${p.p50.toFixed(2).padStart(6)} ms   p90 ${p.p90.toFixed(2).padStart(6)} ms`)
  line('GET /site/echo/ through the worker', browser.worker)
  line('page script fetch through the bridge', browser.bridge)
  line('static file, same page', browser.static_file)
  const ratio = browser.worker.p50 / browser.static_file.p50
  console.log(
    `  worker p50 is ${ratio.toFixed(2)}× the static file's; target p50 ≤ 3 ms: ${browser.worker.p50 <= 3 ? 'met' : 'MISSED'} ` +
      `(bridge: ${browser.bridge.p50 <= 3 ? 'met' : 'MISSED'}); ${browser.requests} requests each`,
  )
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
