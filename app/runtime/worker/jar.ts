/** The client's cookie jar as plain data (`JarCookie[]`) and back, and Set-Cookie morsels as `SetCookie`. */
import { SimpleCookie } from '../../engine/index.ts'
import type { Morsel } from '../../engine/http/cookie.ts'
import type { JarCookie, SetCookie } from '../protocol.ts'

/** The attributes a morsel has set (empty strings are Python's "unset"). */
function morsel_attrs(morsel: Morsel): Record<string, string | number | boolean> {
  const attrs: Record<string, string | number | boolean> = {}
  for (const [name, value] of morsel.items()) if (value !== '' && value !== false) attrs[name] = value
  return attrs
}

/** A SimpleCookie (the engine's jar) filled from plain cookies. */
export function jar_to_cookie(jar: readonly JarCookie[]): SimpleCookie {
  const cookie = new SimpleCookie()
  for (const entry of jar) {
    // The browser's jar may hold names Python's cookies cannot (`a b`, empty): the test client never had them.
    try {
      cookie.setitem(entry.key, entry.value)
    } catch {
      continue
    }
    const morsel = cookie.getitem(entry.key)
    for (const [name, value] of Object.entries(entry.attrs)) {
      // Unknown attributes would raise CookieError; a jar edited by hand may carry anything.
      if (morsel.isReservedKey(name)) morsel.setitem(name, value)
    }
  }
  return cookie
}

/** The engine's jar as plain cookies, in the jar's order. */
export function cookie_to_jar(cookie: SimpleCookie): JarCookie[] {
  return cookie.items().map(([key, morsel]) => ({ key, value: morsel.value ?? '', attrs: morsel_attrs(morsel) }))
}

/** A response cookie as the inspector shows it. */
export function set_cookie_of(key: string, morsel: Morsel): SetCookie {
  return { key, value: morsel.value ?? '', attrs: morsel_attrs(morsel), header: morsel.OutputString() }
}
