/** The network adapter: msw hosts the site for the preview pane, and preview pages' fetch/XHR bridge. */
export { listenToPreviewPages, type PageBridgeOptions } from './page-bridge.ts'
export { SITE_ORIGIN, SITE_PREFIX, toPreviewPath } from './prefix.ts'
export {
  startPreviewWorker,
  type Navigation,
  type PreviewWorkerOptions,
  type WorkerStatus,
} from './service-worker.ts'
