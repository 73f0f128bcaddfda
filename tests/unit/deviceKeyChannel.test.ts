import { describe, expect, it } from 'vitest'

import { keepOrForget } from '../../electron/main/deviceKey/keepOrForget'
import { HostKeyKeeper } from '../../electron/nodeHost/hostKeeper'
import { hostArgs, isToHost, type FromHost } from '../../electron/nodeHost/protocol'

// The private line between Electron main and the node host that the store's key travels on: the host
// asks main to keep or forget it and waits for the answer; main tells the host what its keychain can do.
describe('the device key between main and the node host', () => {
  it('waits for main to keep or forget the key, and passes on a refusal', async () => {
    const sent: FromHost[] = []
    const keeper = new HostKeyKeeper('empty', (message) => sent.push(message))
    expect(keeper).toMatchObject({ available: true, holdsKey: false })
    const kept = keeper.keep('the raw key')
    expect(sent).toEqual([{ kind: 'keepDeviceKey', id: 1, key: 'the raw key' }])
    keeper.settle(1)
    await kept
    expect(keeper.holdsKey).toBe(true)
    const forgotten = keeper.forget()
    keeper.settle(2, 'the keychain is locked')
    await expect(forgotten).rejects.toThrow('the keychain is locked')
    expect(keeper.holdsKey).toBe(true)
    expect(new HostKeyKeeper('unavailable', () => undefined).available).toBe(false)
    expect(new HostKeyKeeper('holds', () => undefined).holdsKey).toBe(true)
  })

  it("answers the node's request with main's keychain, or says why not", () => {
    const calls: unknown[] = []
    const keychain = { state: 'empty' as const, keep: (key: string) => calls.push(key), forget: () => calls.push(null) }
    expect(keepOrForget(keychain, 'k')).toBeUndefined()
    expect(keepOrForget(keychain, null)).toBeUndefined()
    expect(calls).toEqual(['k', null])
    expect(keepOrForget(undefined, 'k')).toBe('this app has no keychain')
    const refusing = {
      ...keychain,
      keep: () => {
        throw new Error('refused')
      },
    }
    expect(keepOrForget(refusing, 'k')).toBe('refused')
  })

  it('takes only well-formed messages from main, and passes the keychain state as an argument', () => {
    expect(isToHost({ kind: 'openWithDeviceKey', id: 1, key: 'k' })).toBe(true)
    expect(isToHost({ kind: 'openWithDeviceKey', id: 1 })).toBe(false)
    expect(isToHost({ kind: 'deviceKeyKept', id: 2, error: 'x' })).toBe(true)
    expect(isToHost({ kind: 'deviceKeyKept' })).toBe(false)
    expect(isToHost({ kind: 'keepDeviceKey', id: 3, key: 'k' })).toBe(false)
    expect(hostArgs({ dataDir: '/d', keychain: 'holds' })).toEqual(['--data-dir', '/d', '--keychain', 'holds'])
    expect(hostArgs({ dataDir: '/d' })).toEqual(['--data-dir', '/d'])
  })
})
