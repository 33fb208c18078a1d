/** Two exchanges side by side: which facts differ (status, headers, body, session, timing). */
import type { Exchange } from '../../runtime/protocol.ts'
import { decodeText } from '../common/bytes.ts'

export interface CompareRow {
  label: string
  left: string
  right: string
  same: boolean
}

function facts(e: Exchange): Record<string, string> {
  const r = e.response
  const out: Record<string, string> = {
    Request: `${e.composed.method.toUpperCase()} ${e.composed.url}`,
    Status: r ? `${r.status_code} ${r.reason_phrase}` : e.failure ? `${e.failure.kind}: ${e.failure.message}` : '—',
    'Duration (ms)': e.duration_ms.toFixed(1),
  }
  for (const [k, v] of r?.headers ?? []) out[`Header ${k}`] = out[`Header ${k}`] ? `${out[`Header ${k}`]}, ${v}` : v
  for (const [k, v] of Object.entries(e.session_after ?? {})) out[`Session ${k}`] = JSON.stringify(v)
  out['Body'] = r ? decodeText(r.body.subarray(0, 4000), r.charset) : ''
  return out
}

/** Every fact of either exchange, in order, marked same or different. */
export function compareExchanges(a: Exchange, b: Exchange): CompareRow[] {
  const left = facts(a)
  const right = facts(b)
  const labels = [...new Set([...Object.keys(left), ...Object.keys(right)])]
  return labels.map((label) => {
    const l = left[label] ?? '—'
    const r = right[label] ?? '—'
    return { label, left: l, right: r, same: l === r || label === 'Duration (ms)' }
  })
}
