/**
 * What the preview pane needs from the browser-hosting side (the network adapter), given by the
 * app's entry through React context so components never import the adapter itself.
 */
import { createContext, useContext } from 'react'

export interface PreviewHost {
  /** The site's origin as its views see it (`http://testserver`). */
  siteOrigin: string
  /** The real URL that shows a site path in the browser (`/echo/` → `/site/echo/`). */
  realPath(sitePath: string): string
  /** The pane's frame (or null when it goes): its pages may use the page bridge. */
  setFrame(frame: Window | null): void
  /** Opens a site path in a tab of its own, still served by this playground. */
  openTab(sitePath: string): void
}

export const PreviewContext = createContext<PreviewHost | null>(null)

/** The preview host from context (throws outside a provider, which is a wiring bug). */
export function usePreviewHost(): PreviewHost {
  const host = useContext(PreviewContext)
  if (!host) throw new Error('usePreviewHost needs a <PreviewContext.Provider>')
  return host
}
