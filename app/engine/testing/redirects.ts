/** The test client's redirect following: which statuses it follows and the error for a loop. */
import { PythonError } from '../core/exceptions.ts'
import type { HttpResponseBase } from '../http/response-base.ts'

/** 301, 302, 303, 307 and 308: the statuses `follow=True` follows. */
export const REDIRECT_STATUS_CODES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/** A redirect chain looped, or ran past 20 redirects. */
export class RedirectCycleError extends PythonError {
  readonly last_response: HttpResponseBase
  readonly redirect_chain: Array<[string, number]>

  constructor(message: string, last_response: HttpResponseBase) {
    super(message)
    this.last_response = last_response
    this.redirect_chain = (last_response as { redirect_chain?: Array<[string, number]> }).redirect_chain ?? []
  }
}
