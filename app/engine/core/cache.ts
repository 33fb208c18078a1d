/** Port of django/utils/cache.py (the Vary helpers middleware uses). */
import type { HttpResponseBase } from '../http/response-base.ts'

const CC_DELIM = /\s*,\s*/

function vary_entries(response: HttpResponseBase): string[] {
  return response.has_header('Vary') ? response.headers.getitem('Vary').split(CC_DELIM) : []
}

/**
 * Adds `newheaders` to the response's Vary header, keeping entries already there
 * (compared case-insensitively); any `*` makes the whole header `*`.
 */
export function patch_vary_headers(response: HttpResponseBase, newheaders: readonly string[]): void {
  const vary = vary_entries(response)
  const present = new Set(vary.map((header) => header.toLowerCase()))
  for (const header of newheaders) {
    if (!present.has(header.toLowerCase())) {
      vary.push(header)
      present.add(header.toLowerCase())
    }
  }
  response.headers.setitem('Vary', vary.includes('*') ? '*' : vary.join(', '))
}

/** True if `header_query` (any case) is listed in the response's Vary header. */
export function has_vary_header(response: HttpResponseBase, header_query: string): boolean {
  const wanted = header_query.toLowerCase()
  return vary_entries(response).some((header) => header.toLowerCase() === wanted)
}
