/** The cookie jar as a browser (Chromium) treats it, beside the test client's Django semantics. */
export {
  SITE_ORIGIN,
  browserCookieHeader,
  isExpired,
  mergeClientJar,
  scriptCookies,
  storeResponseCookies,
  storeScriptCookie,
} from './browser.ts'
export type { CookieNote, JarUpdate } from './browser.ts'
