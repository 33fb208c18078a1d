/**
 * The browser part of `npm run bench`: a small GET to the user's view from the preview side, timed in
 * the page, beside a static file fetched in the same page. Two paths: through the service worker
 * (msw → runtime → view), and from a preview page's own script through the page bridge. Builds the
 * app, serves it with `vite preview` on 127.0.0.1, and drives Debian's Chromium.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chromium, type Frame, type Page } from '@playwright/test'

const PORT = 4179
const ORIGIN = `http://127.0.0.1:${PORT}`

export interface Percentiles {
  p50: number
  p90: number
}

export interface BrowserFigures {
  requests: number
  /** The app page's fetch('/site/echo/') through the worker, in ms. */
  worker: Percentiles
  /** A preview page's own fetch('/echo/') through the page bridge, in ms. */
  bridge: Percentiles
  /** A static file from the server, fetched in the same page, in ms. */
  static_file: Percentiles
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p90: at(0.9) }
}

/** Times `n` sequential fetches of `url` in a page or frame (after `n / 10` unmeasured). */
async function time(where: Page | Frame, url: string, n: number): Promise<number[]> {
  return where.evaluate(
    async ({ url, n }) => {
      const out: number[] = []
      for (let i = -Math.ceil(n / 10); i < n; i++) {
        const t = performance.now()
        const response = await fetch(url, { cache: 'no-store' })
        await response.arrayBuffer()
        if (i >= 0) out.push(performance.now() - t)
      }
      return out
    },
    { url, n },
  )
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('vite preview did not start')
}

export async function runBrowserBench(requests: number): Promise<BrowserFigures> {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('vite build failed')
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    await waitForServer()
    const page = await browser.newPage()
    await page.route((url) => url.host !== `127.0.0.1:${PORT}`, (route) => route.abort())
    await page.goto(`${ORIGIN}/`)
    await page.getByText('Site ready').waitFor({ timeout: 30_000 })
    await page.getByText('Service worker active').waitFor({ timeout: 30_000 })
    const frame = page.frameLocator('iframe[title="Preview of the site"]')
    await frame.getByRole('heading', { name: 'Welcome' }).waitFor({ timeout: 30_000 })
    const preview = page.frames().find((f) => f.url().startsWith(`${ORIGIN}/site/`))
    if (!preview) throw new Error('no preview frame')
    // Let the editor (Monaco and its TypeScript worker) finish starting: it takes both cores for a while.
    await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(3000)
    const worker = await time(page, '/site/echo/?q=bench', requests)
    const bridge = await time(preview, '/echo/?q=bench', requests)
    const staticFile = await time(page, '/favicon.svg', requests)
    return { requests, worker: percentiles(worker), bridge: percentiles(bridge), static_file: percentiles(staticFile) }
  } finally {
    await browser.close()
    if (server.pid) process.kill(-server.pid)
  }
}
