import type { Exchange, SeenResponse } from '../../runtime/protocol.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { KeyValueTable } from '../common/KeyValueTable.tsx'
import { BodyView } from './BodyView.tsx'

function SetCookies({ response }: { response: SeenResponse }) {
  if (response.set_cookies.length === 0) return null
  return (
    <>
      <h3>Set-Cookie</h3>
      <table className="kv" aria-label="Set-Cookie headers, parsed">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Attributes</th>
            <th scope="col">
              <span className="sr-only">Copy</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {response.set_cookies.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.key}</th>
              <td>
                <code>{c.value}</code>
              </td>
              <td>
                <dl className="attrs">
                  {Object.entries(c.attrs).map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{v === true ? 'yes' : String(v)}</dd>
                    </div>
                  ))}
                </dl>
              </td>
              <td>
                <CopyButton text={c.header} label={`Set-Cookie ${c.key}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** The response: status, timing, redirects, every header, parsed Set-Cookies and the body by type. */
export function ResponseTab({ exchange }: { exchange: Exchange }) {
  const response = exchange.response
  if (!response) return <p className="empty">No response{exchange.failure ? `: ${exchange.failure.message}` : '.'}</p>
  return (
    <div className="response">
      <p className="status-line">
        <code>
          {response.status_code} {response.reason_phrase}
        </code>{' '}
        in {exchange.duration_ms.toFixed(1)} ms
        {response.streaming ? ' (streaming)' : ''}
      </p>
      {exchange.redirect_chain.length > 0 ? (
        <>
          <h3>Redirect chain</h3>
          <ol className="redirects">
            {exchange.redirect_chain.map(([url, status], i) => (
              <li key={i}>
                <code>{status}</code> → <code>{url}</code>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>Headers</h3>
      <KeyValueTable rows={response.headers} caption="Response headers" empty="No headers." />
      <SetCookies response={response} />
      <BodyView
        bytes={response.body}
        contentType={response.content_type}
        charset={response.charset}
        label="Response body"
        fileName="response-body"
      />
    </div>
  )
}
