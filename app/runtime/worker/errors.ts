/** Exceptions as plain data, with the first stack frame that points into the user's own files. */
import type { SeenError } from '../protocol.ts'
import { BuildError } from './transpile.ts'

// A frame naming a project file: project files are evaluated with `//# sourceURL=<file>`, so V8
// prints `at echo (views.ts:3:9)` or `at views.ts:3:9`; engine frames carry a URL or a path.
const FRAME = /(?:^|[\s(@])((?:[\w.-]+\/)*[\w.-]+\.(?:ts|tsx|js|mjs)):(\d+):(\d+)/gm

/** The first `file:line:col` in `stack` whose file is one of the project's. */
export function user_location(stack: string, files: ReadonlySet<string>): SeenError['location'] {
  for (const match of stack.matchAll(FRAME)) {
    if (files.has(match[1]!)) return { file: match[1]!, line: Number(match[2]), column: Number(match[3]) }
  }
  return null
}

/** Any thrown value as a SeenError; `files` are the project's file names. */
export function seen_error(error: unknown, files: ReadonlySet<string>): SeenError {
  if (error instanceof BuildError) {
    return {
      type: error.message.split(':')[0] ?? 'BuildError',
      message: error.message.replace(/^\w+: /, ''),
      stack: error.message,
      location: { file: error.file, line: error.line, column: error.column },
    }
  }
  if (error instanceof Error) {
    const stack = String(error.stack ?? '')
    // Engine errors are named after Python's classes through their constructors (keepNames).
    const type = error.constructor?.name && error.constructor.name !== 'Error' ? error.constructor.name : error.name
    return { type, message: error.message, stack, location: user_location(stack, files) }
  }
  return { type: typeof error, message: String(error), stack: '', location: null }
}
