/**
 * msw hosts the site for the real browser: one handler for the site prefix forwards each request to
 * the runtime (the same site the composer uses) and turns its answer into the preview's Response.
 * The worker script is msw's own, patched to take navigations and nothing outside the prefix
 * (scripts/msw-worker.mjs). Without service workers the preview says why; the rest keeps working.
 */
import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import type { FetchStream, WireRequest, WireResponse } from '../runtime/protocol.ts'
import { NAVIGATE_HEADER, wireRequestOf } from './browser-request.ts'
import { previewResponse } from './browser-response.ts'
import { SITE_PREFIX } from './prefix.ts'

/** The worker's state, as the preview pane shows it. */
export type WorkerStatus =
  | { state: 'starting' }
  | { state: 'active'; recovered: boolean }
  | { state: 'unavailable'; reason: string; detail?: string }

/** A navigation the worker answered (a page load in the preview or in a tab it opened). */
export interface Navigation {
  /** The site URL (`http://testserver/echo/`). */
  url: string
  status: number
  /** `iframe` for the preview pane, `document` for a tab of its own. */
  destination: string
}

export interface PreviewWorkerOptions {
  /** `navigation` is the destination of a page load (`iframe`, `document`), null for other requests. */
  serve(request: WireRequest, stream: FetchStream, navigation: string | null): Promise<WireResponse>
  onStatus(status: WorkerStatus): void
  onNavigate?(navigation: Navigation): void
}

const WORKER_URL = `/mockServiceWorker.js?prefix=${encodeURIComponent(SITE_PREFIX)}`
/** Set across msw's reload after a hard reload (Shift+Reload leaves the page uncontrolled). */
const RECOVERING = 'request-playground:preview-recovering'

/** Why service workers cannot run here, or null when they can. */
function unavailableReason(): string | null {
  if (!window.isSecureContext) return 'This page is not a secure context (https or localhost), where browsers allow no service worker.'
  if (!('serviceWorker' in navigator)) {
    return 'This browser offers no service workers here (a private window, or settings or an embed that block them).'
  }
  return null
}

/** Starts msw for the site prefix; resolves once it is active or known to be unavailable. */
export async function startPreviewWorker(options: PreviewWorkerOptions): Promise<void> {
  const reason = unavailableReason()
  if (reason) return options.onStatus({ state: 'unavailable', reason })
  options.onStatus({ state: 'starting' })
  // Read before anything awaits: the worker may claim the page moments later.
  const controlled = navigator.serviceWorker.controller !== null
  try {
    // Shift+Reload bypasses service workers: the reloaded page starts uncontrolled and its load never
    // reached the worker (workerStart 0). The worker claims it again once started (msw may also reload
    // it once); either way the pane says it recovered.
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const bypassed = !controlled && navigation?.type === 'reload' && navigation.workerStart === 0
    const recovered = bypassed || sessionStorage.getItem(RECOVERING) !== null
    if (bypassed) sessionStorage.setItem(RECOVERING, '1')
    const worker = setupWorker(
      http.all(`${SITE_PREFIX}*`, async ({ request }) => {
        const navigate = request.headers.get(NAVIGATE_HEADER)
        const wire = await wireRequestOf(request, location.origin)
        const arrived = (status: number) => navigate && options.onNavigate?.({ url: wire.url, status, destination: navigate })
        return new Promise<Response>((resolve) => {
          // A streaming view's body goes to the browser as it comes; any other answer in one piece.
          let body: ReadableStreamDefaultController<Uint8Array> | null = null
          const stream: FetchStream = {
            head: (head) => {
              resolve(previewResponse(head, wire.url, new ReadableStream({ start: (c) => void (body = c) })))
              arrived(head.status)
            },
            chunk: (bytes) => body?.enqueue(bytes),
          }
          void options.serve(wire, stream, navigate).then((response) => {
            if (body) return body.close()
            resolve(previewResponse(response, wire.url))
            arrived(response.status)
          })
        })
      }),
    )
    await worker.start({ serviceWorker: { url: WORKER_URL }, onUnhandledRequest: 'bypass', quiet: true })
    sessionStorage.removeItem(RECOVERING)
    options.onStatus({ state: 'active', recovered })
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^\[MSW\]\s*/, '') : String(error)
    const reason = /regist/i.test(detail)
      ? 'This browser did not let the playground register its service worker (private windows, some embeds and privacy settings block them).'
      : 'The playground’s service worker did not start.'
    options.onStatus({ state: 'unavailable', reason, detail })
  }
}
