/** Pure editor settings and helpers (no Monaco import), so they are unit-tested in Node. */
import type { ProjectFiles } from '../../runtime/protocol.ts'

/** Project files live under this URI in Monaco; `./views` from urls.ts resolves beside it. */
export const PROJECT_ROOT = 'file:///project/'

/** `views.ts` → `file:///project/views.ts`. */
export function modelUri(path: string): string {
  return PROJECT_ROOT + path
}

/** `file:///project/views.ts` → `views.ts`, or null for a URI outside the project (a lib). */
export function projectPath(uri: string): string | null {
  return uri.startsWith(PROJECT_ROOT) ? uri.slice(PROJECT_ROOT.length) : null
}

/**
 * TypeScript options for the project, as numbers because Monaco's enums stop at ES2020 and
 * NodeJs resolution while its bundled TypeScript (5.9) knows ES2022 and bundler resolution.
 */
export const EDITOR_COMPILER_OPTIONS = {
  target: 9, // ES2022
  module: 99, // ESNext
  moduleResolution: 100, // Bundler: `./views` without an extension, like the runtime's linker
  // User code runs in a Worker: WebWorker typings, so `document` is flagged as it would fail.
  lib: ['es2022', 'webworker'],
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  esModuleInterop: true,
  skipLibCheck: true,
  allowNonTsExtensions: true,
} as const

/** Why a file name cannot be used (empty, not .ts, outside the project, taken), or null. */
export function fileNameProblem(name: string, files: ProjectFiles, renaming?: string): string | null {
  if (name === '') return 'Give the file a name.'
  if (!/\.ts$/.test(name)) return 'Project files are TypeScript: end the name with .ts.'
  if (name.startsWith('/') || name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return 'Use a path inside the project, like helpers.ts or lib/forms.ts.'
  }
  if (!/^[\w./-]+$/.test(name)) return 'Use letters, digits, _, -, . and / only.'
  if (name !== renaming && name in files) return `${name} already exists.`
  return null
}

/** A name for a new file that is not taken yet: `helpers.ts`, `helpers2.ts`, … */
export function freshFileName(files: ProjectFiles, base = 'helpers'): string {
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? '' : i}.ts`
    if (!(name in files)) return name
  }
}
