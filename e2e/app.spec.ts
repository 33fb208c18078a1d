import { expect, test } from '@playwright/test'

test('the page paints at once, with every pane and no errors', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Request Playground' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('GET')
  await expect(page.getByRole('textbox', { name: 'URL' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible()
  // Keyboard: the skip link leads straight to the request line.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to the request' })).toBeFocused()

  // A first visit opens the welcome project, which builds and answers its first sample request.
  await expect(page.getByText('Site ready')).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await page.getByRole('combobox', { name: 'Example request' }).selectOption({ label: 'GET /counter/' })
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('/counter/')
  expect(errors).toEqual([])
})
