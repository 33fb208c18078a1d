/** Port of django/utils/http.py (is_same_domain). */

/**
 * True when `host` equals `pattern` (lower-cased), or `pattern` starts with a dot and `host` is
 * that domain or one of its subdomains (`.example.com` matches `example.com` and `a.example.com`).
 * An empty pattern matches nothing.
 */
export function is_same_domain(host: string, pattern: string | null | undefined): boolean {
  if (!pattern) return false
  const lowered = pattern.toLowerCase()
  return (lowered[0] === '.' && (host.endsWith(lowered) || host === lowered.slice(1))) || lowered === host
}
