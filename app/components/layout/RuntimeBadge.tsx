import { usePlayground } from '../../state/store.ts'

/** Whether the site built: building, ready, or the build error with its file and line. */
export function RuntimeBadge() {
  const status = usePlayground((s) => s.runtime.status)
  const error = usePlayground((s) => s.runtime.build?.error ?? null)
  const setActivePath = usePlayground((s) => s.setActivePath)
  const text = { idle: 'Starting…', building: 'Building…', ready: 'Site ready', error: 'Build failed' }[status]
  return (
    <div className={`runtime-badge runtime-${status}`} aria-live="polite">
      <span>{text}</span>
      {status === 'error' && error ? (
        <span className="build-error">
          {' '}
          {error.type}: {error.message}
          {error.location ? (
            <button type="button" className="link" onClick={() => setActivePath(error.location?.file ?? '')}>
              {error.location.file}:{error.location.line}
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  )
}
