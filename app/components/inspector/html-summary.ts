/** The reason an HTML error page gives, so a 403 says why without opening the page (Django's CSRF page). */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `Reason given for failure: <pre>…</pre>` (CSRF), else the first paragraph of an error page, else null. */
export function htmlReason(html: string): string | null {
  const reason = /Reason given for failure:\s*<\/p>\s*<pre>([\s\S]*?)<\/pre>/i.exec(html)
  if (reason?.[1]) return text(reason[1])
  const summary = /<div id="summary">[\s\S]*?<\/h1>\s*(?:<pre[^>]*>|<p>)([\s\S]*?)<\/(?:pre|p)>/i.exec(html)
  if (summary?.[1]) return text(summary[1]).slice(0, 300)
  return null
}
