import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'

import react from '@vitejs/plugin-react'
import { defineConfig, swcPlugin } from 'electron-vite'
import type { Plugin } from 'vite'

// renderer/index.html's CSP allows no inline script or style, but the dev server needs both (React
// Refresh's inline preamble, CSS injected as <style>). Rather than loosen the policy, each dev server
// start gets a nonce that Vite puts on its own tags (html.cspNonce) and the policy names. Builds are untouched.
function devCspNonce(): Plugin {
  const nonce = randomBytes(18).toString('base64')
  return {
    name: 'custos:dev-csp-nonce',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: (html) => html.replace(/(script-src|style-src) 'self'/g, `$1 'self' 'nonce-${nonce}'`),
  }
}

// Main holds the node: Credo's tsyringe injection needs decorator metadata, which esbuild does not emit.
export default defineConfig({
  main: {
    plugins: [swcPlugin()],
    build: {
      externalizeDeps: true,
      // Two entries: main itself, and the node host its utilityProcess runs (plain Node, no electron).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          nodeHost: resolve(__dirname, 'electron/nodeHost/index.ts'),
        },
      },
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
    plugins: [react(), devCspNonce()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
})
