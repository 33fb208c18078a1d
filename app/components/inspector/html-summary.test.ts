import { describe, expect, it } from 'vitest'
import { htmlReason } from './html-summary.ts'
import { diffRecords } from './session-diff.ts'

describe('htmlReason', () => {
  it("reads the CSRF failure reason from Django's 403 page", () => {
    const page = `<div id="summary"><h1>Forbidden <span>(403)</span></h1>
      <p>CSRF verification failed. Request aborted.</p></div><div id="info"><p>Reason given for failure:</p>
    <pre>
    CSRF cookie not set.
    </pre></div>`
    expect(htmlReason(page)).toBe('CSRF cookie not set.')
  })

  it('falls back to the summary paragraph, and to null', () => {
    expect(
      htmlReason('<div id="summary">\n<h1>ValueError at /x/</h1>\n<pre class="exception_value">bad &amp; worse</pre>'),
    ).toBe('bad & worse')
    expect(htmlReason('<p>hello</p>')).toBeNull()
  })
})

describe('diffRecords', () => {
  it('marks added, removed, changed and unchanged keys', () => {
    const rows = diffRecords({ a: 1, b: 'x', c: true }, { a: 2, c: true, d: [1] })
    expect(rows.map((r) => [r.key, r.change])).toEqual([
      ['a', 'changed'],
      ['b', 'removed'],
      ['c', 'same'],
      ['d', 'added'],
    ])
    expect(rows[0]).toMatchObject({ before: '1', after: '2' })
    expect(diffRecords(null, { _auth_user_id: '1' })[0]?.change).toBe('added')
  })
})
