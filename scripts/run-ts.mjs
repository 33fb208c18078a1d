// `node scripts/run-ts.mjs MODULE [ARGS...]`: runs a TypeScript module's `main(args)` (the conformance
// runner, the benchmarks) under Node 20, which cannot run TypeScript itself: Vite's SSR loader
// transforms the module and the engine on the fly.
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)
const [module, ...args] = process.argv.slice(2)

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
})
let code = 1
try {
  const loaded = await server.ssrLoadModule(module)
  code = await loaded.main(args)
} catch (error) {
  console.error(error)
} finally {
  await server.close()
}
process.exit(code)
