/**
 * The URL textbox and the query table edit the same string. The URL is the source of truth; the table
 * is derived from it, and a table edit rewrites only the query part, so either side can be edited.
 */

export type QueryRow = [string, string]

/** `/a/?x=1#f` → { path: '/a/', query: 'x=1', hash: '#f' }. */
export function splitUrl(url: string): { path: string; query: string | null; hash: string } {
  const hashAt = url.indexOf('#')
  const hash = hashAt < 0 ? '' : url.slice(hashAt)
  const rest = hashAt < 0 ? url : url.slice(0, hashAt)
  const q = rest.indexOf('?')
  return q < 0 ? { path: rest, query: null, hash } : { path: rest.slice(0, q), query: rest.slice(q + 1), hash }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    // A malformed escape stays as typed rather than vanishing from the table.
    return text
  }
}

/** Encode like a form does, but leave characters people read (`/`, `:`, `,`, `@`) alone. */
function encode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/%2F/gi, '/')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%40/gi, '@')
}

/** The query rows of a URL (decoded, in order, duplicates kept; an empty segment is an empty row). */
export function queryRows(url: string): QueryRow[] {
  const { query } = splitUrl(url)
  if (query === null || query === '') return []
  return query.split('&').map((segment): QueryRow => {
    const eq = segment.indexOf('=')
    return eq < 0 ? [decode(segment), ''] : [decode(segment.slice(0, eq)), decode(segment.slice(eq + 1))]
  })
}

/** The URL with its query replaced by these rows (an empty row stays an empty segment, to be filled). */
export function withQueryRows(url: string, rows: QueryRow[]): string {
  const { path, hash } = splitUrl(url)
  if (rows.length === 0) return path + hash
  const query = rows.map(([k, v]) => (k === '' && v === '' ? '' : `${encode(k)}=${encode(v)}`)).join('&')
  return `${path}?${query}${hash}`
}

/** Headers as `Name: value` lines, for the bulk editor. */
export function headersToText(headers: Array<[string, string]>): string {
  return headers.map(([k, v]) => `${k}: ${v}`).join('\n')
}

/** `Name: value` lines back to pairs; lines without a colon become a name with an empty value. */
export function textToHeaders(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): [string, string] => {
      const colon = line.indexOf(':')
      return colon < 0 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()]
    })
}
