import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PassphraseSourceError, readPassphrase } from '../../../electron/node/headless/readPassphrase'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('the headless passphrase', () => {
  it('is taken from the named variable, with a warning, and removed from the environment once read', async () => {
    const env: NodeJS.ProcessEnv = { CUSTOS_PASSPHRASE: 'correct horse battery staple', OTHER: 'kept' }
    const read = await readPassphrase({ env: 'CUSTOS_PASSPHRASE' }, env)
    expect(read.passphrase).toBe('correct horse battery staple')
    expect(read.warning).toContain('/proc/<pid>/environ')
    expect(env).toEqual({ OTHER: 'kept' })
  })

  it('is read from a file only its owner can read, without its trailing newline; any other file is refused', async () => {
    const tmp = makeTmpDir('custos-pass-')
    try {
      const file = path.join(tmp.dir, 'passphrase')
      fs.writeFileSync(file, 'correct horse battery staple\n', { mode: 0o600 })
      const env: NodeJS.ProcessEnv = { CUSTOS_PASSPHRASE: 'not this one' }
      const read = await readPassphrase({ file, env: 'CUSTOS_PASSPHRASE' }, env)
      expect(read).toEqual({ passphrase: 'correct horse battery staple' })
      fs.chmodSync(file, 0o640)
      await expect(readPassphrase({ file })).rejects.toThrow(PassphraseSourceError)
      await expect(readPassphrase({ file })).rejects.toThrow('mode 640')
      await expect(readPassphrase({ file: path.join(tmp.dir, 'missing') })).rejects.toThrow('cannot be read')
    } finally {
      tmp.cleanup()
    }
  })

  it('is read from a file descriptor to its end', async () => {
    const tmp = makeTmpDir('custos-pass-')
    try {
      const file = path.join(tmp.dir, 'piped')
      fs.writeFileSync(file, 'from a pipe\n', { mode: 0o600 })
      expect(await readPassphrase({ fd: fs.openSync(file, 'r') })).toEqual({ passphrase: 'from a pipe' })
    } finally {
      tmp.cleanup()
    }
  })
})
