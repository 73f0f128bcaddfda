import type { DeviceKeyKeeper } from '../../electron/node/vault'

/**
 * Plays Electron main with its OS keychain for a node run in the test process: keeps the key in memory,
 * and can be made unavailable (no keyring) or refusing (the keychain said no).
 */
export class MemoryKeeper implements DeviceKeyKeeper {
  available = true
  refuse = false
  key?: string

  constructor(key?: string) {
    this.key = key
  }

  get holdsKey(): boolean {
    return this.key !== undefined
  }

  async keep(rawKey: string): Promise<void> {
    if (this.refuse) throw new Error('the keychain refused')
    this.key = rawKey
  }

  async forget(): Promise<void> {
    this.key = undefined
  }
}
