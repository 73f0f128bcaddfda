import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig, swcPlugin } from 'electron-vite'

// Main holds the node: Credo's tsyringe injection needs decorator metadata, which esbuild does not emit.
export default defineConfig({
  main: {
    plugins: [swcPlugin()],
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages at run time, so everything it uses is bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
})
