import fs from 'node:fs'
import path from 'node:path'

import {
  DeviceKeyStaleError,
  DeviceKeyUnavailableError,
  isCustosError,
  WrongPassphraseError,
} from '../../../../shared/errors'
import type { DataDirLayout, FileLogger } from '../../platform'
import { isRawKey, type PassphraseKdf, type StoreKey } from '../walletConfig'
import type { DeviceKeyKeeper } from './DeviceKeyKeeper'
import { readPassphraseKey, removePassphraseKey, writePassphraseKey } from './passphraseKeyFile'
import { keep, turnOff, turnOn, type Transition } from './transitions'

export interface DeviceKeysOptions {
  layout: DataDirLayout
  kdf: PassphraseKdf
  logger: FileLogger
  keeper?: DeviceKeyKeeper
  /** Opens a copy of the store with the key, so a key that does not fit leaves the store as it was. */
  probe(key: StoreKey): Promise<void>
  /** Waits until Askar has let go of the store file after a re-key. */
  released(): Promise<void>
}

/**
 * "Remember on this device". The store is then keyed by a raw key R: the OS keychain keeps R for launches
 * without the passphrase, and `vault/passphrase-key.json` keeps R wrapped under the passphrase so the
 * passphrase opens the store as before. That file is the one truth of which key the store has; every
 * transition keeps the store opening with the passphrase at each step, and an unlock that finds a step
 * cut short falls back to the passphrase and tidies up. All of it on a closed store.
 */
export class DeviceKeys {
  readonly file: string

  private readonly transition: Transition

  constructor(private readonly options: DeviceKeysOptions) {
    this.file = path.join(path.dirname(options.layout.storeFile), 'passphrase-key.json')
    const { kdf, logger, released, layout } = options
    this.transition = {
      file: this.file,
      storeFile: layout.storeFile,
      kdf,
      logger,
      released,
      opens: (key) => this.opens(key),
    }
  }

  get available(): boolean {
    return this.options.keeper?.available === true
  }

  get remembered(): boolean {
    return this.options.keeper?.holdsKey === true && fs.existsSync(this.file)
  }

  get keyedByDevice(): boolean {
    return fs.existsSync(this.file)
  }

  /** The key that opens the store, found from the passphrase (WrongPassphrase if it opens neither way). */
  async keyFor(passphrase: string): Promise<StoreKey> {
    const passphraseKey: StoreKey = { kdf: this.options.kdf, passphrase }
    let damaged: unknown
    if (fs.existsSync(this.file)) {
      try {
        const raw = readPassphraseKey(this.file, passphrase)
        if (raw !== undefined && (await this.opens({ raw }))) return { raw }
      } catch (error) {
        damaged = error
      }
    }
    if (!(await this.opens(passphraseKey))) throw damaged ?? new WrongPassphraseError()
    // The passphrase itself opens it: a file left here is from a transition a crash cut short.
    if (fs.existsSync(this.file)) {
      removePassphraseKey(this.file)
      this.options.logger.info('removed a passphrase key file left by an interrupted change')
    }
    return passphraseKey
  }

  /** The key main read from the keychain opens the store (tried on a copy); DeviceKeyStale if not. */
  async checkDeviceKey(raw: string): Promise<void> {
    if (!fs.existsSync(this.file) || !(await this.opens({ raw }))) throw new DeviceKeyStaleError()
  }

  /**
   * Brings the closed store to what the person chose (true: remember, false: not, undefined: as it is)
   * and returns the key that opens it now. A desktop whose keychain stopped working turns it off.
   */
  async apply(passphrase: string, key: StoreKey, remember: boolean | undefined): Promise<StoreKey> {
    const keeper = this.options.keeper
    if (remember === true) {
      if (!keeper) throw new DeviceKeyUnavailableError('only the desktop app can keep the key in the OS keychain')
      if (!keeper.available) throw new DeviceKeyUnavailableError('the OS keychain is not available')
      if (!isRawKey(key)) return turnOn(this.transition, keeper, passphrase)
      if (!keeper.holdsKey) await keep(keeper, key.raw)
      return key
    }
    const off = remember === false || (keeper !== undefined && !keeper.available)
    if (isRawKey(key)) return off ? turnOff(this.transition, key, passphrase, keeper) : key
    // Keyed by the passphrase, yet main holds a key: one from a turn-on a crash cut short. It opens nothing.
    if (keeper?.holdsKey) await keeper.forget().catch(() => undefined)
    return key
  }

  /** Re-wraps R under the new passphrase and returns R; undefined when the passphrase keys the store. */
  async changePassphrase(current: string, next: string): Promise<string | undefined> {
    if (!fs.existsSync(this.file)) return undefined
    const key = await this.keyFor(current)
    if (!isRawKey(key)) return undefined
    writePassphraseKey(this.file, key.raw, next, this.options.kdf)
    return key.raw
  }

  private async opens(key: StoreKey): Promise<boolean> {
    try {
      await this.options.probe(key)
      return true
    } catch (error) {
      if (isCustosError(error) && error.code === 'WrongPassphrase') return false
      throw error
    }
  }
}
