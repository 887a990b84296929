import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))
/** The catalog's and iam-data's file readers are never called in the browser; a stub stands in for their imports. */
const nodeStub = fileURLToPath(new URL('./node-stub.ts', import.meta.url))

/** The console build: src/console → dist/console, served by the Lanyard server under /console/. */
const config = defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^(node:(fs|module|path|url)|fs\/promises)$/, replacement: nodeStub }],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  logLevel: 'warn',
})

// Vite reads its configuration from the default export.
export default config
