import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, open, test } from './playground-fixture.ts'
import { PREVIEW_PROJECT } from './preview-project.ts'

test.use({ project: PREVIEW_PROJECT })

/** The preview pane's frame, found by its accessible name. */
const frame = (page: Page) => page.getByTitle('Preview of the site').contentFrame()
const history = (page: Page) => page.getByRole('region', { name: 'History' }).getByRole('listitem')
const address = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('textbox', { name: 'Address' })

async function openPreview(page: Page) {
  await open(page)
  await expect(page.getByText('Service worker active')).toBeVisible({ timeout: 20_000 })
}

async function go(page: Page, path: string) {
  await address(page).fill(path)
  await address(page).press('Enter')
}

test('a CSRF form in the preview sets a session the next page and the composer both see', async ({ page, outside: _ }) => {
  await openPreview(page)
  await frame(page).getByRole('textbox', { name: 'Name' }).fill('Ada')
  await frame(page).getByRole('button', { name: 'Save' }).click()
  await expect(frame(page).getByText('Hello Ada')).toBeVisible()
  await expect(address(page)).toHaveValue('/hello/')
  // GET /, POST / (302), GET /hello/: each an exchange from the preview.
  await expect(history(page).filter({ hasText: 'preview' })).toHaveCount(3)
  await expect(history(page).first()).toContainText('/hello/')
  // The form's POST can be opened in the composer, as the browser sent it.
  await page.getByRole('button', { name: 'Edit POST / in the composer' }).click()
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST')
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('/')
  // The same session reaches the composer: its jar is the browser's.
  await page.getByRole('textbox', { name: 'URL' }).fill('/hello/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('Hello Ada')
})

test("the composer's login is the preview's too: one browser profile", async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/me/')
  await expect(frame(page).getByText('anonymous')).toBeVisible()
  await page.getByRole('tab', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'Force login as alice' }).click()
  await page.getByRole('button', { name: 'Reload' }).click()
  await expect(frame(page).getByText('signed in as alice')).toBeVisible()
  // The preview's request carried the session cookie the composer's login stored.
  await page.getByRole('tab', { name: 'COOKIES' }).click()
  await expect(page.getByRole('table', { name: 'request.COOKIES' })).toContainText('sessionid')
})

test('cookies a browser refuses are listed in the jar with the reason, the others kept', async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/refuse/')
  await expect(frame(page).getByText('cookies sent')).toBeVisible()
  await page.getByRole('tab', { name: 'Cookie jar' }).click()
  const jar = page.getByRole('table', { name: 'Cookie jar' })
  await expect(jar.getByRole('row').filter({ has: page.locator('input[value="secure_only"]') })).toContainText(
    'A browser refuses it',
  )
  await expect(jar.getByRole('row').filter({ has: page.locator('input[value="other_site"]') })).toContainText('example.com')
  await expect(jar.getByRole('row').filter({ has: page.locator('input[value="fine"]') })).not.toContainText('refuses')
})

test('an upload through a preview form reaches FILES with its exact bytes', async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/upload/')
  const bytes = Buffer.from([0, 1, 2, 250, 255, 13, 10, 65])
  await frame(page).getByLabel('Document').setInputFiles({ name: 'blob.bin', mimeType: 'application/octet-stream', buffer: bytes })
  await frame(page).getByRole('button', { name: 'Upload' }).click()
  await expect(frame(page).locator('#got')).toHaveText(`blob.bin 8 ${[...bytes].join(',')}`)
  await page.getByRole('tab', { name: 'FILES' }).click()
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('blob.bin')
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('8 bytes')
})

test("a page script's fetch and a CSRF-protected XHR POST reach the views", async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/script/')
  await expect(frame(page).locator('#json')).toHaveText('json 4')
  await expect(frame(page).locator('#xhr')).toHaveText('xhr 200 {"got": "hi"}')
  await expect(history(page).filter({ hasText: '/api/post/' })).toContainText('200')
})

test('a 302 → 302 → 200 chain is three exchanges, the address shows the end, back and forward work', async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/hop/1/')
  await expect(frame(page).getByText('arrived')).toBeVisible()
  await expect(address(page)).toHaveValue('/done/')
  await expect(history(page).nth(0)).toContainText('/done/')
  await expect(history(page).nth(1)).toContainText('/hop/2/')
  await expect(history(page).nth(2)).toContainText('/hop/1/')
  await expect(history(page).nth(1)).toContainText('302')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(address(page)).toHaveValue('/')
  await expect(frame(page).getByRole('button', { name: 'Save' })).toBeVisible()
  await page.getByRole('button', { name: 'Forward' }).click()
  await expect(address(page)).toHaveValue('/done/')
  await expect(frame(page).getByText('arrived')).toBeVisible()
})

test('a 307 keeps the method and the body, as a browser re-sends them', async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/keep/')
  await frame(page).getByRole('textbox', { name: 'Word' }).fill('again')
  await frame(page).getByRole('button', { name: 'Post it' }).click()
  await expect(frame(page).locator('#kept')).toHaveText('POST again')
  await expect(history(page).nth(1)).toContainText('307')
})

test("a page's stylesheet and image served by views load through the bridge", async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/styled/')
  await expect(frame(page).locator('#styled')).toHaveCSS('color', 'rgb(200, 0, 0)')
  await expect.poll(() => frame(page).locator('#dot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40)
  await expect(history(page).filter({ hasText: '/style.css' })).toHaveCount(1)
})

test('a preview page reaches no storage, cookie or DOM of the playground, and cannot navigate it', async ({ page, outside: _ }) => {
  await page.context().addCookies([{ name: 'app_cookie', value: 'secret', url: 'http://127.0.0.1:4174' }])
  await openPreview(page)
  await go(page, '/probe/')
  const out = frame(page).locator('#out')
  await expect(out).toContainText('storage: threw SecurityError')
  await expect(out).toContainText('parent: threw SecurityError')
  await expect(out).toContainText('cookie: got csrftoken')
  await expect(out).not.toContainText('app_cookie')
  await frame(page).getByRole('link', { name: 'leave' }).click()
  await page.waitForTimeout(300)
  expect(new URL(page.url()).pathname).toBe('/')
  await expect(page.getByRole('heading', { name: 'Request Playground' })).toBeVisible()
})

test('an attachment and a FileResponse download with their names and bytes', async ({ page, outside: _ }) => {
  await openPreview(page)
  const saved = async (path: string) => {
    const download = page.waitForEvent('download')
    await go(page, path)
    const file = await download
    const chunks: Buffer[] = []
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
    return [file.suggestedFilename(), Buffer.concat(chunks).toString()]
  }
  expect(await saved('/download/')).toEqual(['notes.txt', 'line one\nline two\n'])
  expect(await saved('/report/')).toEqual(['report.csv', 'a,b\n1,2\n'])
})

test('a streaming response renders as it arrives', async ({ page, outside: _ }) => {
  await openPreview(page)
  await go(page, '/stream/')
  await expect(frame(page).getByText('first part')).toBeVisible()
  // The view is still sleeping before its second part: the page shows what came so far.
  await expect(frame(page).getByText('second part')).toHaveCount(0)
  await expect(frame(page).getByText('second part')).toBeVisible({ timeout: 10_000 })
})

test('"Open in a new tab" shows the page in a tab of its own, still served by the playground', async ({
  page,
  outside: _,
}) => {
  await openPreview(page)
  await frame(page).getByRole('textbox', { name: 'Name' }).fill('Grace')
  await frame(page).getByRole('button', { name: 'Save' }).click()
  await expect(address(page)).toHaveValue('/hello/')
  const opened = page.context().waitForEvent('page')
  await page.getByRole('button', { name: 'Open in a new tab' }).click()
  const tab = await opened
  await expect(tab.getByText('Hello Grace')).toBeVisible()
  expect(new URL(tab.url()).pathname).toBe('/site/hello/')
  // Its link still works, and its request is in the playground's history.
  await tab.getByRole('link', { name: 'Back to the form' }).click()
  await expect(tab.getByRole('button', { name: 'Save' })).toBeVisible()
  await tab.close()
})

test('a hard reload (bypassing the service worker) recovers the pane', async ({ page, outside: _ }) => {
  await openPreview(page)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.reload', { ignoreCache: true })
  // The page came back uncontrolled, reloaded once, and says so.
  await expect(page.getByText('Service worker active (recovered after a hard reload)')).toBeVisible({ timeout: 20_000 })
  await expect(frame(page).getByRole('button', { name: 'Save' })).toBeVisible()
})

test('the preview pane passes an accessibility scan (axe), and its controls are reachable by keyboard', async ({
  page,
  outside: _,
}) => {
  await openPreview(page)
  await expect(frame(page).getByRole('button', { name: 'Save' })).toBeVisible()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const scan = await new AxeBuilder({ page }).include('section[aria-label="Preview"]').exclude('iframe').analyze()
    expect(scan.violations.map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
  }
  await address(page).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Reload' })).toBeFocused()
  await address(page).fill('/hello/')
  await address(page).press('Enter')
  await expect(frame(page).getByText('Hello nobody')).toBeVisible()
})

test.describe('without service workers', () => {
  test.use({ serviceWorkers: 'block' })

  test('the composer still works and the pane says why the preview cannot load', async ({ page, outside: _ }) => {
    await open(page)
    await expect(page.getByText('Service worker unavailable')).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('region', { name: 'Preview' })).toContainText('The preview cannot load')
    await page.getByRole('textbox', { name: 'URL' }).fill('/hello/')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('region', { name: 'Response body' })).toContainText('Hello nobody')
  })
})
