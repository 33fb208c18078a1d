import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { djangoTypes } from './app/components/editor/vite-plugin-django-types.ts'
import { runtimeWorker } from './app/runtime/vite-plugin.ts'

export default defineConfig({
  plugins: [react(), runtimeWorker(), djangoTypes()],
  resolve: {
    alias: { '@engine': fileURLToPath(new URL('./app/engine/index.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    chunkSizeWarningLimit: 4096,
    // Engine errors and reprs carry Python's class names (`TooManyFieldsSent`, `<QueryDict: …>`),
    // read from constructor names, so minification must keep them.
    rolldownOptions: { output: { keepNames: true } },
  },
})
