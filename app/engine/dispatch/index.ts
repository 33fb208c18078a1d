/** django.dispatch: signals. */
export { receiver, Signal } from './dispatcher.ts'
export type { ConnectOptions, Receiver, SignalKwargs } from './dispatcher.ts'
