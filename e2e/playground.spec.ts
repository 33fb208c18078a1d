import { addFile, composerHistory, editFile, expect, fileTab, open, test } from './playground-fixture.ts'

test('send a GET and see the status, GET and console', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('textbox', { name: 'URL' }).fill('/echo/?name=caf%C3%A9&n=1&n=2')
  // The query table follows the URL.
  await page.getByRole('tab', { name: 'Query' }).click()
  await expect(page.getByRole('textbox', { name: 'Query parameter 1 value' })).toHaveValue('café')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('"method"')
  await page.getByRole('tab', { name: 'GET' }).click()
  await expect(page.getByRole('table', { name: 'request.GET' })).toContainText('café')
  await page.getByRole('tab', { name: 'Console' }).click()
  await expect(page.getByRole('region', { name: 'Inspector' }).getByText('echo called')).toBeVisible()
  await page.getByRole('tab', { name: 'META' }).click()
  await expect(page.getByRole('table', { name: 'request.META' })).toContainText('QUERY_STRING')

  // Ctrl+Enter sends too: a second exchange lands in the history.
  await page.getByRole('textbox', { name: 'URL' }).fill('/nope/')
  await page.getByRole('textbox', { name: 'URL' }).press('Control+Enter')
  await expect(page.getByRole('status')).toContainText('404')
  await expect(composerHistory(page)).toHaveCount(2)
})

test('a multipart POST with a real file shows in FILES with its size', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST')
  await page.getByRole('textbox', { name: 'URL' }).fill('/upload/')
  await page.getByRole('tab', { name: 'Body' }).click()
  await page.getByRole('radio', { name: 'Multipart form' }).check()
  await page.getByRole('button', { name: 'Add field' }).click()
  await page.getByRole('textbox', { name: 'Field 1 name' }).fill('title')
  await page.getByRole('textbox', { name: 'Field 1 value' }).fill('notes')
  await page
    .getByLabel('Add files')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1234, 'a') })
  await expect(page.getByText('notes.txt')).toBeVisible()
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await page.getByRole('tab', { name: 'FILES' }).click()
  const files = page.getByRole('table', { name: 'Uploaded files' })
  await expect(files).toContainText('notes.txt')
  await expect(files).toContainText('1234 bytes')
  await expect(files).toContainText('text/plain')
  await page.getByRole('tab', { name: 'POST' }).click()
  await expect(page.getByRole('table', { name: 'request.POST' })).toContainText('notes')
})

test('log in, and see the session and the user change', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('textbox', { name: 'URL' }).fill('/whoami/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('user=anonymous visits=1')

  await page.getByRole('tab', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'Log in as alice' }).click()
  await page.getByRole('tab', { name: 'Cookie jar' }).click()
  await expect(page.getByRole('textbox', { name: 'Cookie 1 name' })).toHaveValue('sessionid')

  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('user=alice')
  await page.getByRole('tab', { name: 'Session' }).click()
  const session = page.getByRole('table', { name: 'Session before and after' })
  await expect(session.getByRole('row', { name: /_auth_user_id/ })).toBeVisible()
  // login() kept the anonymous session's data (Django cycles the key), so the counter went on.
  await expect(session.getByRole('row', { name: /visits/ })).toContainText('changed')
  await page.getByRole('tab', { name: 'Resolver / user' }).click()
  await expect(page.getByRole('table', { name: 'request.user' })).toContainText('alice')
})

test('with CSRF checks enforced, a POST without a token gets 403 and the reason', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST')
  await page.getByRole('textbox', { name: 'URL' }).fill('/submit/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await page.getByRole('checkbox', { name: 'Enforce CSRF checks' }).check()
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('403')
  await expect(page.getByRole('status')).toContainText('CSRF cookie not set.')
  const frame = page.getByRole('region', { name: 'Response body' }).locator('iframe')
  await expect(frame).toHaveAttribute('sandbox', '')
})

test('reload restores the project, the composer and the history', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('textbox', { name: 'URL' }).fill('/echo/?kept=yes')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await addFile(page, 'forms.ts')
  await expect(fileTab(page, 'forms.ts')).toBeVisible()
  await page.waitForTimeout(500)
  await page.reload()
  await expect(fileTab(page, 'forms.ts')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('/echo/?kept=yes')
  const history = page.getByRole('region', { name: 'History' })
  // Adding a file was an edit, so the last GET ran again after the rebuild.
  await expect(composerHistory(page)).toHaveCount(2)
  await expect(history).toContainText('/echo/?kept=yes')
  await expect(page.getByRole('status')).toContainText('200')
})

test('a runaway view times out, the page stays responsive and says which request it was', async ({
  page,
  outside: _,
}) => {
  await open(page)
  await page.getByRole('spinbutton', { name: 'Time limit (ms)' }).fill('1500')
  await expect(page.getByText('Site ready')).toBeVisible()
  const url = page.getByRole('textbox', { name: 'URL' })
  await url.fill('/loop/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('Sending GET /loop/')
  // While the view spins in the runtime, the page still takes typing.
  await url.fill('/echo/?typed=while-spinning')
  await expect(url).toHaveValue('/echo/?typed=while-spinning')
  await expect(page.getByRole('status')).toContainText('Timed out: GET /loop/', { timeout: 10_000 })
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('while-spinning')
})

test('edit a view and see the new result (the last GET re-runs)', async ({ page, outside: _ }) => {
  await open(page)
  await page.getByRole('textbox', { name: 'URL' }).fill('/whoami/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('visits=1')
  await editFile(page, 'views.ts', 'visits=$', 'count=$')
  // The rebuilt site keeps its database (as runserver does), so the session counts on.
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('user=anonymous count=2', {
    timeout: 10_000,
  })
  await expect(composerHistory(page)).toHaveCount(2)
})

test("a view reaching for storage, cookies or the parent page gets nothing of the playground's", async ({
  page,
  outside: _,
}) => {
  await page.context().addCookies([{ name: 'playground_secret', value: 's3cret', url: 'http://127.0.0.1:4174/' }])
  await open(page)
  await page.getByRole('textbox', { name: 'URL' }).fill('/probe/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  const body = page.getByRole('region', { name: 'Response body' })
  await expect(body).toContainText('"storage"')
  await expect(body).not.toContainText('settings.ts')
  await expect(body).not.toContainText('s3cret')
  await expect(body).not.toContainText('Request Playground')
})

test('history: send again and compare two exchanges', async ({ page, outside: _ }) => {
  await open(page)
  const url = page.getByRole('textbox', { name: 'URL' })
  await url.fill('/whoami/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('200')
  await url.fill('/missing/')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toContainText('404')
  const history = page.getByRole('region', { name: 'History' })
  await history.getByRole('button', { name: 'Run GET /whoami/ again' }).click()
  await expect(composerHistory(page)).toHaveCount(3)
  await expect(page.getByRole('region', { name: 'Response body' })).toContainText('visits=2')
  await history.getByRole('checkbox', { name: /Compare GET \/missing\// }).check()
  await history.getByRole('checkbox', { name: /Compare GET \/whoami\// }).first().check()
  const compare = page.getByRole('region', { name: 'Compare exchanges' })
  await expect(compare).toContainText('404 Not Found')
  await expect(compare).toContainText('200 OK')
  await expect(compare.getByRole('rowheader', { name: '≠ Status' })).toBeVisible()
})
