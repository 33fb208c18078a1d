/**
 * Links and runs the project's files as CommonJS modules: relative imports between project files,
 * `django/*` from the runtime's module table, nothing else.
 */
import type { ProjectFiles } from '../protocol.ts'
import { BuildError, transpile, type Transpiled } from './transpile.ts'

/** Files the linker treats as code (everything else in a project is data the code cannot import). */
export const CODE_FILE = /\.(ts|tsx|js|mjs)$/

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.js']

interface ModuleRecord {
  exports: Record<string, unknown>
  loaded: boolean
}

/** `a/b/../c.ts` → `a/c.ts`, relative to the importing file's folder. */
function join(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1)
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/** The dotted module name of a project file (`api/views.ts` → `api.views`), for settings' dotted paths. */
export function module_name(file: string): string {
  return file.replace(CODE_FILE, '').replaceAll('/', '.')
}

/** Evaluates transpiled code as a function of (exports, require, module), named `file` in stack traces. */
function evaluate(t: Transpiled): (exports: object, require: (s: string) => unknown, module: object) => void {
  // The wrapper shares line 1 with the code, so stack lines are the source's lines; indirect eval keeps
  // the runtime's own scope out of reach.
  const wrapped = `(function (exports, require, module) {${t.code}\n})\n//# sourceURL=${t.file}`
  return (0, eval)(wrapped)
}

/** The project's module graph: transpiles every code file up front, then loads on demand. */
export class Linker {
  readonly #files: Map<string, Transpiled> = new Map()
  readonly #modules = new Map<string, ModuleRecord>()
  readonly #builtins: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  readonly #builtinCache = new Map<string, Record<string, unknown>>()

  /** Transpiles all code files and checks every import; the first problem is thrown as a BuildError. */
  constructor(files: ProjectFiles, builtins: Readonly<Record<string, Readonly<Record<string, unknown>>>>) {
    this.#builtins = builtins
    for (const [file, source] of Object.entries(files)) {
      if (CODE_FILE.test(file)) this.#files.set(file, transpile(file, source))
    }
    for (const t of this.#files.values()) {
      for (const site of t.imports) this.resolve(t.file, site.specifier, site.line)
    }
  }

  /** The code files, in project order. */
  get files(): string[] {
    return [...this.#files.keys()]
  }

  /** True when `file` is a linked code file. */
  has(file: string): boolean {
    return this.#files.has(file)
  }

  /** Where `specifier` imported from `from` leads: a builtin module name or a project file. */
  resolve(from: string, specifier: string, line = 1): { builtin: string } | { file: string } {
    if (Object.hasOwn(this.#builtins, specifier)) return { builtin: specifier }
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      const base = join(from, specifier)
      for (const ext of EXTENSIONS) if (this.#files.has(base + ext)) return { file: base + ext }
      throw new BuildError(`ImportError: no project file '${specifier}' (imported in ${from}:${line})`, from, line, 1)
    }
    const hint = specifier.startsWith('django/') ? 'no such django module here' : 'only django/* and ./project files can be imported'
    throw new BuildError(`ImportError: cannot import '${specifier}': ${hint} (${from}:${line})`, from, line, 1)
  }

  /** Loads (once) and returns a project file's exports; exceptions at import propagate. */
  load(file: string): Record<string, unknown> {
    const known = this.#modules.get(file)
    // A cycle sees the partial exports, as CommonJS does.
    if (known) return known.exports
    const t = this.#files.get(file)
    if (!t) throw new BuildError(`ImportError: no project file '${file}'`, file, 1, 1)
    const record: ModuleRecord = { exports: {}, loaded: false }
    this.#modules.set(file, record)
    const module = { exports: record.exports }
    const require = (specifier: string): unknown => {
      const target = this.resolve(file, specifier)
      return 'builtin' in target ? this.#builtin(target.builtin) : this.load(target.file)
    }
    try {
      evaluate(t)(record.exports, require, module)
    } catch (error) {
      this.#modules.delete(file)
      throw error
    }
    record.exports = module.exports as Record<string, unknown>
    record.loaded = true
    return record.exports
  }

  #builtin(name: string): Record<string, unknown> {
    let cached = this.#builtinCache.get(name)
    // Marked as an ES module so sucrase's interop uses it as is instead of copying it per import.
    if (!cached) this.#builtinCache.set(name, (cached = Object.freeze({ ...this.#builtins[name], __esModule: true })))
    return cached
  }
}
