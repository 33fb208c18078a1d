// `npm run conformance -- [--print] [PATH...]`: runs oracle case files through the engine's test client
// (conformance/runner/cli.ts) and ends with `N passed, M failed` (steps). Node 20 cannot run
// TypeScript, so Vite's SSR module loader transforms the runner and the engine on the fly.
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)

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
  const cli = await server.ssrLoadModule('/conformance/runner/cli.ts')
  code = await cli.main(process.argv.slice(2))
} catch (error) {
  console.error(error)
} finally {
  await server.close()
}
process.exit(code)
