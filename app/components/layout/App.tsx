import { Composer } from '../composer/Composer.tsx'
import { History } from '../history/History.tsx'
import { Inspector } from '../inspector/Inspector.tsx'
import { PreviewPane } from '../preview/PreviewPane.tsx'
import { usePlayground } from '../../state/store.ts'
import { EditorPane } from './EditorPane.tsx'
import { PrefsBar } from './PrefsBar.tsx'
import { RuntimeBadge } from './RuntimeBadge.tsx'
import { useSendShortcut } from './useSendShortcut.ts'

/** The page: header, then editor | composer + history | inspector. Layout only. */
export function App() {
  useSendShortcut()
  const theme = usePlayground((s) => s.prefs.theme)
  return (
    <div className="app" data-theme={theme}>
      <a className="skip" href="#composer-method">
        Skip to the request
      </a>
      <header className="app-header">
        <h1>Request Playground</h1>
        <RuntimeBadge />
        <PrefsBar />
      </header>
      <main className="panes">
        <EditorPane />
        <div className="pane middle">
          <Composer />
          <PreviewPane />
          <History />
        </div>
        <div className="pane">
          <Inspector />
        </div>
      </main>
    </div>
  )
}
