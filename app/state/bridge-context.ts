/** The runtime bridge in React context, so components can send and act without importing the host. */
import { createContext, useContext } from 'react'
import type { RuntimeBridge } from './runtime-bridge.ts'

export const BridgeContext = createContext<RuntimeBridge | null>(null)

/** The bridge from context (throws outside a provider, which is a wiring bug). */
export function useBridge(): RuntimeBridge {
  const bridge = useContext(BridgeContext)
  if (!bridge) throw new Error('useBridge needs a <BridgeContext.Provider>')
  return bridge
}
