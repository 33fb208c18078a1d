import { useState } from 'react'
import { useBridge } from '../../state/bridge-context.ts'
import { usePlayground } from '../../state/store.ts'
import { Tabs } from '../common/Tabs.tsx'
import { BodyEditor } from './BodyEditor.tsx'
import { ExamplePicker } from './ExamplePicker.tsx'
import { HeadersEditor } from './HeadersEditor.tsx'
import { JarEditor } from './JarEditor.tsx'
import { MethodField } from './MethodField.tsx'
import { OptionsRow } from './OptionsRow.tsx'
import { QueryTable, UrlField } from './UrlField.tsx'
import { ScriptPanel } from './ScriptPanel.tsx'
import { UsersPanel } from './UsersPanel.tsx'

type Section = 'query' | 'headers' | 'body' | 'cookies' | 'users' | 'script'

/** The request composer: method, URL, then query, headers, body, jar and users in sections. */
export function Composer() {
  const bridge = useBridge()
  const sending = usePlayground((s) => s.runtime.sending)
  const headerCount = usePlayground((s) => s.composer.headers.length)
  const jarCount = usePlayground((s) => s.jar.length)
  const bodyKind = usePlayground((s) => s.composer.body.kind)
  const [section, setSection] = useState<Section>('query')
  return (
    <section className="composer" aria-label="Request composer">
      <form
        className="request-line"
        onSubmit={(e) => {
          e.preventDefault()
          void bridge.send()
        }}
      >
        <MethodField />
        <UrlField />
        <button
          type="submit"
          className="primary"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title="Send (Ctrl/Cmd+Enter)"
        >
          Send
        </button>
      </form>
      {sending ? (
        <p className="muted small" aria-live="polite">
          Sending {sending}…
        </p>
      ) : null}
      <OptionsRow />
      <ExamplePicker />
      <Tabs
        label="Request parts"
        selected={section}
        onSelect={(id) => setSection(id as Section)}
        tabs={[
          { id: 'query', label: 'Query' },
          { id: 'headers', label: 'Headers', badge: headerCount ? String(headerCount) : undefined },
          { id: 'body', label: 'Body', badge: bodyKind === 'none' ? undefined : bodyKind },
          { id: 'cookies', label: 'Cookie jar', badge: jarCount ? String(jarCount) : undefined },
          { id: 'users', label: 'Users' },
          { id: 'script', label: 'Script' },
        ]}
      >
        {section === 'query' ? <QueryTable /> : null}
        {section === 'headers' ? <HeadersEditor /> : null}
        {section === 'body' ? <BodyEditor /> : null}
        {section === 'cookies' ? <JarEditor /> : null}
        {section === 'users' ? <UsersPanel /> : null}
        {section === 'script' ? <ScriptPanel /> : null}
      </Tabs>
    </section>
  )
}
