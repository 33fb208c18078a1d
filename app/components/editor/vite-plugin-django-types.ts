/**
 * A Vite plugin serving `virtual:django-types`: the engine's own declarations, emitted in memory
 * with the TypeScript compiler API, so the editor's completion, hover docs and errors for the
 * `django/*` modules always match the engine that runs the user's code.
 */
import { readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import type { Plugin } from 'vite'

/** One declaration file for Monaco's `addExtraLib(text, path)`. */
export interface DjangoTypeLib {
  path: string
  text: string
}

const VIRTUAL_ID = 'virtual:django-types'
const RESOLVED_ID = '\0' + VIRTUAL_ID
/** Where the emitted files live in Monaco's virtual file system. */
export const LIB_ROOT = 'file:///node_modules/django-playground/'

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  allowImportingTsExtensions: true,
  declaration: true,
  emitDeclarationOnly: true,
  // Django-private attributes the engine keeps for its own tests stay out of completion lists.
  stripInternal: true,
  // Declarations only need the types they print; skipping the full check keeps dev start-up quick.
  noCheck: true,
  skipLibCheck: true,
  strict: true,
}

// `from './x.ts'` and `import('./x.ts')`: Monaco resolves the emitted `.d.ts` through `.js`.
const TS_SPECIFIER = /((?:from\s+|import\s*\(\s*)['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g

/** Rewrites relative `.ts` specifiers in emitted declarations to `.js`, which resolves to `.d.ts`. */
export function rewriteSpecifiers(text: string): string {
  return text.replace(TS_SPECIFIER, '$1$2.js$3')
}

const RELATIVE_SPECIFIER = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g

/** Relative module specifiers a declaration file imports (already rewritten to `.js`). */
function relativeImports(text: string): string[] {
  return [...text.matchAll(RELATIVE_SPECIFIER)].map((m) => m[1] as string)
}

/** Reads DJANGO_MODULE_FILES from app/runtime/django/index.ts without running it. */
export function readModuleFiles(djangoDir: string): Record<string, string> {
  const source = ts.sys.readFile(join(djangoDir, 'index.ts')) ?? ''
  const block = /DJANGO_MODULE_FILES[^{]*\{([^}]*)\}/.exec(source)?.[1] ?? ''
  const files: Record<string, string> = {}
  for (const m of block.matchAll(/'([^']+)':\s*'([^']+)'/g)) files[m[1] as string] = m[2] as string
  return files
}

/** The `declare module 'django/http' { export * from … }` shims, one per django/* module. */
export function moduleShims(moduleFiles: Record<string, string>): string {
  const lines = Object.entries(moduleFiles).map(([name, file]) => {
    const target = 'django-playground/runtime/django/' + file.replace(/\.ts$/, '.js')
    return `declare module '${name}' {\n  export * from '${target}'\n}`
  })
  return lines.join('\n') + '\n'
}

/**
 * Emits declarations for app/runtime/django/*.ts and every engine file they reach, keyed by
 * their Monaco path (`file:///node_modules/django-playground/engine/http/index.d.ts`), plus the
 * module shims.
 */
export function emitDjangoTypes(appDir: string): DjangoTypeLib[] {
  const djangoDir = join(appDir, 'runtime', 'django')
  const roots = readdirSync(djangoDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
    .map((f) => join(djangoDir, f))
  const emitted = new Map<string, string>()
  const host = ts.createCompilerHost(COMPILER_OPTIONS)
  host.writeFile = (fileName, text) => {
    emitted.set(resolve(fileName), rewriteSpecifiers(text))
  }
  const program = ts.createProgram({ rootNames: roots, options: { ...COMPILER_OPTIONS, outDir: appDir }, host })
  program.emit(undefined, undefined, undefined, true)

  // Keep only what the django/* modules reach, so the editor does not load the whole engine's tests.
  const keep = new Map<string, string>()
  const queue = roots.map((r) => r.replace(/\.ts$/, '.d.ts'))
  while (queue.length > 0) {
    const file = queue.pop() as string
    const text = emitted.get(file)
    if (text === undefined || keep.has(file)) continue
    keep.set(file, text)
    for (const spec of relativeImports(text)) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')))
  }
  const monacoPath = (file: string) => LIB_ROOT + relative(appDir, file).split('\\').join('/')
  const libs = [...keep].map(([file, text]) => ({ path: monacoPath(file), text }))
  libs.sort((a, b) => a.path.localeCompare(b.path))
  libs.push({ path: LIB_ROOT + 'modules.d.ts', text: moduleShims(readModuleFiles(djangoDir)) })
  return libs
}

/** The Vite plugin: `import libs from 'virtual:django-types'` gives `DjangoTypeLib[]`. */
export function djangoTypes(options: { appDir?: string } = {}): Plugin {
  let appDir = options.appDir ?? ''
  let cached: string | null = null
  return {
    name: 'django-types',
    configResolved(config) {
      if (appDir === '') appDir = join(config.root, 'app')
    },
    // Hook filters keep the bundler from calling into JavaScript for every other module.
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL_ID}$`) },
      handler: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    },
    load: {
      filter: { id: new RegExp(`^\0${VIRTUAL_ID}$`) },
      handler(id) {
        if (id !== RESOLVED_ID) return null
        cached ??= `export default ${JSON.stringify(emitDjangoTypes(appDir))}\n`
        return cached
      },
    },
    // In dev, an engine or django/* edit re-emits the declarations on the next load.
    handleHotUpdate({ file, server }) {
      const rel = relative(appDir, file)
      if (!rel.startsWith('engine') && !rel.startsWith(join('runtime', 'django'))) return
      cached = null
      const mod = server.moduleGraph.getModuleById(RESOLVED_ID)
      if (mod !== undefined) server.moduleGraph.invalidateModule(mod)
    },
  }
}
