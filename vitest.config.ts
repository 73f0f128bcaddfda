import swc from 'unplugin-swc'
import { defineConfig } from 'vitest/config'

// SWC instead of esbuild: Credo's tsyringe injection needs emitDecoratorMetadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files in one worker share its module cache: Credo is loaded once per worker, not once per file
    // (importing it was a quarter of the suite's time). Every file opens its own stores and agents.
    isolate: false,
    fileParallelism: true,
    maxWorkers: 2,
  },
})
