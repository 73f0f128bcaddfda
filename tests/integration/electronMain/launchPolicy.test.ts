import { describe, expect, it } from 'vitest'

import { devServerUrl, scrubPackagedEnv } from '../../../electron/main/launchPolicy'

// The rules electron/main applies to its environment at start (pure functions; the bundled main process
// is exercised end to end in packagedMain.test.ts and bundledMain.test.ts).
describe('what the shell takes from its environment', () => {
  const overrides = () => ({
    ELECTRON_RENDERER_URL: 'http://localhost:5173/',
    CUSTOS_ASKAR_LIB: '/tmp/lib.so',
    HOME: '/h',
  })

  it('an unpackaged build keeps the dev server and the library override', () => {
    const env = overrides()
    scrubPackagedEnv(false, env)
    expect(env).toEqual(overrides())
    expect(devServerUrl(false, env)).toBe('http://localhost:5173/')
    expect(devServerUrl(false, { ...env, ELECTRON_RENDERER_URL: '' })).toBeUndefined()
  })

  it('a packaged build ignores the dev server and removes both overrides, leaving the rest', () => {
    const env = overrides()
    expect(devServerUrl(true, env)).toBeUndefined()
    scrubPackagedEnv(true, env)
    expect(env).toEqual({ HOME: '/h' })
  })
})
