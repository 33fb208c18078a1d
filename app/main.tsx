import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/layout/App.tsx'
import './components/layout/app.css'
import { WELCOME_PROJECT, WELCOME_REQUESTS } from './examples/index.ts'
import { createRuntimeHost } from './runtime/index.ts'
import { BridgeContext } from './state/bridge-context.ts'
import { attachPersistence, loadPersisted } from './state/persistence.ts'
import { createRuntimeBridge } from './state/runtime-bridge.ts'
import { createPlaygroundStore, StoreContext } from './state/store.ts'

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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <BridgeContext.Provider value={bridge}>
        <App />
      </BridgeContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
)
