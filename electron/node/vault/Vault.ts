import fs from 'node:fs'
import path from 'node:path'

import type { BackupManifest, VaultState } from '../../../shared/api'
import {
  NodeLockedError,
  RestoreTargetNotEmptyError,
  StoreExistsError,
  StoreNotFoundError,
} from '../../../shared/errors'
import { Mutex, type DataDirLayout, type FileLogger } from '../platform'
import { exportBackup, restoreBackup, type ExportedBackup } from './backup'
import { DeviceKeys } from './deviceKey'
import { rekeyStore } from './rekeyStore'
import { checkStoreFile, verifyKeyOnCopy, waitForStoreReleased } from './storeFile'
import { describeStore, refuseOnPostgres, storeExists } from './storeLocation'
import { closeUnlocked, openUnlocked } from './openUnlocked'
import type { StoreAgent, Unlocked, VaultOptions } from './VaultOptions'
import { isRawKey, type StoreKey } from './walletConfig'

export type { StoreAgent, Unlocked, VaultOptions }

/** The encrypted store of one node: creating it, unlocking it with the passphrase, locking it. */
export class Vault<A extends StoreAgent = StoreAgent> {
  private unlocked?: Unlocked<A>
  private openKey?: StoreKey
  // create, unlock and lock each run alone: a double-clicked unlock must not start two agents on one
  // store, and a lock (or the node's close) that comes during an unlock must wait for it and then lock.
  private readonly mutex = new Mutex()
  private readonly keys: DeviceKeys

  constructor(
    private readonly layout: DataDirLayout,
    private readonly logger: FileLogger,
    private readonly options: VaultOptions<A>,
  ) {
    this.keys = new DeviceKeys({
      layout,
      logger,
      kdf: options.kdf,
      keeper: options.postgres ? undefined : options.deviceKeys,
      probe: (key) => verifyKeyOnCopy(layout, key),
      released: () => this.waitForStoreReleased(),
    })
  }

  /** Whether this device opens the store without the passphrase, and whether it could. */
  get device(): { remembered: boolean; rememberAvailable: boolean } {
    return { remembered: this.keys.remembered, rememberAvailable: this.keys.available }
  }

  state(): VaultState {
    if (this.unlocked) return 'unlocked'
    // Whether a store exists there is known only by asking the server: unlock says StoreNotFound if not.
    if (this.options.postgres) return 'locked'
    return fs.existsSync(this.layout.storeFile) ? 'locked' : 'no-store'
  }

  current(): Unlocked<A> {
    if (!this.unlocked) throw new NodeLockedError()
    return this.unlocked
  }

  create(passphrase: string): Promise<Unlocked<A>> {
    return this.mutex.runExclusive(() => this.createNow(passphrase))
  }

  /** `remember`: true keeps the key on this device, false stops that, undefined leaves it as it is. */
  unlock(passphrase: string, remember?: boolean): Promise<Unlocked<A>> {
    return this.mutex.runExclusive(() => this.unlockNow(passphrase, remember))
  }

  /** A launch of the desktop app: the key main read from the OS keychain (WrongPassphrase if stale). */
  unlockWithDeviceKey(raw: string): Promise<Unlocked<A>> {
    return this.mutex.runExclusive(async () => {
      if (this.unlocked) return this.unlocked
      refuseOnPostgres(this.options, 'remembering the store on this device')
      checkStoreFile(this.layout.storeFile)
      await this.keys.checkDeviceKey(raw)
      return this.finishUnlock({ raw })
    })
  }

  lock(): Promise<void> {
    return this.mutex.runExclusive(() => this.lockNow())
  }

  /** Turns remembering on or off; the store is closed for it and opened again if it was. */
  setRemembered(passphrase: string, remember: boolean): Promise<void> {
    return this.mutex.runExclusive(() => {
      refuseOnPostgres(this.options, 'remembering the store on this device')
      return this.withStoreClosed(async () => this.keys.apply(passphrase, await this.keys.keyFor(passphrase), remember))
    })
  }

  /** Needs the current passphrase; the store is closed for the change and opened again if it was. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.mutex.runExclusive(() => {
      refuseOnPostgres(this.options, 'changing the passphrase')
      return this.withStoreClosed(async () => {
        // A remembered store keeps its raw key: only the file that wraps it under the passphrase changes.
        const raw = await this.keys.changePassphrase(current, next)
        if (!raw) {
          const kdf = this.options.kdf
          await verifyKeyOnCopy(this.layout, { kdf, passphrase: current })
          await rekeyStore(this.layout.storeFile, { kdf, passphrase: current }, { kdf, passphrase: next }).finally(() =>
            this.waitForStoreReleased(),
          )
        }
        this.logger.info('vault passphrase changed')
        return raw ? { raw } : { kdf: this.options.kdf, passphrase: next }
      })
    })
  }

  /** Needs the store unlocked; writes one encrypted file (see backup/). */
  exportBackup(destination: string, backupPassphrase: string, nodeLabel: string): Promise<ExportedBackup> {
    return this.mutex.runExclusive(async () => {
      refuseOnPostgres(this.options, 'a backup file')
      return exportBackup(this.current(), this.layout, {
        destination,
        backupPassphrase,
        nodeLabel,
        kdf: this.options.kdf,
      })
    })
  }

  /** Only into a data directory without a store or app database; unlocked with `passphrase` afterwards. */
  restoreBackup(source: string, backupPassphrase: string, passphrase: string): Promise<BackupManifest> {
    return this.mutex.runExclusive(async () => {
      refuseOnPostgres(this.options, 'restoring a backup file')
      if (this.unlocked || fs.existsSync(this.layout.storeFile) || fs.existsSync(this.layout.appDbFile)) {
        throw new RestoreTargetNotEmptyError(this.layout.root)
      }
      const manifest = await restoreBackup(this.layout, { source, backupPassphrase, passphrase, kdf: this.options.kdf })
      this.logger.info('vault restored from a backup')
      await this.unlockNow(passphrase)
      return manifest
    })
  }

  // Runs a change on the closed store, then opens it again with the key the change returns if it was
  // open. A change that fails (a wrong passphrase) leaves it open as it was, with the key that opened it.
  private async withStoreClosed(change: () => Promise<StoreKey>): Promise<void> {
    const openedWith = this.unlocked ? this.openKey : undefined
    await this.lockNow()
    checkStoreFile(this.layout.storeFile)
    let key: StoreKey
    try {
      key = await change()
    } catch (error) {
      if (openedWith) await this.finishUnlock(openedWith)
      throw error
    }
    if (openedWith) await this.finishUnlock(key)
  }

  private async createNow(passphrase: string): Promise<Unlocked<A>> {
    const where = this.options
    if (this.unlocked || (await storeExists(this.layout, where)))
      throw new StoreExistsError(describeStore(this.layout, where))
    if (!where.postgres) fs.mkdirSync(path.dirname(this.layout.storeFile), { recursive: true })
    return this.finishUnlock({ kdf: this.options.kdf, passphrase }, true)
  }

  private async unlockNow(passphrase: string, remember?: boolean): Promise<Unlocked<A>> {
    if (this.unlocked) return this.unlocked
    if (this.options.postgres) {
      // A refused open changes nothing on the server, so there is no copy to try the passphrase on first.
      if (!(await storeExists(this.layout, this.options)))
        throw new StoreNotFoundError(describeStore(this.layout, this.options))
      return this.finishUnlock({ kdf: this.options.kdf, passphrase })
    }
    checkStoreFile(this.layout.storeFile)
    // Which key the passphrase opens (tried on a copy), then what the person chose for this device.
    const key = await this.keys.apply(passphrase, await this.keys.keyFor(passphrase), remember)
    return this.finishUnlock(key)
  }

  private async lockNow(): Promise<void> {
    const unlocked = this.unlocked
    if (!unlocked) return
    this.unlocked = undefined
    this.openKey = undefined
    await closeUnlocked(this.layout, unlocked).finally(() => this.logger.info('vault locked'))
  }

  private async finishUnlock(key: StoreKey, create = false): Promise<Unlocked<A>> {
    this.unlocked = await openUnlocked(this.layout, this.options, key, create)
    // Credo keeps the wallet's key in its config while open; this copy only lets a failed change reopen.
    this.openKey = key
    this.logger.info(isRawKey(key) ? 'vault unlocked with the device key' : 'vault unlocked')
    return this.unlocked
  }

  private waitForStoreReleased(): Promise<void> {
    return waitForStoreReleased(this.layout.storeFile)
  }
}
