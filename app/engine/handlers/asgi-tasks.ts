/** Port of the part of asyncio ASGIHandler uses (Task, CancelledError), plus Python's AssertionError. */

// DEVIATION(django): a JavaScript promise cannot be cancelled, so cancelling a task only makes
// the awaits it wraps in `cancellable()` raise CancelledError at once; the work behind them runs on.
import { CancelledError } from '../core/exceptions.ts'

export { AssertionError, CancelledError } from '../core/exceptions.ts'

/** `p`, unless `signal` aborts first: then a CancelledError (p's late result is dropped). */
export function cancellable<T>(p: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return p
  p.catch(() => {})
  if (signal.aborted) return Promise.reject(new CancelledError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** An asyncio.Task stand-in: records how its work settled and can be cancelled. */
export class Task<T> {
  /** True once the work settled. */
  done = false
  #failed = false
  #value: T | undefined
  #error: unknown
  readonly #controller = new AbortController()
  /** Settles as the work does. */
  readonly promise: Promise<T>

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.promise = work(this.#controller.signal).then(
      (value) => {
        this.done = true
        this.#value = value
        return value
      },
      (error: unknown) => {
        this.done = true
        this.#failed = true
        this.#error = error
        throw error
      },
    )
    this.promise.catch(() => {})
  }

  /** Asks the work to stop: every await it makes through `cancellable` raises CancelledError. */
  cancel(): void {
    this.#controller.abort()
  }

  /** The value, or the error raised again. */
  result(): T {
    if (this.#failed) throw this.#error
    return this.#value as T
  }
}
