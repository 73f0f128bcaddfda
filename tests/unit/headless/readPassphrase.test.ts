import { describe, expect, it } from 'vitest'

import { readPassphrase } from '../../../electron/node/headless/readPassphrase'

describe('the headless passphrase', () => {
  it('is taken from the named variable and removed from the environment once read', async () => {
    const env: NodeJS.ProcessEnv = { CUSTOS_PASSPHRASE: 'correct horse battery staple', OTHER: 'kept' }
    expect(await readPassphrase('CUSTOS_PASSPHRASE', env)).toBe('correct horse battery staple')
    expect(env).toEqual({ OTHER: 'kept' })
  })
})
