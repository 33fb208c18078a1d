/**
 * The isolated runtime in Chromium: a runaway view is stopped without freezing the page, and user
 * code cannot read the playground's storage, cookies or DOM. The real `createRuntimeHost` (and the
 * real worker bundle) is built here into one script and served on a test page at the app's own
 * origin, so the page's localStorage and cookies are the playground's.
 */
import { expect, test, type Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { runtimeWorker } from '../app/runtime/vite-plugin.ts'

const HOST = fileURLToPath(new URL('../app/runtime/host/runtime-host.ts', import.meta.url))

/** createRuntimeHost, bundled with the worker source, exposed as `window.createRuntimeHost`. */
async function bundle_host(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [runtimeWorker()],
    build: { write: false, minify: false, lib: { entry: HOST, formats: ['iife'], name: 'RuntimeE2E', fileName: () => 'e2e.js' } },
  })
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> }
  return output.output.find((o) => o.type === 'chunk')!.code! + '\nwindow.createRuntimeHost = RuntimeE2E.createRuntimeHost\n'
}

const PROJECT = {
  'settings.ts': `export const settings = { DEBUG: true, SECRET_KEY: 'e2e' }\n`,
  'urls.ts': `import { path } from 'django/urls'
import { loop, probe, hello } from './views'
export const urlpatterns = [path('loop/', loop), path('probe/', probe), path('hello/', hello)]
`,
  'views.ts': `import { HttpResponse, JsonResponse } from 'django/http'

export function hello(_request: any) {
  return new HttpResponse('hello')
}

export function loop(_request: any) {
  while (true) {}
}

const attempt = async (fn: () => unknown) => {
  try {
    const value = await fn()
    return 'value: ' + String(value)
  } catch (error: any) {
    return 'threw: ' + (error?.name ?? String(error))
  }
}

export async function probe(_request: any) {
  const g = globalThis as any
  return new JsonResponse({
    localStorage: await attempt(() => g.localStorage.getItem('secret')),
    cookie: await attempt(() => g.document.cookie),
    parent: await attempt(() => g.parent.document.title),
    indexedDB: await attempt(() => new Promise((resolve, reject) => {
      const open = g.indexedDB.open('playground')
      open.onsuccess = () => resolve('opened')
      open.onerror = () => reject(open.error)
    })),
    fetch: await attempt(async () => (await fetch(g.location.origin === 'null' ? '/' : g.location.origin + '/')).status),
    origin: await attempt(() => g.location.origin),
  })
}
`,
}

let script = ''

test.beforeAll(async () => {
  script = await bundle_host()
})

async function open_test_page(page: Page): Promise<void> {
  await page.route('**/__runtime-e2e.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>runtime e2e</title><button id="b" onclick="this.dataset.clicks = String(Number(this.dataset.clicks || 0) + 1)">Click</button><script>${script.replaceAll('</script', '<\\/script')}</script>`,
    }),
  )
  await page.goto('/__runtime-e2e.html')
  await page.evaluate(() => {
    localStorage.setItem('secret', 'playground-secret')
    document.cookie = 'playground_cookie=secret-cookie; path=/'
  })
}

const composed = (url: string) => ({ method: 'GET', url, headers: [], body: { kind: 'none' }, follow: false, secure: false, enforce_csrf_checks: false })

test('a runaway view times out, the page stays responsive, and the next request works', async ({ page }) => {
  await open_test_page(page)
  const built = await page.evaluate(async (project) => {
    const w = window as unknown as { host: { build(f: unknown): Promise<{ ok: boolean }> }; createRuntimeHost(o: unknown): unknown }
    w.host = w.createRuntimeHost({ timeout_ms: 1500 }) as typeof w.host
    return w.host.build(project)
  }, PROJECT)
  expect(built.ok).toBe(true)

  await page.evaluate((request) => {
    const w = window as unknown as { host: { send(r: unknown, j: unknown[]): Promise<unknown> }; looped: Promise<unknown> }
    w.looped = w.host.send(request, [])
  }, composed('/loop/'))
  // While the worker spins, the page answers at once and its button still clicks.
  const t0 = Date.now()
  expect(await page.evaluate(() => 6 * 7)).toBe(42)
  await page.click('#b')
  await expect(page.locator('#b')).toHaveAttribute('data-clicks', '1')
  expect(Date.now() - t0).toBeLessThan(1000)

  const failure = await page.evaluate(async () => {
    const exchange = (await (window as unknown as { looped: Promise<{ failure: unknown }> }).looped)
    return exchange.failure
  })
  expect(failure).toEqual({ kind: 'timeout', message: 'GET /loop/ took longer than 1.5 s and was stopped; the runtime was restarted.' })
  expect(await page.locator('iframe[sandbox="allow-scripts"]').count()).toBe(1)

  // The restarted runtime rebuilt the project: the next request is answered.
  const next = await page.evaluate(async (request) => {
    const w = window as unknown as { host: { send(r: unknown, j: unknown[]): Promise<{ response: { status_code: number; body: Uint8Array } }> } }
    const exchange = await w.host.send(request, [])
    return { status: exchange.response.status_code, body: new TextDecoder().decode(exchange.response.body) }
  }, composed('/hello/'))
  expect(next).toEqual({ status: 200, body: 'hello' })
})

test("user code gets nothing of the playground's storage, cookies or DOM", async ({ page }) => {
  await open_test_page(page)
  const seen = await page.evaluate(
    async ({ project, request }) => {
      const w = window as unknown as { createRuntimeHost(o: unknown): { build(f: unknown): Promise<unknown>; send(r: unknown, j: unknown[]): Promise<{ response: { body: Uint8Array } }> } }
      const host = w.createRuntimeHost({ timeout_ms: 5000 })
      await host.build(project)
      const exchange = await host.send(request, [])
      return new TextDecoder().decode(exchange.response.body)
    },
    { project: PROJECT, request: composed('/probe/') },
  )
  const probe = JSON.parse(seen) as Record<string, string>
  expect(seen).not.toContain('playground-secret')
  expect(seen).not.toContain('secret-cookie')
  expect(probe.localStorage).toMatch(/^threw: /)
  expect(probe.cookie).toMatch(/^threw: /)
  expect(probe.parent).toMatch(/^threw: /)
  expect(probe.indexedDB).toMatch(/^threw: /)
  expect(probe.fetch).toMatch(/^threw: /)
  expect(probe.origin).toBe('value: null')
  // The page's own storage is untouched.
  expect(await page.evaluate(() => localStorage.getItem('secret'))).toBe('playground-secret')
})
