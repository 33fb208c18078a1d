import { useEffect } from 'react'
import { useBridge } from '../../state/bridge-context.ts'

/** Ctrl/Cmd+Enter sends the composed request from anywhere on the page (the editor included). */
export function useSendShortcut(): void {
  const bridge = useBridge()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.repeat) return
      // Monaco binds Ctrl+Enter itself (insert line below): the send wins and the editor never sees it.
      event.preventDefault()
      event.stopPropagation()
      void bridge.send()
    }
    // Capture phase, so Monaco or a textarea cannot swallow it first.
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [bridge])
}
