/** Captures `console.*` calls made by user code, per exchange (the worker's console is wrapped once). */
import type { ConsoleEntry } from '../protocol.ts'
import { console_text } from './shown.ts'

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const

let sink: ConsoleEntry[] | null = null
let installed = false

/** Wraps the global console so calls land in the active capture; outside one they pass through. */
export function install_console_capture(): void {
  if (installed) return
  installed = true
  for (const level of LEVELS) {
    const original = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      if (sink) sink.push({ level, text: console_text(args) })
      else original(...args)
    }
  }
}

/** Runs `fn` collecting console calls into `entries` (also across its awaits; one exchange runs at a time). */
export async function capturing_console<T>(entries: ConsoleEntry[], fn: () => T | Promise<T>): Promise<T> {
  install_console_capture()
  const previous = sink
  sink = entries
  try {
    return await fn()
  } finally {
    sink = previous
  }
}
