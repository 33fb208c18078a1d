import { usePlayground } from '../../state/store.ts'

/** The service worker's state in words: starting, active, recovered after a hard reload, unavailable. */
export function WorkerStatus() {
  const worker = usePlayground((s) => s.preview.worker)
  const text =
    worker.state === 'starting'
      ? 'Service worker starting…'
      : worker.state === 'active'
        ? worker.recovered
          ? 'Service worker active (recovered after a hard reload)'
          : 'Service worker active'
        : 'Service worker unavailable'
  return (
    <span className={`worker-status worker-${worker.state}`} aria-live="polite">
      {text}
    </span>
  )
}
