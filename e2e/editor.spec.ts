/**
 * The code editor: Monaco served by the app itself, the django/* types from the engine, file tabs,
 * and edits that change the project (kept across a reload) and the response.
 */
import { expect, test, type Page } from '@playwright/test'

const editor = (page: Page) => page.getByRole('textbox', { name: 'Code editor' })
const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Project files' }).getByRole('tab', { name, exact: true })
const errors = (page: Page) => page.locator('.code-editor-panel .squiggly-error')

/** Types at the end of the open file, as a person would (Monaco's auto-closing left off by insertText). */
async function appendToFile(page: Page, text: string) {
  await editor(page).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(text)
}

test.beforeEach(async ({ page }) => {
  const outside: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return
    if (url.hostname !== '127.0.0.1') outside.push(request.url())
  })
  ;(page as Page & { outside?: string[] }).outside = outside
})

test.afterEach(async ({ page }) => {
  expect((page as Page & { outside?: string[] }).outside ?? []).toEqual([])
})

test('opens the welcome project in Monaco, loaded from the app itself', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await expect(tab(page, 'views.ts')).toHaveAttribute('aria-selected', 'true')
  await expect(tab(page, 'settings.ts')).toBeVisible()
  await expect(tab(page, 'urls.ts')).toBeVisible()
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText('export function echo')
})

test('knows the django/* types: an engine type error appears, and the welcome project has none', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  // HttpResponse comes from the engine's declarations: assigning one to a number is an error.
  await appendToFile(page, "export const wrong: number = new HttpResponse('x')\n")
  await expect(errors(page)).not.toHaveCount(0, { timeout: 30_000 })
  // F8 opens the next problem inline, with TypeScript's message.
  await editor(page).focus()
  await page.keyboard.press('F8')
  await expect(page.locator('.marker-widget')).toContainText("Type 'HttpResponse' is not assignable to type 'number'")
  // F8 left the cursor on that line: delete it. With every django/* import resolved, nothing is flagged.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Shift+K')
  await expect(page.locator('.code-editor-panel .view-lines')).not.toContainText('wrong: number')
  await expect(errors(page)).toHaveCount(0, { timeout: 30_000 })
  await page.keyboard.press('Control+Home') // the django/* imports
  await expect(errors(page)).toHaveCount(0)
  await tab(page, 'urls.ts').click() // `import * as views from './views'` resolves to the other model
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText("path('echo/', views.echo")
  await page.waitForTimeout(1500)
  await expect(errors(page)).toHaveCount(0)
})

test('completes and documents the django/* API from the engine', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await appendToFile(page, 'export const r = new JsonResponse({}).set_c')
  await page.keyboard.press('Control+Space')
  await expect(page.locator('.suggest-widget')).toContainText('set_cookie', { timeout: 30_000 })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Home')
  const importLine = page.locator('.view-line', { hasText: "import { HttpResponse, JsonResponse } from 'django/http'" })
  await importLine.getByText('JsonResponse').hover()
  await expect(page.locator('.monaco-hover').first()).toContainText('docs.djangoproject.com')
})

test('typing into views.ts changes the project, and a reload keeps it', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await appendToFile(page, "export const typedInTheEditor = 'still here'\n")
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText('typedInTheEditor')
  await page.waitForTimeout(1200) // saving is debounced; within a second of the edit it is stored
  await page.reload()
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await editor(page).focus()
  await page.keyboard.press('Control+End') // Monaco renders only the lines in view
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText('typedInTheEditor')
})

test('adds, renames and deletes a file from the tabs', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await page.getByRole('button', { name: 'New file' }).click()
  await page.getByRole('textbox', { name: 'New file name' }).fill('forms.ts')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(tab(page, 'forms.ts')).toHaveAttribute('aria-selected', 'true')
  await appendToFile(page, 'export const greeting = "hi"\n')

  await page.getByRole('button', { name: 'Rename file' }).click()
  const rename = page.getByRole('textbox', { name: 'Rename forms.ts to' })
  await rename.fill('views.ts')
  await expect(page.getByRole('button', { name: 'Rename', exact: true })).toBeDisabled()
  await rename.fill('lib/forms.ts')
  await rename.press('Enter')
  await expect(tab(page, 'lib/forms.ts')).toHaveAttribute('aria-selected', 'true')
  await expect(tab(page, 'forms.ts')).toHaveCount(0)
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText('greeting')

  await page.getByRole('button', { name: 'Delete file' }).click()
  await page.getByRole('group', { name: 'Delete lib/forms.ts?' }).getByRole('button', { name: 'Delete' }).click()
  await expect(tab(page, 'lib/forms.ts')).toHaveCount(0)
  await expect(tab(page, 'views.ts')).toHaveAttribute('aria-selected', 'true')
})

test('an edit to a view changes the response', async ({ page }) => {
  await page.goto('/')
  await expect(editor(page)).toBeAttached({ timeout: 30_000 })
  await page.getByRole('textbox', { name: 'URL' }).fill('/echo/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200', { timeout: 15_000 })

  // Put a new key first in echo's JSON: click the line that opens it and type below.
  await page.locator('.code-editor-panel .view-line', { hasText: 'return new JsonResponse({' }).first().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText("edited_in_the_editor: 'yes',")
  await expect(page.locator('.code-editor-panel .view-lines')).toContainText('edited_in_the_editor')
  // The last GET re-runs after the rebuild; Send again in case re-running is off.
  await expect(async () => {
    await page.getByRole('button', { name: 'Send' }).click()
    const body = page.getByRole('region', { name: 'Response body' })
    await expect(body).toContainText('edited_in_the_editor', { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
})
