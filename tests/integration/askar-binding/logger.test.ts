import { describe, expect, it } from 'vitest'
import { KeyAlgorithm, LogLevel } from '@openwallet-foundation/askar-shared'

import { KoffiAskar } from '../../../electron/node/askar'

// The library accepts one custom logger per process, so this file runs it in a process of its own
// (vitest isolates test files) and only through the koffi binding.
describe('koffi binding logger', () => {
  const askar = new KoffiAskar()

  it('forwards library log records until cleared, including those from worker threads', async () => {
    const records: Array<{ level: number; target: string; message: string; line: number }> = []
    askar.setCustomLogger({
      logLevel: LogLevel.Debug,
      logger: (_context, level, target, message, _modulePath, _file, line) =>
        records.push({ level, target, message, line }),
    })
    expect(records.some((r) => r.message.includes('Initialized custom logger'))).toBe(true)
    const store = await askar.storeProvision({
      specUri: 'sqlite://:memory:',
      keyMethod: 'raw',
      passKey: askar.storeGenerateRawKey({}),
      recreate: true,
    })
    await askar.storeClose({ storeHandle: store })
    expect(records.every((r) => typeof r.target === 'string' && typeof r.level === 'number')).toBe(true)
    expect(records.some((r) => r.target.startsWith('aries_askar') || r.target.startsWith('askar'))).toBe(true)

    askar.clearCustomLogger()
    const seen = records.length
    expect(records.at(-1)?.message).toBe('Removing custom logger')
    const k = askar.keyGenerate({ algorithm: KeyAlgorithm.Ed25519, ephemeral: false })
    askar.keyFree({ localKeyHandle: k })
    expect(records.length).toBe(seen)
  })

  it('reports a second logger and bad levels as Input errors', () => {
    expect(() => askar.setCustomLogger({ logLevel: LogLevel.Info, logger: () => undefined })).toThrow(
      expect.objectContaining({ code: 5 }),
    )
    expect(() => askar.setDefaultLogger()).toThrow(expect.objectContaining({ code: 5 }))
    expect(() => askar.setMaxLogLevel({ logLevel: LogLevel.Warn })).not.toThrow()
    expect(() => askar.setMaxLogLevel({ logLevel: 42 })).toThrow(expect.objectContaining({ code: 5 }))
  })
})
