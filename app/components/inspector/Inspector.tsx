import { useState } from 'react'
import type { Exchange } from '../../runtime/protocol.ts'
import { usePlayground } from '../../state/store.ts'
import { KeyValueTable } from '../common/KeyValueTable.tsx'
import { Tabs, type TabSpec } from '../common/Tabs.tsx'
import { ErrorTab } from './ErrorTab.tsx'
import { ExchangeStatus } from './ExchangeStatus.tsx'
import { FilesTab } from './FilesTab.tsx'
import { CookiesTab } from './CookiesTab.tsx'
import { ConsoleTab, QueryDictTab, RawBodyTab, ViewTab } from './RequestTabs.tsx'
import { ResponseTab } from './ResponseTab.tsx'
import { SessionTab } from './SessionTab.tsx'

function count(n: number): string | undefined {
  return n > 0 ? String(n) : undefined
}

function tabsFor(ex: Exchange | null): TabSpec[] {
  const r = ex?.request
  return [
    { id: 'response', label: 'Response' },
    { id: 'meta', label: 'META' },
    { id: 'get', label: 'GET', badge: count(r?.GET.length ?? 0) },
    { id: 'post', label: 'POST', badge: count(r?.POST.length ?? 0) },
    { id: 'files', label: 'FILES', badge: count(r?.FILES.length ?? 0) },
    { id: 'cookies', label: 'COOKIES', badge: count(Object.keys(r?.COOKIES ?? {}).length) },
    { id: 'session', label: 'Session' },
    { id: 'headers', label: 'Request headers' },
    { id: 'raw', label: 'Raw' },
    { id: 'view', label: 'Resolver / user' },
    { id: 'console', label: 'Console', badge: count(ex?.console.length ?? 0) },
    { id: 'error', label: 'Error', badge: ex?.error ? '!' : undefined },
  ]
}

function NoView() {
  return <p className="empty">No view ran for this request (routing or a middleware answered first).</p>
}

function Panel({ tab, exchange }: { tab: string; exchange: Exchange }) {
  const r = exchange.request
  switch (tab) {
    case 'response':
      return <ResponseTab exchange={exchange} />
    case 'session':
      return <SessionTab exchange={exchange} />
    case 'console':
      return <ConsoleTab exchange={exchange} />
    case 'error':
      return <ErrorTab exchange={exchange} />
  }
  if (!r) return <NoView />
  switch (tab) {
    case 'meta':
      return <KeyValueTable rows={Object.entries(r.META)} caption="request.META" keyHeader="Key" />
    case 'get':
      return <QueryDictTab lists={r.GET} name="GET" />
    case 'post':
      return <QueryDictTab lists={r.POST} name="POST" errors={r.errors['POST']} />
    case 'files':
      return <FilesTab files={r.FILES} />
    case 'cookies':
      return <CookiesTab exchange={exchange} />
    case 'headers':
      return <KeyValueTable rows={r.headers} caption="request.headers" />
    case 'raw':
      return <RawBodyTab request={r} />
    case 'view':
      return <ViewTab request={r} />
  }
  return null
}

/** What the view saw and what it returned, for the selected exchange. */
export function Inspector() {
  const exchange = usePlayground((s) => s.exchanges.find((e) => e.id === s.selectedId) ?? s.exchanges[0] ?? null)
  const sending = usePlayground((s) => s.runtime.sending)
  const [tab, setTab] = useState('response')
  return (
    <section className="inspector" aria-label="Inspector">
      <ExchangeStatus exchange={exchange} sending={sending} />
      {exchange ? (
        <Tabs label="Exchange details" tabs={tabsFor(exchange)} selected={tab} onSelect={setTab}>
          <Panel tab={tab} exchange={exchange} />
        </Tabs>
      ) : (
        <p className="empty">Compose a request and press Send (or Ctrl/Cmd+Enter).</p>
      )}
    </section>
  )
}
