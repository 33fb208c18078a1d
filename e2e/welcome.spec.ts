import type { Page } from '@playwright/test'
import { expect, open, test } from './playground-fixture.ts'

// A first visit: nothing saved, so the welcome project opens and its home page shows in the preview.
test.use({ project: null })

const frame = (page: Page) => page.getByTitle('Preview of the site').contentFrame()
const home = async (page: Page) => {
  await frame(page).getByRole('link', { name: 'Home' }).first().click()
  await expect(frame(page).getByRole('heading', { name: 'Welcome' })).toBeVisible()
}

test("a first visit's preview: the welcome pages work in a real browser", async ({ page, outside: _ }) => {
  await open(page)
  await expect(frame(page).getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 20_000 })

  // A page script's fetch(), and an XHR POST carrying the CSRF token read from document.cookie.
  await frame(page).getByRole('link', { name: 'fetch() and XMLHttpRequest from a page script' }).click()
  await expect(frame(page).locator('#time')).toHaveText(/^\d{4}-\d\d-\d\dT/)
  await frame(page).getByRole('button', { name: 'Like (XMLHttpRequest POST)' }).click()
  await expect(frame(page).locator('#likes')).toHaveText('200 {"likes": 1}')
  await home(page)

  // A form into the session, then its redirect.
  await frame(page).getByRole('link', { name: 'A form that saves to the session, then redirects' }).click()
  await frame(page).getByRole('textbox', { name: 'Your note' }).fill('Buy bread')
  await frame(page).getByRole('button', { name: 'Save' }).click()
  await expect(frame(page).getByText('Buy bread')).toBeVisible()
  await home(page)

  // Two redirects in a row end on the last page.
  await frame(page).getByRole('link', { name: 'Two redirects in a row' }).click()
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('textbox', { name: 'Address' })).toHaveValue('/hop/done/')
  await home(page)

  // An upload shows the file's exact size.
  await frame(page).getByRole('link', { name: 'Upload files' }).click()
  await frame(page).getByLabel('Files').setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.alloc(321, 'x') })
  await frame(page).getByRole('button', { name: 'Upload' }).click()
  await expect(frame(page).getByText('321 bytes')).toBeVisible()
  await home(page)

  // Logging in through the form: the composer's jar now holds that session.
  await frame(page).getByRole('link', { name: 'Log in (alice / wonderland)' }).click()
  await frame(page).getByRole('button', { name: 'Log in' }).click()
  await expect(frame(page).getByText('"username": "alice"')).toBeVisible()
  await page.getByRole('textbox', { name: 'URL' }).fill('/whoami/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('alice')
})
