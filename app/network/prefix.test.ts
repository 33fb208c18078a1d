import { describe, expect, it } from 'vitest'
import { toPreviewPath, toSiteUrl } from './prefix.ts'

describe('the site prefix', () => {
  it('maps real preview URLs to the site, the prefix taken off', () => {
    expect(toSiteUrl('http://127.0.0.1:4174/site/echo/?a=1&a=2')).toBe('http://testserver/echo/?a=1&a=2')
    expect(toSiteUrl('http://127.0.0.1:4174/site/')).toBe('http://testserver/')
    expect(toSiteUrl('http://127.0.0.1:4174/site')).toBe('http://testserver/')
    expect(toSiteUrl('http://127.0.0.1:4174/site/caf%C3%A9/')).toBe('http://testserver/caf%C3%A9/')
  })

  it('maps site paths and site URLs back under the prefix, and leaves other hosts alone', () => {
    expect(toPreviewPath('/login/?next=/secret/')).toBe('/site/login/?next=/secret/')
    expect(toPreviewPath('http://testserver/x#top')).toBe('/site/x#top')
    expect(toPreviewPath('../up/', 'http://testserver/a/b/')).toBe('/site/a/up/')
    expect(toPreviewPath('https://example.com/')).toBeNull()
  })
})
