/**
 * The sandboxed iframe's document: it starts the runtime Worker from a blob URL made of the source
 * text the page hands it, and passes the Worker the page's end of a MessageChannel, so messages then
 * go page ↔ Worker directly. Its origin is opaque (sandbox without allow-same-origin), so code in
 * the Worker cannot reach the playground's storage, cookies or DOM; the CSP also denies it the
 * network (connect-src falls back to 'none').
 */
export const RELAY_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:"

const RELAY_SCRIPT = `
var booted = false
addEventListener('message', function (e) {
  if (booted || e.source !== parent || !e.data || typeof e.data.__boot !== 'string' || !e.ports[0]) return
  booted = true
  var url = URL.createObjectURL(new Blob([e.data.__boot], { type: 'text/javascript' }))
  var worker = new Worker(url)
  worker.onerror = function (ev) {
    parent.postMessage({ __runtime_error: String(ev.message || 'The runtime worker failed to start.') }, '*')
  }
  worker.postMessage({ __port: true }, [e.ports[0]])
})
`

/** The iframe's srcdoc. */
export const RELAY_HTML = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RELAY_CSP}">
<script>${RELAY_SCRIPT}</script></head><body></body></html>`
