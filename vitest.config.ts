import swc from 'unplugin-swc'
import { defineConfig } from 'vitest/config'

// The Askar binding tests load Askar's reference binding next to ours, which registers itself with
// askar-shared for the whole process: they keep a process of their own per file.
const OWN_PROCESS = ['tests/integration/askar-binding/**/*.test.ts']

// SWC instead of esbuild: Credo's tsyringe injection needs emitDecoratorMetadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Files in one worker share its module cache: Credo is loaded once per worker, not once per file
        // (importing it was a quarter of the suite's time). Every file opens its own stores and agents.
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: OWN_PROCESS, isolate: false },
      },
      { extends: true, test: { name: 'askar-binding', include: OWN_PROCESS, isolate: true } },
    ],
  },
})
