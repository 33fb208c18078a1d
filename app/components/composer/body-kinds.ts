/** Switching body kinds carries over what fits (fields between forms, text between JSON and raw). */
import type { ComposedBody } from '../../runtime/protocol.ts'

export type BodyKind = ComposedBody['kind']

export const BODY_KINDS: Array<[BodyKind, string]> = [
  ['none', 'No body'],
  ['urlencoded', 'URL-encoded form'],
  ['multipart', 'Multipart form'],
  ['json', 'JSON'],
  ['raw', 'Raw text'],
  ['binary', 'Binary file'],
]

/** The body of the new kind, keeping the user's fields or text where the kinds share them. */
export function switchBody(body: ComposedBody, kind: BodyKind): ComposedBody {
  const fields = body.kind === 'urlencoded' || body.kind === 'multipart' ? body.fields : []
  const text = body.kind === 'json' || body.kind === 'raw' ? body.text : ''
  switch (kind) {
    case 'none':
      return { kind }
    case 'urlencoded':
      return { kind, fields }
    case 'multipart':
      return { kind, fields, files: body.kind === 'multipart' ? body.files : [] }
    case 'json':
      return { kind, text: text || '{\n  \n}' }
    case 'raw':
      return { kind, text, content_type: body.kind === 'raw' ? body.content_type : 'text/plain' }
    case 'binary':
      return body.kind === 'binary'
        ? body
        : { kind, content: new Uint8Array(), content_type: 'application/octet-stream', name: '' }
  }
}

/** The JSON parse error for the inline message, or null when the text parses. */
export function jsonError(text: string): string | null {
  try {
    JSON.parse(text)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
