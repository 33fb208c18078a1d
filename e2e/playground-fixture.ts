/**
 * Shared set-up for the playground specs: a known project seeded once per test (as if the user had
 * written it), and a guard that fails the test on any request to another host.
 */
import { expect, test as base, type Page } from '@playwright/test'

export const PROJECT: Record<string, string> = {
  'settings.ts': `export const settings = {
  DEBUG: true,
  SECRET_KEY: 'e2e-not-secret',
  MIDDLEWARE: [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
  ],
  PASSWORD_HASHERS: ['playground.hashers.FastPBKDF2PasswordHasher'],
}

export const users = [{ username: 'alice', password: 'wonderland', is_staff: true }]
`,
  'urls.ts': `import { path } from 'django/urls'
import { echo, upload, whoami, submit, loop, probe } from './views'

export const urlpatterns = [
  path('echo/', echo),
  path('upload/', upload),
  path('whoami/', whoami),
  path('submit/', submit),
  path('loop/', loop),
  path('probe/', probe),
]
`,
  'views.ts': `import { HttpResponse, JsonResponse } from 'django/http'
import type { HttpRequest } from 'django/http'

export function echo(request: HttpRequest) {
  console.log('echo called')
  return new JsonResponse({ method: request.method, GET: Object.fromEntries(request.GET.items()) })
}

export function upload(request: HttpRequest) {
  return new JsonResponse({ files: request.FILES.keys().length })
}

export function whoami(request: HttpRequest) {
  const visits = Number(request.session.get('visits', 0)) + 1
  request.session.setitem('visits', visits)
  return new HttpResponse(\`user=\${request.user.username || 'anonymous'} visits=\${visits}\`)
}

export function submit(request: HttpRequest) {
  return new HttpResponse('accepted')
}

export function loop(request: HttpRequest) {
  while (true) {}
}

// Untrusted code trying to reach the playground: each attempt reports what it got.
export function probe(request: HttpRequest) {
  const g = globalThis as any
  const attempt = (fn: () => unknown) => {
    try {
      return 'got ' + String(fn())
    } catch (error: any) {
      return 'threw ' + (error?.name ?? 'error')
    }
  }
  return new JsonResponse({
    storage: attempt(() => g.localStorage.getItem('request-playground:v1')),
    cookie: attempt(() => g.document.cookie),
    parent: attempt(() => g.parent.document.title),
  })
}
`,
}

const STORAGE_KEY = 'request-playground:v1'

/** Seeds the project before the app starts, only on the test's first load (a reload keeps what was saved). */
async function seed(page: Page, files: Record<string, string>) {
  const state = {
    files,
    activePath: 'views.ts',
    composer: {
      method: 'GET',
      url: '/echo/',
      headers: [],
      body: { kind: 'none' },
      follow: false,
      secure: false,
      enforce_csrf_checks: false,
    },
    exchanges: [],
    selectedId: null,
    jar: [],
    prefs: { autoRerun: true, timeout_ms: 5000, theme: 'system' },
  }
  await page.addInitScript(
    ([key, blob]) => {
      if (sessionStorage.getItem('e2e-seeded')) return
      sessionStorage.setItem('e2e-seeded', '1')
      localStorage.setItem(key, blob)
    },
    [STORAGE_KEY, JSON.stringify({ version: 1, state })] as const,
  )
}

export const test = base.extend<{ outside: string[]; project: Record<string, string> | null }>({
  /** The project the test starts with (`test.use({ project })` for another; null: a first visit). */
  project: [PROJECT, { option: true }],
  outside: async ({ page, baseURL, project }, use) => {
    const own = new URL(baseURL ?? 'http://127.0.0.1:4174').host
    const outside: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      // data:, blob: and about: URLs are the page's own; everything with a host must be ours.
      if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && url.host !== own) {
        outside.push(request.url())
      }
    })
    if (project) await seed(page, project)
    await use(outside)
    expect(outside, 'requests to other hosts').toEqual([])
  },
})

/** Opens the app and waits until the site has built. */
export async function open(page: Page) {
  await page.goto('/')
  await expect(page.getByText('Site ready')).toBeVisible({ timeout: 20_000 })
}

export { expect }

/** Replaces text in a project file through the editor on screen (Monaco, or the plain editor while it loads). */
export async function editFile(page: Page, path: string, from: string, to: string) {
  await fileTab(page, path).click()
  const plain = page.getByRole('textbox', { name: `Source of ${path}` })
  const monaco = page.locator('.monaco-editor').first()
  await expect(plain.or(monaco).first()).toBeVisible({ timeout: 20_000 })
  if (await plain.isVisible()) {
    await plain.fill((await plain.inputValue()).replace(from, to))
    return
  }
  // Monaco: find the text, close the find widget with the match selected, type over it.
  await page.locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.press('Control+F')
  await page.keyboard.type(from)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await page.keyboard.type(to)
}

/** Adds an empty file through the editor's file actions. */
export async function addFile(page: Page, name: string) {
  await page.getByRole('button', { name: 'New file' }).click()
  await page.getByRole('textbox', { name: 'New file name' }).fill(name)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
}

/** The file's tab in the editor. */
export function fileTab(page: Page, name: string) {
  return page.getByRole('tab', { name, exact: true })
}

/** The history's entries the composer sent (the preview pane adds its own page loads). */
export function composerHistory(page: Page) {
  return page.getByRole('region', { name: 'History' }).getByRole('listitem').filter({ hasNotText: /\bpreview\b/ })
}
