/** TypeScript → CommonJS for one project file, with sucrase (it keeps every line where it was). */
import { transform } from 'sucrase'

/** A file that failed to transpile, or an import that cannot be linked: the message names file:line. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
    this.name = 'BuildError'
  }
}

/** One `require('x')` the transpiled code makes, with the line of the import it came from. */
export interface ImportSite {
  specifier: string
  line: number
}

/** A transpiled file: CommonJS code whose line N is the source's line N. */
export interface Transpiled {
  file: string
  code: string
  imports: ImportSite[]
}

const REQUIRE = /\brequire\((['"])([^'"]+)\1\)/g

/** Transpiles `source` (TypeScript, ES modules) to CommonJS; a syntax error becomes a BuildError at its line. */
export function transpile(file: string, source: string): Transpiled {
  let code: string
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], filePath: file }).code
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    // Sucrase says "Error transforming views.ts: Unexpected token (3:5)"; keep only the reason.
    const reason = String((error as Error).message ?? error)
      .replace(/^Error transforming [^:]*: /, '')
      .replace(/ \(\d+:\d+\)$/, '')
    const line = loc?.line ?? 1
    const column = (loc?.column ?? 0) + 1
    throw new BuildError(`SyntaxError: ${reason} (${file}:${line}:${column})`, file, line, column)
  }
  const imports: ImportSite[] = []
  code.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(REQUIRE)) imports.push({ specifier: match[2]!, line: index + 1 })
  })
  return { file, code, imports }
}
