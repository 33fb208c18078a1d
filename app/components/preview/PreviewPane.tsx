import { useEffect, useRef, useState } from 'react'
import { usePreviewHost } from '../../state/preview-context.ts'
import { usePlayground } from '../../state/store.ts'
import { AddressBar } from './AddressBar.tsx'
import { WorkerStatus } from './WorkerStatus.tsx'

/**
 * A small browser on the user's site: the service worker serves its pages, each request lands in
 * the history. The frame is sandboxed and its documents carry a CSP sandbox, so a page cannot
 * reach the playground, navigate it, or open popups.
 */
export function PreviewPane() {
  const worker = usePlayground((s) => s.preview.worker)
  return (
    <section className="preview" aria-label="Preview">
      <div className="row preview-head">
        <h2>Preview</h2>
        <WorkerStatus />
      </div>
      {worker.state === 'unavailable' ? (
        <div className="preview-unavailable">
          <p>
            The preview cannot load: {worker.reason} The composer and the inspector work as before.
          </p>
          {worker.detail ? <p className="muted small">Details: {worker.detail}</p> : null}
        </div>
      ) : (
        <>
          <AddressBar />
          {worker.state === 'active' ? <PreviewFrame /> : <p className="empty">Starting the service worker…</p>}
        </>
      )}
    </section>
  )
}

/** The frame: first load by `src`, later loads (address bar, back, forward, reload) by location.replace. */
function PreviewFrame() {
  const host = usePreviewHost()
  const frame = useRef<HTMLIFrameElement>(null)
  const path = usePlayground((s) => s.preview.path)
  const loads = usePlayground((s) => s.preview.loads)
  const [first] = useState(() => host.realPath(path))
  useEffect(() => {
    host.setFrame(frame.current?.contentWindow ?? null)
    return () => host.setFrame(null)
  }, [host])
  useEffect(() => {
    if (loads === 0) return
    // replace(): the pane keeps its own back/forward list, so no entry goes into the app's history.
    frame.current?.contentWindow?.location.replace(host.realPath(path))
    // Only a new load request moves the frame; `path` also changes when the page itself navigates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loads])
  return (
    <iframe
      ref={frame}
      className="preview-frame"
      title="Preview of the site"
      src={first}
      sandbox="allow-scripts allow-forms allow-downloads allow-same-origin"
    />
  )
}
