import { useBridge } from '../../state/bridge-context.ts'
import { usePlayground } from '../../state/store.ts'

const STARTER = `import { Client } from 'django/test'

// Runs top to bottom when you press "Run requests.ts"; every request appears in the history.
const client = new Client()
client.get('/echo/', { q: 'from a script' })
console.log('done')
`

/** Script mode: requests.ts, written against Client/AsyncClient, run as a sequence. */
export function ScriptPanel() {
  const hasScript = usePlayground((s) => 'requests.ts' in s.files)
  const script = usePlayground((s) => s.runtime.script)
  const addFile = usePlayground((s) => s.addFile)
  const setActivePath = usePlayground((s) => s.setActivePath)
  const bridge = useBridge()
  if (!hasScript) {
    return (
      <div className="script">
        <p className="muted">
          A <code>requests.ts</code> file drives the site with Django&rsquo;s test Client, request after request.
        </p>
        <button type="button" onClick={() => addFile('requests.ts', STARTER)}>
          Create requests.ts
        </button>
      </div>
    )
  }
  const error = script.result?.error
  return (
    <div className="script">
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={script.running !== null}
          onClick={() => void bridge.runScript()}
        >
          Run requests.ts
        </button>
        <button type="button" className="link" onClick={() => setActivePath('requests.ts')}>
          Open requests.ts
        </button>
      </div>
      <div aria-live="polite">
        {script.running ? <p className="muted">Running {script.running}…</p> : null}
        {error ? (
          <p className="error">
            {error.type}: {error.message}
            {error.location ? ` (${error.location.file}:${error.location.line})` : ''}
          </p>
        ) : null}
        {script.result && !error ? <p className="ok">The script finished; its requests are in the history.</p> : null}
      </div>
      {script.result && script.result.console.length > 0 ? (
        <ol className="console" aria-label="Script console">
          {script.result.console.map((c, i) => (
            <li key={i} className={`console-${c.level}`}>
              <span className="level">{c.level}</span> <code>{c.text}</code>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
