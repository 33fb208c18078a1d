import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/layout/App.tsx'
import './components/layout/app.css'
import { WELCOME_PROJECT, WELCOME_REQUESTS } from './examples/index.ts'
import { listenToPreviewPages, SITE_ORIGIN, SITE_PREFIX, startPreviewWorker, toPreviewPath } from './network/index.ts'
import { createRuntimeHost } from './runtime/index.ts'
import { BridgeContext } from './state/bridge-context.ts'
import { attachPersistence, loadPersisted } from './state/persistence.ts'
import { PreviewContext, type PreviewHost } from './state/preview-context.ts'
import { createRuntimeBridge } from './state/runtime-bridge.ts'
import { createPlaygroundStore, StoreContext } from './state/store.ts'

const root = document.getElementById('root')!

if (window.top !== window.self && location.pathname.startsWith(SITE_PREFIX)) {
  // A preview address the service worker did not answer fell through to the app: never run a
  // second playground inside the preview.
  root.textContent = 'This preview address was not served by the playground’s service worker. Reload the preview.'
} else {
  start()
}

function start() {
  // Restore what the user made; a first visit opens the welcome project with its first request.
  const saved = loadPersisted(localStorage)
  const store = createPlaygroundStore(saved ?? { files: WELCOME_PROJECT, composer: WELCOME_REQUESTS[0] })
  const persistence = attachPersistence(store, localStorage, 300)
  // Leaving the page within the debounce window must not lose the last edit.
  window.addEventListener('pagehide', () => persistence.flush())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') persistence.flush()
  })
  const bridge = createRuntimeBridge(store, { createHost: (timeout_ms) => createRuntimeHost({ timeout_ms }) })

  // The preview: msw serves the site prefix, the page bridge serves preview pages' own fetch/XHR.
  let frame: Window | null = null
  const tabs = new Set<Window>()
  const sitePath = (url: string) => {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  }
  const preview: PreviewHost = {
    siteOrigin: SITE_ORIGIN,
    realPath: (path) => toPreviewPath(path) ?? SITE_PREFIX,
    setFrame: (win) => {
      frame = win
    },
    openTab: (path) => {
      for (const tab of tabs) if (tab.closed) tabs.delete(tab)
      const tab = window.open(toPreviewPath(path) ?? SITE_PREFIX, '_blank')
      if (tab) tabs.add(tab)
    },
  }
  listenToPreviewPages({
    serve: (request) => bridge.preview(request, undefined, 'never'),
    writeCookie: (text, url) => bridge.writeCookie(text, url),
    isPreviewWindow: (source) => source !== null && (source === frame || tabs.has(source as Window)),
    onLoaded: (_url, title) => store.getState().setPreview({ title }),
  })
  void startPreviewWorker({
    serve: (request, stream, navigation) => {
      const p = store.getState().preview
      // The pane's own first page (and its redirects) must not take the inspector from what the user sent.
      const select = navigation === null ? 'never' : navigation === 'iframe' && p.pending && p.loads === 0 ? 'if-none' : 'always'
      return bridge.preview(request, stream, select)
    },
    onStatus: (worker) => store.getState().setPreview({ worker }),
    onNavigate: ({ url, status, destination }) => {
      if (destination === 'iframe' && !(status >= 300 && status < 400)) store.getState().previewArrived(sitePath(url))
    },
  })

  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <BridgeContext.Provider value={bridge}>
          <PreviewContext.Provider value={preview}>
            <App />
          </PreviewContext.Provider>
        </BridgeContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  )
}
