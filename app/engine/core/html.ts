/** Port of django/utils/html.py's `escape`: text made safe to put in HTML. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' }

/** Escapes `& < > " '` as Django's `escape()` (Python's `html.escape`) does. */
export function escape(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}
