import type { Exchange, SeenRequest } from '../../runtime/protocol.ts'
import { CopyButton } from '../common/CopyButton.tsx'
import { KeyValueTable } from '../common/KeyValueTable.tsx'
import { BodyView } from './BodyView.tsx'

/** GET or POST lists (a QueryDict): each value of each key on its own row. */
export function QueryDictTab({
  lists,
  name,
  errors,
}: {
  lists: Array<[string, string[]]>
  name: string
  errors?: string
}) {
  const rows = lists.flatMap(([k, values]) =>
    values.length === 0 ? [[k, ''] as [string, string]] : values.map((v): [string, string] => [k, v]),
  )
  return (
    <>
      {errors ? <p className="error">{errors}</p> : null}
      <KeyValueTable rows={rows} caption={`request.${name}`} empty={`request.${name} is empty.`} keyHeader="Key" />
    </>
  )
}

/** The raw request body as the view could read it. */
export function RawBodyTab({ request }: { request: SeenRequest }) {
  if (request.body === null)
    return <p className="empty">The body could not be read ({Object.values(request.errors).join('; ')}).</p>
  const type = request.META['CONTENT_TYPE'] ?? null
  return (
    <>
      {request.body.length < request.body_length ? (
        <p className="muted">
          Showing {request.body.length} of {request.body_length} bytes.
        </p>
      ) : null}
      <BodyView bytes={request.body} contentType={type} charset={null} label="Request body" fileName="request-body" />
    </>
  )
}

/** resolver_match and request.user. */
export function ViewTab({ request }: { request: SeenRequest }) {
  const m = request.resolver_match
  const rows: Array<[string, string]> = m
    ? [
        ['view_name', m.view_name],
        ['route', m.route ?? '—'],
        ['url_name', m.url_name ?? '—'],
        ['args', JSON.stringify(m.args)],
        ['kwargs', JSON.stringify(m.kwargs)],
        ['namespaces', JSON.stringify(m.namespaces)],
      ]
    : []
  const u = request.user
  return (
    <>
      <h3>resolver_match</h3>
      <KeyValueTable rows={rows} caption="resolver_match" empty="No URL pattern matched." />
      <h3>request.user</h3>
      {u ? (
        <KeyValueTable
          caption="request.user"
          rows={[
            ['username', u.username || '(AnonymousUser)'],
            ['is_authenticated', String(u.is_authenticated)],
            ['is_staff', String(u.is_staff)],
          ]}
        />
      ) : (
        <p className="empty">No request.user (AuthenticationMiddleware is not installed).</p>
      )}
    </>
  )
}

/** Console output captured while the request ran. */
export function ConsoleTab({ exchange }: { exchange: Exchange }) {
  if (exchange.console.length === 0) return <p className="empty">No console output.</p>
  return (
    <>
      <ol className="console">
        {exchange.console.map((c, i) => (
          <li key={i} className={`console-${c.level}`}>
            <span className="level">{c.level}</span> <code>{c.text}</code>
            <CopyButton text={c.text} label={`console line ${i + 1}`} />
          </li>
        ))}
      </ol>
      <CopyButton text={exchange.console.map((c) => `[${c.level}] ${c.text}`).join('\n')} label="all console output" />
    </>
  )
}
