/**
 * A Vite plugin exposing the runtime Worker as text: `import source from 'virtual:runtime-worker'`.
 * It bundles app/runtime/worker/main.ts (with the engine and sucrase) into one self-contained IIFE,
 * because the sandboxed iframe's opaque origin cannot load the app's files: the page hands it the
 * code and the iframe starts the Worker from a blob URL. Same in dev and build.
 */
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'

const VIRTUAL_ID = 'virtual:runtime-worker'
const RESOLVED_ID = '\0' + VIRTUAL_ID
const ENTRY = fileURLToPath(new URL('./worker/main.ts', import.meta.url))
const APP = fileURLToPath(new URL('../', import.meta.url))

/** Builds the Worker bundle and returns its code. */
export async function bundle_runtime_worker(minify = true): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify,
      sourcemap: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'RequestPlaygroundRuntime', fileName: () => 'runtime-worker.js' },
      // Engine errors and reprs carry Python's class names, read from constructor names.
      rolldownOptions: { output: { keepNames: true } },
    },
  })
  const outputs = Array.isArray(result) ? result : [result]
  for (const output of outputs) {
    if (!('output' in output)) continue
    const chunk = output.output.find((item) => item.type === 'chunk')
    if (chunk && chunk.type === 'chunk') return chunk.code
  }
  throw new Error('runtime worker bundle: the build produced no chunk')
}

/** The plugin: resolves the virtual module, rebuilding it in dev when engine or runtime files change. */
export function runtimeWorker(): Plugin {
  let code: Promise<string> | null = null
  return {
    name: 'request-playground:runtime-worker',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null
      code ??= bundle_runtime_worker()
      return `export default ${JSON.stringify(await code)}`
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        const inWorker = file.startsWith(APP + 'engine/') || (file.startsWith(APP + 'runtime/') && !file.includes('/host/'))
        if (!inWorker) return
        code = null
        const module = server.moduleGraph.getModuleById(RESOLVED_ID)
        if (module) server.moduleGraph.invalidateModule(module)
      })
    },
  }
}
