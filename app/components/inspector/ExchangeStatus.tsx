import type { Exchange } from '../../runtime/protocol.ts'

/** The one status text of the page: the response's code and reason, or why there is none. */
export function ExchangeStatus({ exchange, sending }: { exchange: Exchange | null; sending: string | null }) {
  let text = 'No request sent yet.'
  let tone = 'idle'
  if (sending) {
    text = `Sending ${sending}…`
    tone = 'busy'
  } else if (exchange?.failure) {
    const what = `${exchange.composed.method.toUpperCase()} ${exchange.composed.url}`
    text = exchange.failure.kind === 'timeout'
      ? `Timed out: ${what} was stopped (${exchange.failure.message})`
      : `Failed: ${what}: ${exchange.failure.message}`
    tone = 'fail'
  } else if (exchange?.response) {
    const r = exchange.response
    text = `${r.status_code} ${r.reason_phrase}`
    tone = r.status_code >= 500 ? 'fail' : r.status_code >= 400 ? 'warn' : r.status_code >= 300 ? 'redirect' : 'ok'
  }
  return (
    <p role="status" className={`exchange-status tone-${tone}`}>
      {text}
      {exchange && !sending ? (
        <span className="muted small">
          {' '}· {exchange.composed.method.toUpperCase()} {exchange.composed.url} · {exchange.duration_ms.toFixed(1)} ms
        </span>
      ) : null}
    </p>
  )
}
