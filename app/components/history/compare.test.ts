import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../runtime/protocol.ts'
import { defaultComposer } from '../../state/defaults.ts'
import { compareExchanges } from './compare.ts'

function exchange(status: number, body: string, session: Record<string, number>): Exchange {
  return {
    id: String(status),
    started_at: 0,
    duration_ms: status / 10,
    composed: defaultComposer('/x/'),
    request: null,
    response: {
      status_code: status,
      reason_phrase: status === 200 ? 'OK' : 'Forbidden',
      headers: [['Content-Type', 'text/plain']],
      set_cookies: [],
      content_type: 'text/plain',
      charset: 'utf-8',
      body: new TextEncoder().encode(body),
      streaming: false,
    },
    session_before: null,
    session_after: session,
    redirect_chain: [],
    console: [],
    error: null,
    jar: [],
    failure: null,
  }
}

describe('compareExchanges', () => {
  it('marks what differs and ignores timing', () => {
    const rows = compareExchanges(exchange(200, 'ok', { n: 1 }), exchange(403, 'no', { n: 1, m: 2 }))
    const differing = rows.filter((r) => !r.same).map((r) => r.label)
    expect(differing).toEqual(['Status', 'Body', 'Session m'])
    expect(rows.find((r) => r.label === 'Session m')).toMatchObject({ left: '—', right: '2' })
  })
})
