import fs from 'node:fs'

import { safeStorage } from 'electron'

import type { KeychainState } from '../../nodeHost/protocol'

/**
 * The store's raw key as only this OS account can read it: encrypted by Electron's safeStorage (the
 * macOS Keychain, Windows DPAPI, libsecret or KWallet on Linux) in a file of main's own, beside the
 * node's folder rather than in it. The key is in the clear only in main's memory on its way to the node.
 */
export class Keychain {
  constructor(private readonly file: string) {}

  /**
   * Linux without a keyring falls back to 'basic_text', a fixed key any program could use: that would
   * leave the store's key as good as in the clear, so remembering is not offered there.
   */
  get available(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
  }

  get state(): KeychainState {
    if (!this.available) return 'unavailable'
    return fs.existsSync(this.file) ? 'holds' : 'empty'
  }

  /**
   * The kept key, or undefined when there is none or the keychain cannot decrypt it any more (cleared or
   * replaced): that file is useless then and is removed, so the node is told nothing is remembered.
   */
  read(): string | undefined {
    if (!this.available || !fs.existsSync(this.file)) return undefined
    try {
      return safeStorage.decryptString(fs.readFileSync(this.file))
    } catch {
      this.forget()
      return undefined
    }
  }

  keep(rawKey: string): void {
    const temp = `${this.file}.tmp`
    const fd = fs.openSync(temp, 'w', 0o600)
    try {
      fs.writeSync(fd, safeStorage.encryptString(rawKey))
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temp, this.file)
  }

  forget(): void {
    fs.rmSync(this.file, { force: true })
  }
}
