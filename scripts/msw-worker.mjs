#!/usr/bin/env node
/**
 * Writes public/mockServiceWorker.js: msw's worker as installed, with the playground's patches.
 * Run it after every msw upgrade (`node scripts/msw-worker.mjs`); app/network/worker-script.test.ts
 * fails when the committed file drifts from what this produces, or when a patch no longer applies.
 * package.json names no `msw.workerDirectory`, so msw's own postinstall never copies its unpatched
 * worker over this one.
 *
 * Why patched msw 2 and not msw 3 (see app/network/README.md): msw 3 declares Node 22, buffers
 * navigation bodies (no streaming pages), and still sends every request of the app's own page
 * through the page; these edits make msw 2 serve navigations and nothing but the site prefix.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** [what it does, the upstream text, its replacement]; each must match exactly once. */
export const PATCHES = [
  [
    'serve only the site prefix, navigations included: the app never goes through the worker',
    `  // Bypass navigation requests.
  if (event.request.mode === 'navigate') {
    return
  }
`,
    `  // PATCHED(playground): only same-origin requests under the site prefix reach the page (navigations
  // included: preview pages are navigations); the app's own files never go through the worker.
  const requestUrl = new URL(event.request.url)
  if (requestUrl.origin !== self.location.origin || !requestUrl.pathname.startsWith(SITE_PREFIX)) {
    return
  }
`,
  ],
  [
    'the site prefix comes from the worker URL (?prefix=/site/)',
    `const activeClientIds = new Set()
`,
    `const activeClientIds = new Set()
// PATCHED(playground): the one URL prefix this worker serves.
const SITE_PREFIX = new URL(self.location.href).searchParams.get('prefix') || '/site/'
`,
  ],
  [
    'a keepalive re-activates its client: a browser may stop an idle worker and lose the set',
    `    case 'KEEPALIVE_REQUEST': {
      sendToClient(client, {`,
    `    case 'KEEPALIVE_REQUEST': {
      // PATCHED(playground): the worker may have been stopped and restarted since MOCK_ACTIVATE.
      activeClientIds.add(clientId)
      sendToClient(client, {`,
  ],
  [
    'the page that started msw answers even when hidden, or not yet controlled after a hard reload',
    `  const allClients = await self.clients.matchAll({
    type: 'window',
  })

  return allClients
    .filter((client) => {
      // Get only those clients that are currently visible.
      return client.visibilityState === 'visible'
    })
    .find((client) => {
      // Find the client ID that's recorded in the
      // set of clients that have registered the worker.
      return activeClientIds.has(client.id)
    })
}`,
    `  // PATCHED(playground): uncontrolled clients too, and a hidden one when no visible one is active.
  const allClients = await self.clients.matchAll({
    type: 'window',
    includeUncontrolled: true,
  })
  const active = allClients.filter((client) => activeClientIds.has(client.id))
  return active.find((client) => client.visibilityState === 'visible') || active[0]
}`,
  ],
  [
    "no body goes back to the page for msw's life-cycle events: nothing listens, and a teed body would be buffered for nobody",
    `    // Clone the response so both the client and the library could consume it.
    const responseClone = isEventStreamResponse ? null : response.clone()`,
    `    // PATCHED(playground): nothing in the playground listens to msw's life-cycle events, so no body goes
    // back with them: a teed body (a streaming page's above all) would be buffered for nobody.
    const responseClone = null`,
  ],
  [
    'a navigation is passed on as same-origin (a page cannot build a navigate Request), marked by a header',
    `    url: request.url,
    mode: request.mode,
    method: request.method,
    headers: Object.fromEntries(request.headers.entries()),`,
    `    url: request.url,
    // PATCHED(playground): \`new Request()\` throws on mode 'navigate'; the header says what it was.
    mode: request.mode === 'navigate' ? 'same-origin' : request.mode,
    method: request.method,
    headers: {
      ...Object.fromEntries(request.headers.entries()),
      ...(request.mode === 'navigate' ? { 'x-playground-navigate': request.destination || 'document' } : {}),
    },`,
  ],
]

/** The patched worker text for an upstream worker text. */
export function patchWorker(upstream) {
  let text = upstream
  for (const [why, from, to] of PATCHES) {
    const count = text.split(from).length - 1
    if (count !== 1) throw new Error(`msw worker patch "${why}" matched ${count} times: update scripts/msw-worker.mjs`)
    text = text.replace(from, () => to)
  }
  return text.replace(' * - Please do NOT modify this file.', ' * - Patched for Request Playground by scripts/msw-worker.mjs: do not edit by hand.')
}

export const UPSTREAM = join(root, 'node_modules/msw/lib/mockServiceWorker.js')
export const TARGET = join(root, 'public/mockServiceWorker.js')

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TARGET, patchWorker(readFileSync(UPSTREAM, 'utf8')))
  console.log(`wrote ${TARGET}`)
}
