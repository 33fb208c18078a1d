/** Best-effort: the passwords written in settings.ts's `users`, so "Log in" is one click for them. */
export function passwordsFromSettings(source: string | undefined): Record<string, string> {
  const found: Record<string, string> = {}
  if (!source) return found
  const pattern = /username:\s*['"]([^'"]+)['"][^}]*?password:\s*['"]([^'"]*)['"]/g
  for (const m of source.matchAll(pattern)) if (m[1] !== undefined && m[2] !== undefined) found[m[1]] = m[2]
  return found
}
