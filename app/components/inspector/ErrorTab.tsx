import type { Exchange } from '../../runtime/protocol.ts'
import { usePlayground } from '../../state/store.ts'
import { CopyButton } from '../common/CopyButton.tsx'

/** The exception the view raised, with the user's own file and line (and a jump to it). */
export function ErrorTab({ exchange }: { exchange: Exchange }) {
  const setActivePath = usePlayground((s) => s.setActivePath)
  const files = usePlayground((s) => s.files)
  const error = exchange.error
  if (!error) return <p className="empty">No exception was raised.</p>
  const at = error.location
  return (
    <div className="exception">
      <p className="error">
        <strong>{error.type}</strong>: {error.message}
      </p>
      {at ? (
        <p>
          Raised at{' '}
          <code>
            {at.file}:{at.line}:{at.column}
          </code>{' '}
          {at.file in files ? (
            <button type="button" className="link" onClick={() => setActivePath(at.file)}>
              Open {at.file}
            </button>
          ) : null}
        </p>
      ) : null}
      <pre className="stack">{error.stack}</pre>
      <CopyButton text={`${error.type}: ${error.message}\n${error.stack}`} label="exception" />
      <p className="muted small">The DEBUG page Django returned is in the Response tab (rendered and as source).</p>
    </div>
  )
}
