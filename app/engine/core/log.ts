/**
 * Python's `logging`, as far as Django's request machinery uses it: named loggers whose records
 * ("Session data corrupted", "Forbidden (CSRF cookie not set.): /path") go to one sink. Django's
 * default config shows them only on a console with DEBUG on; the engine's default sink drops
 * them, and a host (the playground's runtime) installs its own to show them.
 */

/** One log record: the logger's name, Python's level name and the formatted message. */
export interface LogRecord {
  name: string
  levelname: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL'
  message: string
  /** Extra context Django passes (`extra={'status_code': 403, 'request': request}`). */
  extra?: Record<string, unknown>
}

/** Where records go. */
export type LogSink = (record: LogRecord) => void

let sink: LogSink = () => {}

/** Installs the sink every logger writes to; returns the previous one. */
export function set_log_sink(next: LogSink): LogSink {
  const previous = sink
  sink = next
  return previous
}

/** A named logger (`logging.getLogger(name)`). */
export class Logger {
  constructor(readonly name: string) {}

  debug(message: string, extra?: Record<string, unknown>): void {
    sink({ name: this.name, levelname: 'DEBUG', message, extra })
  }

  info(message: string, extra?: Record<string, unknown>): void {
    sink({ name: this.name, levelname: 'INFO', message, extra })
  }

  warning(message: string, extra?: Record<string, unknown>): void {
    sink({ name: this.name, levelname: 'WARNING', message, extra })
  }

  error(message: string, extra?: Record<string, unknown>): void {
    sink({ name: this.name, levelname: 'ERROR', message, extra })
  }
}

const loggers = new Map<string, Logger>()

/** `logging.getLogger(name)`: one logger per name. */
export function getLogger(name: string): Logger {
  let logger = loggers.get(name)
  if (logger === undefined) loggers.set(name, (logger = new Logger(name)))
  return logger
}
