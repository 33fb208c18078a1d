import type { Exchange } from '../../runtime/protocol.ts'
import { decodeText } from '../common/bytes.ts'
import { htmlReason } from './html-summary.ts'

/** Why an error response failed, in one line: the exception, or the reason its HTML page gives. */
function why(exchange: Exchange): string | null {
  if (exchange.error) return `${exchange.error.type}: ${exchange.error.message}`
  const r = exchange.response
  if (!r || r.status_code < 400 || !(r.content_type ?? '').includes('html')) return null
  return htmlReason(decodeText(r.body.subarray(0, 65536), r.charset))
}

/** The one status text of the page: the response's code and reason, or why there is none. */
export function ExchangeStatus({ exchange, sending }: { exchange: Exchange | null; sending: string | null }) {
  let text = 'No request sent yet.'
  let tone = 'idle'
  if (sending) {
    text = `Sending ${sending}…`
    tone = 'busy'
  } else if (exchange?.failure) {
    const what = `${exchange.composed.method.toUpperCase()} ${exchange.composed.url}`
    text =
      exchange.failure.kind === 'timeout'
        ? `Timed out: ${what} was stopped (${exchange.failure.message})`
        : `Failed: ${what}: ${exchange.failure.message}`
    tone = 'fail'
  } else if (exchange?.response) {
    const r = exchange.response
    const reason = why(exchange)
    text = `${r.status_code} ${r.reason_phrase}${reason ? ` — ${reason}` : ''}`
    tone = r.status_code >= 500 ? 'fail' : r.status_code >= 400 ? 'warn' : r.status_code >= 300 ? 'redirect' : 'ok'
  }
  return (
    <p role="status" className={`exchange-status tone-${tone}`}>
      {text}
      {exchange && !sending ? (
        <span className="muted small">
          {' '}
          · {exchange.composed.method.toUpperCase()} {exchange.composed.url} · {exchange.duration_ms.toFixed(1)} ms
        </span>
      ) : null}
    </p>
  )
}
