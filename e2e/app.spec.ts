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
  expect(errors).toEqual([])
})
