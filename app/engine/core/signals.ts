/** Port of django/core/signals.py (the request lifecycle signals). */
import { Signal } from '../dispatch/dispatcher.ts'

/** Sent by a handler before it builds the request (`environ` or `scope`). */
export const request_started = new Signal()
/** Sent when a response is closed (`HttpResponseBase.close()`). */
export const request_finished = new Signal()
/** Sent when a view raised and the handler turns the error into a response (`request`). */
export const got_request_exception = new Signal()
