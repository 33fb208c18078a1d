/** The page bridge as the `<script>` the preview injects into HTML pages (see page-shim.js). */
import PAGE_SHIM from './page-shim.js?raw'

/** What a page's bridge is told: the site's origin and prefix, the page's site URL, and its script-visible cookies. */
export interface ShimConfig {
  siteOrigin: string
  prefix: string
  url: string
  cookies: string
}

/** The `<script>` element, its JSON safe inside HTML (`<` escaped, so no `</script>` can end it). */
export function shimTag(config: ShimConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `<script>${PAGE_SHIM.trim().replace(/;?\s*$/, '')}(${json})</script>`
}
