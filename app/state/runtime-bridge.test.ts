import { describe, expect, it } from 'vitest'
import { createInProcessHost } from '../runtime/in-process.ts'
import { MINIMAL_PROJECT } from './defaults.ts'
import { createRuntimeBridge } from './runtime-bridge.ts'
import { createPlaygroundStore } from './store.ts'

const COUNTER_VIEWS = `import { HttpResponse, JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'

export function echo(request: HttpRequest) {
  return new JsonResponse({ method: request.method, GET: Object.fromEntries(request.GET.items()) })
}

export function count(request: HttpRequest) {
  const n = Number(request.session.get('n', 0)) + 1
  request.session.setitem('n', n)
  const response = new HttpResponse(\`n=\${n}\`)
  response.set_cookie('seen', 'yes')
  return response
}
`

function setup() {
  const store = createPlaygroundStore({
    files: {
      ...MINIMAL_PROJECT,
      'urls.ts': `import { path } from 'django/urls'
import { echo, count } from './views'

export const urlpatterns = [path('echo/', echo), path('count/', count)]
`,
      'views.ts': COUNTER_VIEWS,
    },
  })
  const bridge = createRuntimeBridge(store, { createHost: () => createInProcessHost(), rebuildDelay_ms: 20 })
  return { store, bridge }
}

function text(bytes: Uint8Array | undefined): string {
  return new TextDecoder().decode(bytes)
}

describe('runtime bridge (in-process runtime, real engine)', () => {
  it('builds, sends the composed request and records the exchange', async () => {
    const { store, bridge } = setup()
    await bridge.idle()
    expect(store.getState().runtime.status).toBe('ready')
    expect(store.getState().runtime.users.map((u) => u.username)).toEqual(['alice'])
    store.getState().setComposer({ url: '/echo/?a=1' })
    const exchange = await bridge.send()
    expect(exchange.response?.status_code).toBe(200)
    expect(JSON.parse(text(exchange.response?.body))).toEqual({ method: 'GET', GET: { a: '1' } })
    expect(store.getState().exchanges[0]?.id).toBe(exchange.id)
    expect(store.getState().selectedId).toBe(exchange.id)
    bridge.dispose()
  })

  it('keeps the jar between requests, so the session counts', async () => {
    const { store, bridge } = setup()
    store.getState().setComposer({ url: '/count/' })
    await bridge.send()
    const second = await bridge.send()
    expect(text(second.response?.body)).toBe('n=2')
    expect(
      store
        .getState()
        .jar.map((c) => c.key)
        .sort(),
    ).toEqual(['seen', 'sessionid'])
    expect(second.session_before).toMatchObject({ n: 1 })
    expect(second.session_after).toMatchObject({ n: 2 })
    bridge.dispose()
  })

  it('logs in and out through actions', async () => {
    const { store, bridge } = setup()
    const login = await bridge.act({ kind: 'login', username: 'alice', password: 'alice-pass' })
    expect(login.ok).toBe(true)
    expect(store.getState().jar.some((c) => c.key === 'sessionid')).toBe(true)
    store.getState().setComposer({ url: '/echo/' })
    const seen = await bridge.send()
    expect(seen.request?.user).toMatchObject({ username: 'alice', is_authenticated: true })
    const bad = await bridge.act({ kind: 'login', username: 'alice', password: 'wrong' })
    expect(bad.ok).toBe(false)
    await bridge.act({ kind: 'logout' })
    const after = await bridge.send()
    expect(after.request?.user?.is_authenticated).toBe(false)
    bridge.dispose()
  })

  it('rebuilds after an edit and re-runs the last GET when the preference is on', async () => {
    const { store, bridge } = setup()
    store.getState().setComposer({ url: '/echo/' })
    await bridge.send()
    store.getState().setFile('views.ts', COUNTER_VIEWS.replace('method: request.method', "method: 'edited'"))
    await bridge.idle()
    expect(store.getState().exchanges).toHaveLength(2)
    expect(JSON.parse(text(store.getState().exchanges[0]?.response?.body)).method).toBe('edited')

    store.getState().setPrefs({ autoRerun: false })
    store.getState().setFile('views.ts', COUNTER_VIEWS)
    await bridge.idle()
    expect(store.getState().exchanges).toHaveLength(2)
    bridge.dispose()
  })

  it('reports a build error with its file and keeps going when it is fixed', async () => {
    const { store, bridge } = setup()
    await bridge.idle()
    store.getState().setFile('views.ts', 'export function echo( {')
    await bridge.idle()
    expect(store.getState().runtime.status).toBe('error')
    expect(store.getState().runtime.build?.error?.location?.file).toBe('views.ts')
    store.getState().setFile('views.ts', COUNTER_VIEWS)
    await bridge.idle()
    expect(store.getState().runtime.status).toBe('ready')
    bridge.dispose()
  })
})

describe('ordering', () => {
  it('a send issued right after a login carries the login', async () => {
    const { store, bridge } = setup()
    store.getState().setComposer({ url: '/echo/' })
    const login = bridge.act({ kind: 'login', username: 'alice', password: 'alice-pass' })
    const sent = bridge.send()
    await login
    expect((await sent).request?.user?.username).toBe('alice')
    bridge.dispose()
  })
})

describe('script mode', () => {
  it('runs requests.ts and lists each exchange in the history', async () => {
    const { store, bridge } = setup()
    store.getState().addFile(
      'requests.ts',
      `import { Client } from 'django/test'
const c = new Client()
c.get('/echo/', { a: '1' })
c.get('/count/')
console.log('done')
`,
    )
    await bridge.runScript()
    const { exchanges, runtime } = store.getState()
    expect(exchanges.map((e) => e.composed.url.split('?')[0])).toEqual(['/count/', '/echo/'])
    expect(runtime.script.result?.error).toBeNull()
    expect(runtime.script.result?.console.map((c) => c.text)).toContain('done')
    bridge.dispose()
  })
})

describe('time limit preference', () => {
  it('makes one new host once the typed value settles, or at once when a request is sent', async () => {
    const store = createPlaygroundStore({ files: MINIMAL_PROJECT })
    const made: number[] = []
    const bridge = createRuntimeBridge(store, {
      createHost: (timeout_ms) => {
        made.push(timeout_ms)
        return createInProcessHost()
      },
    })
    for (const value of [1, 15, 150, 1500]) store.getState().setPrefs({ timeout_ms: value })
    await new Promise((r) => setTimeout(r, 600))
    expect(made).toEqual([5000, 1500])
    store.getState().setPrefs({ timeout_ms: 2500 })
    const exchange = await bridge.send()
    expect(made).toEqual([5000, 1500, 2500])
    expect(exchange.response?.status_code).toBe(200)
    bridge.dispose()
  })
})

describe('preview requests (a real browser) through the bridge', () => {
  const get = (path: string) => ({ url: `http://testserver${path}`, method: 'GET', headers: [] as Array<[string, string]>, body: null })

  it('share one jar with the composer, both ways, and land in the history marked as preview', async () => {
    const { store, bridge } = setup()
    await bridge.idle()
    const first = await bridge.preview(get('/count/'))
    expect(text(first.body ?? undefined)).toBe('n=1')
    // The composer, right after, sends the session the browser got.
    const composed = await bridge.send({ ...store.getState().composer, method: 'GET', url: '/count/' })
    expect(text(composed.response?.body)).toBe('n=2')
    // And the browser sees what the composer's response stored.
    const third = await bridge.preview(get('/count/'))
    expect(text(third.body ?? undefined)).toBe('n=3')
    await new Promise((r) => setTimeout(r, 150))
    const sources = store.getState().exchanges.map((e) => e.source ?? 'composer')
    expect(sources).toEqual(['preview', 'composer', 'preview'])
    expect(store.getState().selectedId).toBe(store.getState().exchanges[0]!.id)
    expect(store.getState().jar.map((c) => c.key).sort()).toEqual(['seen', 'sessionid'])
    bridge.dispose()
  })

  it('takes a page script’s document.cookie write into the jar, and refuses HttpOnly ones', async () => {
    const { store, bridge } = setup()
    await bridge.idle()
    expect(bridge.writeCookie('theme=dark; path=/', 'http://testserver/')).toBe('theme=dark')
    expect(bridge.writeCookie('secret=1; HttpOnly', 'http://testserver/')).toBe('theme=dark')
    expect(store.getState().jar.find((c) => c.key === 'theme')?.value).toBe('dark')
    const seen = await bridge.send({ ...store.getState().composer, method: 'GET', url: '/echo/' })
    expect(seen.request?.COOKIES.theme).toBe('dark')
    bridge.dispose()
  })
})

describe('which preview exchange takes the inspector', () => {
  const get = (path: string) => ({ url: `http://testserver${path}`, method: 'GET', headers: [] as Array<[string, string]>, body: null })
  const settle = () => new Promise((r) => setTimeout(r, 150))

  it("a page the user opened does; a page script's request does not; the pane's first page only when nothing is selected", async () => {
    const { store, bridge } = setup()
    await bridge.idle()
    await bridge.preview(get('/echo/?first'), undefined, 'if-none')
    await settle()
    const first = store.getState().exchanges[0]!
    expect(store.getState().selectedId).toBe(first.id)
    const sent = await bridge.send({ ...store.getState().composer, method: 'GET', url: '/echo/?composer' })
    await bridge.preview(get('/echo/?again'), undefined, 'if-none')
    await bridge.preview(get('/echo/?script'), undefined, 'never')
    await settle()
    expect(store.getState().selectedId).toBe(sent.id)
    await bridge.preview(get('/echo/?clicked'), undefined, 'always')
    await settle()
    expect(store.getState().exchanges[0]!.composed.url).toBe('/echo/?clicked')
    expect(store.getState().selectedId).toBe(store.getState().exchanges[0]!.id)
    bridge.dispose()
  })
})
