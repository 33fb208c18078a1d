/**
 * Django's side of the benchmarks: run ../shared/conformance/bench_django.py in the Django 5.2
 * chroot when it is installed (conformance/README.md says how), else BASELINE.md's figures.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** bench_django.py's scenario keys for each of ours. */
export const DJANGO_KEYS = {
  plain_get: 'a',
  full_stack_session: 'b',
  multipart_1mib: 'c',
  querydict_10k: 'd1',
  multipart_50mib: 'd2',
} as const

export type ScenarioName = keyof typeof DJANGO_KEYS

/** BASELINE.md's medians for Django 5.2.19 on a 2-core machine like this one. */
export const BASELINE: Record<ScenarioName, number> = {
  plain_get: 6956,
  full_stack_session: 2463,
  multipart_1mib: 655,
  querydict_10k: 14.9,
  multipart_50mib: 1133,
}

export interface DjangoFigures {
  source: string
  medians: Partial<Record<ScenarioName, number>>
}

const SHARED = resolve('..', 'shared', 'conformance')

/** True when the chroot django5.sh uses is on this machine. */
export function django_available(): boolean {
  const root = process.env.DJANGO5_ROOT ?? join(homedir(), '.cache', 'django5-root')
  return existsSync(join(SHARED, 'django5.sh')) && existsSync(join(root, 'usr', 'bin', 'python3'))
}

/** Runs bench_django.py (in a writable copy of the shared folder) and returns its medians. */
export function run_django(n: number, runs: number, qd_n: number, mp_n: number): DjangoFigures {
  const copy = mkdtempSync(join(tmpdir(), 'bench-django-'))
  try {
    cpSync(SHARED, copy, { recursive: true })
    const args = [
      join(copy, 'django5.sh'), 'bench_django.py', '--n', String(n), '--runs', String(runs),
      '--qd-n', String(qd_n), '--mp-n', String(mp_n), '--only', 'a,b,c,d1,d2', '--json', 'bench-out.json',
    ]
    const result = spawnSync('bash', args, { cwd: copy, stdio: ['ignore', 'inherit', 'inherit'] })
    if (result.status !== 0) throw new Error(`bench_django.py exited with ${result.status}`)
    const raw = JSON.parse(readFileSync(join(copy, 'bench-out.json'), 'utf8')) as {
      django: string
      scenarios: Record<string, { median: number }>
    }
    const medians: Partial<Record<ScenarioName, number>> = {}
    for (const [name, key] of Object.entries(DJANGO_KEYS)) medians[name as ScenarioName] = raw.scenarios[key]?.median
    return { source: `Django ${raw.django}, measured in this run`, medians }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}
