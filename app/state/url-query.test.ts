import { describe, expect, it } from 'vitest'
import { headersToText, queryRows, textToHeaders, withQueryRows } from './url-query.ts'

describe('query rows and the URL', () => {
  it('reads rows from the URL, decoded, duplicates kept', () => {
    expect(queryRows('/echo/?a=1&a=2&q=caf%C3%A9+au+lait&flag#top')).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['q', 'café au lait'],
      ['flag', ''],
    ])
    expect(queryRows('/echo/')).toEqual([])
    expect(queryRows('/x/?bad=%E0%A4%A')).toEqual([['bad', '%E0%A4%A']])
  })

  it('writes rows back into the query only', () => {
    expect(
      withQueryRows('/echo/?old=1#top', [
        ['q', 'a b'],
        ['n', 'é/x'],
      ]),
    ).toBe('/echo/?q=a+b&n=%C3%A9/x#top')
    expect(withQueryRows('/echo/?a=1', [])).toBe('/echo/')
  })

  it('round-trips an empty row being added', () => {
    const url = withQueryRows('/e/?a=1', [...queryRows('/e/?a=1'), ['', '']])
    expect(url).toBe('/e/?a=1&')
    expect(queryRows(url)).toEqual([
      ['a', '1'],
      ['', ''],
    ])
    expect(withQueryRows(url, queryRows(url))).toBe(url)
  })
})

describe('bulk headers', () => {
  it('converts both ways', () => {
    const headers: Array<[string, string]> = [
      ['Cookie', 'a=1; b=2'],
      ['X-Time', '12:30'],
    ]
    expect(textToHeaders(headersToText(headers))).toEqual(headers)
    expect(textToHeaders('Host: example.com\n\nX-Flag')).toEqual([
      ['Host', 'example.com'],
      ['X-Flag', ''],
    ])
  })
})
