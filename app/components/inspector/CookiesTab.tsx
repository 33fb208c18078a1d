import type { Exchange } from '../../runtime/protocol.ts'
import { KeyValueTable } from '../common/KeyValueTable.tsx'

/** request.COOKIES, and where a browser would have differed from the test client. */
export function CookiesTab({ exchange }: { exchange: Exchange }) {
  const cookies = exchange.request?.COOKIES ?? {}
  const differs = exchange.browser_cookie
  const notes = exchange.cookie_notes ?? []
  return (
    <>
      <KeyValueTable rows={Object.entries(cookies)} caption="request.COOKIES" empty="No cookies were sent." />
      {differs ? (
        <div className="note" role="note">
          <p>
            A browser would have sent another Cookie header for this URL: Django’s test client sends every cookie in the
            jar, a browser only those whose path, domain, Secure flag and expiry match.
          </p>
          <KeyValueTable
            caption="Cookie header: test client and browser"
            keyHeader="Client"
            valueHeader="Cookie header"
            rows={[
              ['test client sent', differs.sent || '(none)'],
              ['a browser would send', differs.browser || '(none)'],
            ]}
          />
        </div>
      ) : null}
      {notes.length > 0 ? (
        <>
          <h3>Cookies a browser refused</h3>
          <KeyValueTable
            caption="Cookies a browser refused"
            keyHeader="Cookie"
            valueHeader="Why"
            rows={notes.map((n) => [n.key, n.note])}
          />
        </>
      ) : null}
    </>
  )
}
