import { useSyncExternalStore } from 'react'
import { usePlayground } from '../../state/store.ts'

const DARK = '(prefers-color-scheme: dark)'

function subscribe(onChange: () => void) {
  const query = window.matchMedia(DARK)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Monaco's theme for the playground's: the user's choice, or the system's when it says 'system'. */
export function useMonacoTheme(): 'vs' | 'vs-dark' {
  const theme = usePlayground((s) => s.prefs.theme)
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK).matches, () => false)
  const dark = theme === 'dark' || (theme === 'system' && systemDark)
  return dark ? 'vs-dark' : 'vs'
}
