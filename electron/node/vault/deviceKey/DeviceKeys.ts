import fs from 'node:fs'
import path from 'node:path'

import { Store } from '@openwallet-foundation/askar-shared'

import {
  DeviceKeyStaleError,
  DeviceKeyUnavailableError,
  isCustosError,
  WrongPassphraseError,
} from '../../../../shared/errors'
import type { DataDirLayout, FileLogger } from '../../platform'
import { rekeyStore } from '../rekeyStore'
import { isRawKey, type PassphraseKdf, type StoreKey } from '../walletConfig'
import type { DeviceKeyKeeper } from './DeviceKeyKeeper'
import { readPassphraseKey, removePassphraseKey, writePassphraseKey } from './passphraseKeyFile'

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

  constructor(private readonly options: DeviceKeysOptions) {
    this.file = path.join(path.dirname(options.layout.storeFile), 'passphrase-key.json')
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
      if (!isRawKey(key)) return this.turnOn(keeper, passphrase)
      if (!keeper.holdsKey) await this.keep(keeper, key.raw)
      return key
    }
    const off = remember === false || (keeper !== undefined && !keeper.available)
    return isRawKey(key) && off ? this.turnOff(key, passphrase) : key
  }

  /** Re-wraps R under the new passphrase and returns R; undefined when the passphrase keys the store. */
  async changePassphrase(current: string, next: string): Promise<string | undefined> {
    if (!fs.existsSync(this.file)) return undefined
    const key = await this.keyFor(current)
    if (!isRawKey(key)) return undefined
    writePassphraseKey(this.file, key.raw, next, this.options.kdf)
    return key.raw
  }

  // Order: the wrapped key on disk, then the keychain, then the re-key (one Askar transaction). Before
  // the re-key the passphrase opens the store directly; after it, through the file.
  private async turnOn(keeper: DeviceKeyKeeper, passphrase: string): Promise<StoreKey> {
    const { kdf, layout, logger } = this.options
    const raw = Store.generateRawKey()
    writePassphraseKey(this.file, raw, passphrase, kdf)
    try {
      await this.keep(keeper, raw)
      await rekeyStore(layout.storeFile, { kdf, passphrase }, { raw })
    } catch (error) {
      await this.options.released()
      // Undone only while the passphrase still opens the store itself: an error after Askar committed
      // the re-key (closing the store, say) must not take away the file the passphrase now needs.
      if (await this.opens({ kdf, passphrase })) {
        removePassphraseKey(this.file)
        await keeper.forget().catch(() => undefined)
      }
      throw error
    }
    await this.options.released()
    logger.info('store remembered on this device')
    return { raw }
  }

  // Order: the re-key back to the passphrase, then the file, then the keychain. A key left in the
  // keychain opens nothing any more; the next launch finds that out and drops it.
  private async turnOff(key: { raw: string }, passphrase: string): Promise<StoreKey> {
    const next: StoreKey = { kdf: this.options.kdf, passphrase }
    try {
      await rekeyStore(this.options.layout.storeFile, key, next)
    } finally {
      await this.options.released()
    }
    removePassphraseKey(this.file)
    await this.options.keeper?.forget().catch((error: unknown) => this.options.logger.error('forget failed', { error }))
    this.options.logger.info('store no longer remembered on this device')
    return next
  }

  private async keep(keeper: DeviceKeyKeeper, raw: string): Promise<void> {
    try {
      await keeper.keep(raw)
    } catch (error) {
      throw isCustosError(error)
        ? error
        : new DeviceKeyUnavailableError('the OS keychain refused to keep the key', { cause: error })
    }
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
