/** Port of django/dispatch/dispatcher.py (Signal: connect, disconnect, send, send_robust). */
import { iscoroutinefunction } from '../core/coroutines.ts'

/** What a receiver gets: Django's keyword arguments `signal`, `sender` and the signal's own. */
export type SignalKwargs = { signal: Signal; sender: unknown } & Record<string, unknown>

/** A receiver: any callable taking the keyword arguments; an async one is awaited by `asend`. */
export type Receiver = (kwargs: SignalKwargs) => unknown

/** Keyword arguments of `connect()` / `disconnect()`. */
export interface ConnectOptions {
  /** Only calls for this sender reach the receiver (null: any sender). */
  sender?: unknown
  /** Identifies the connection instead of the receiver itself, so it is made once. */
  dispatch_uid?: string | null
}

interface Connection {
  key: unknown
  senderKey: unknown
  receiver: Receiver
}

const ANY_SENDER = Symbol('any sender')

/** Django's Signal: receivers are kept strongly (no weak references) and called in connection order. */
export class Signal {
  /** Django's `receivers`: the connections in order. */
  #connections: Connection[] = []

  /** Connects `receiver`; connecting the same receiver (or dispatch_uid) and sender twice does nothing. */
  connect(receiver: Receiver, options: ConnectOptions = {}): void {
    const key = options.dispatch_uid ?? receiver
    const senderKey = options.sender ?? ANY_SENDER
    if (this.#connections.some((c) => c.key === key && c.senderKey === senderKey)) return
    this.#connections.push({ key, senderKey, receiver })
  }

  /** Disconnects a receiver; returns whether one was connected. */
  disconnect(receiver: Receiver | null = null, options: ConnectOptions = {}): boolean {
    const key = options.dispatch_uid ?? receiver
    const senderKey = options.sender ?? ANY_SENDER
    const index = this.#connections.findIndex((c) => c.key === key && c.senderKey === senderKey)
    if (index < 0) return false
    this.#connections.splice(index, 1)
    return true
  }

  /** Whether any receiver would hear `sender`. */
  has_listeners(sender: unknown = null): boolean {
    return this.#live(sender).length > 0
  }

  /**
   * Calls every receiver for `sender` with `named` and returns `[receiver, response]` pairs; an
   * error stops the dispatch and propagates. Async receivers are called but not awaited.
   */
  send(sender: unknown, named: Record<string, unknown> = {}): Array<[Receiver, unknown]> {
    return this.#live(sender).map((receiver) => [receiver, receiver({ ...named, signal: this, sender })])
  }

  /** Like `send`, but an error is caught and returned as that receiver's response. */
  send_robust(sender: unknown, named: Record<string, unknown> = {}): Array<[Receiver, unknown]> {
    return this.#live(sender).map((receiver) => {
      try {
        return [receiver, receiver({ ...named, signal: this, sender })]
      } catch (error) {
        return [receiver, error]
      }
    })
  }

  /** The async `asend`: sync receivers run first in order, then async ones are awaited together. */
  async asend(sender: unknown, named: Record<string, unknown> = {}): Promise<Array<[Receiver, unknown]>> {
    const receivers = this.#live(sender)
    const results = new Map<Receiver, unknown>()
    for (const receiver of receivers.filter((r) => !iscoroutinefunction(r))) {
      results.set(receiver, receiver({ ...named, signal: this, sender }))
    }
    const pending = receivers.filter((r) => iscoroutinefunction(r))
    const awaited = await Promise.all(pending.map((r) => r({ ...named, signal: this, sender })))
    pending.forEach((r, i) => results.set(r, awaited[i]))
    return receivers.map((r) => [r, results.get(r)])
  }

  #live(sender: unknown): Receiver[] {
    return this.#connections
      .filter((c) => c.senderKey === ANY_SENDER || c.senderKey === sender)
      .map((c) => c.receiver)
  }
}

/** Django's `@receiver(signal, sender=...)`: connects `fn` and returns it. */
export function receiver<F extends Receiver>(signal: Signal | readonly Signal[], fn: F, options: ConnectOptions = {}): F {
  for (const s of Array.isArray(signal) ? signal : [signal as Signal]) s.connect(fn, options)
  return fn
}
