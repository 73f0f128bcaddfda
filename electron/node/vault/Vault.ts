import fs from 'node:fs'
import path from 'node:path'

import type { BackupManifest, VaultState } from '../../../shared/api'
import {
  InvalidInputError,
  NodeLockedError,
  RestoreTargetNotEmptyError,
  StoreCorruptError,
  StoreExistsError,
  StoreNotFoundError,
} from '../../../shared/errors'
import type { CustosAgent } from '../agent'
import { AppDatabaseToken, openAppDatabase, type OpenedAppDatabase } from '../db'
import { Mutex, restrictTree, type DataDirLayout, type FileLogger } from '../platform'
import { checkPostgres, describePostgres, type PostgresConnection } from '../postgres'
import { loadOrCreateAppDbKey } from './appDbKey'
import { exportBackup, restoreBackup, type ExportedBackup } from './backup'
import { rekeyStore } from './rekeyStore'
import { postgresStoreOpenError, storeOpenError } from './storeOpenError'
import { walletConfigFor, type PassphraseKdf } from './walletConfig'

export interface VaultOptions {
  kdf: PassphraseKdf
  /** A fresh, uninitialized agent; one is made for each unlock (Credo agents do not restart). */
  newAgent: () => CustosAgent
  /** Called with the agent after its wallet is open and before it initializes (transports go here). */
  prepareAgent?: (agent: CustosAgent) => void
  /**
   * The Askar store in this PostgreSQL database instead of the data directory (a mediator of several
   * instances, which all open the same store). Passphrase changes and backups are then the database's
   * own business (pg_dump and its roles), not the vault's.
   */
  postgres?: PostgresConnection
  /** Checks of what else lives in that database, before the store is created or opened there. */
  checkPostgres?: () => Promise<void>
}

export interface Unlocked {
  agent: CustosAgent
  appDb: OpenedAppDatabase
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** The encrypted store of one node: creating it, unlocking it with the passphrase, locking it. */
export class Vault {
  private unlocked?: Unlocked
  // create, unlock and lock each run alone: a double-clicked unlock must not start two agents on one
  // store, and a lock (or the node's close) that comes during an unlock must wait for it and then lock.
  private readonly mutex = new Mutex()

  constructor(
    private readonly layout: DataDirLayout,
    private readonly logger: FileLogger,
    private readonly options: VaultOptions,
  ) {}

  state(): VaultState {
    if (this.unlocked) return 'unlocked'
    // Whether a store exists there is known only by asking the server: unlock says StoreNotFound if not.
    if (this.options.postgres) return 'locked'
    return fs.existsSync(this.layout.storeFile) ? 'locked' : 'no-store'
  }

  current(): Unlocked {
    if (!this.unlocked) throw new NodeLockedError()
    return this.unlocked
  }

  create(passphrase: string): Promise<Unlocked> {
    return this.mutex.runExclusive(() => this.createNow(passphrase))
  }

  unlock(passphrase: string): Promise<Unlocked> {
    return this.mutex.runExclusive(() => this.unlockNow(passphrase))
  }

  lock(): Promise<void> {
    return this.mutex.runExclusive(() => this.lockNow())
  }

  /** Needs the current passphrase; the store is locked for the change and unlocked again if it was. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.mutex.runExclusive(async () => {
      this.refuseOnPostgres('changing the passphrase')
      const wasUnlocked = this.unlocked !== undefined
      await this.lockNow()
      this.checkStoreFile()
      await this.verifyPassphraseOnCopy(current)
      const kdf = this.options.kdf
      try {
        await rekeyStore(this.layout.storeFile, { kdf, passphrase: current }, { kdf, passphrase: next })
      } finally {
        await this.waitForStoreReleased()
      }
      this.logger.info('vault passphrase changed')
      if (wasUnlocked) await this.unlockNow(next)
    })
  }

  /** Needs the store unlocked; writes one encrypted file (see backup/). */
  exportBackup(destination: string, backupPassphrase: string, nodeLabel: string): Promise<ExportedBackup> {
    return this.mutex.runExclusive(async () => {
      this.refuseOnPostgres('a backup file')
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
      this.refuseOnPostgres('restoring a backup file')
      if (this.unlocked || fs.existsSync(this.layout.storeFile) || fs.existsSync(this.layout.appDbFile)) {
        throw new RestoreTargetNotEmptyError(this.layout.root)
      }
      const manifest = await restoreBackup(this.layout, { source, backupPassphrase, passphrase, kdf: this.options.kdf })
      this.logger.info('vault restored from a backup')
      await this.unlockNow(passphrase)
      return manifest
    })
  }

  private async createNow(passphrase: string): Promise<Unlocked> {
    const { postgres } = this.options
    if (postgres) {
      if (this.unlocked || (await this.checkPostgresNow(postgres)).storeExists)
        throw new StoreExistsError(describePostgres(postgres))
      const agent = this.options.newAgent()
      try {
        await agent.wallet.create(this.walletConfig(passphrase))
      } catch (error) {
        throw postgresStoreOpenError(postgres, error)
      }
      return this.finishUnlock(agent, passphrase)
    }
    if (this.unlocked || fs.existsSync(this.layout.storeFile)) throw new StoreExistsError(this.layout.storeFile)
    fs.mkdirSync(path.dirname(this.layout.storeFile), { recursive: true })
    const agent = this.options.newAgent()
    await agent.wallet.create(this.walletConfig(passphrase))
    return this.finishUnlock(agent, passphrase)
  }

  private async unlockNow(passphrase: string): Promise<Unlocked> {
    if (this.unlocked) return this.unlocked
    if (this.options.postgres) {
      // A refused open changes nothing on the server, so there is no copy to try the passphrase on first.
      const { postgres } = this.options
      if (!(await this.checkPostgresNow(postgres)).storeExists) throw new StoreNotFoundError(describePostgres(postgres))
      return this.finishUnlock(this.options.newAgent(), passphrase)
    }
    this.checkStoreFile()
    await this.verifyPassphraseOnCopy(passphrase)
    return this.finishUnlock(this.options.newAgent(), passphrase)
  }

  private async lockNow(): Promise<void> {
    const unlocked = this.unlocked
    if (!unlocked) return
    this.unlocked = undefined
    // Each step runs even if one before it failed: nothing may keep the store or the database open.
    try {
      await unlocked.agent.shutdown()
    } finally {
      try {
        if (unlocked.agent.wallet.isInitialized) await unlocked.agent.wallet.close()
      } finally {
        unlocked.appDb.close()
        await this.waitForStoreReleased()
        this.logger.info('vault locked')
      }
    }
  }

  private checkStoreFile(): void {
    const file = this.layout.storeFile
    if (!fs.existsSync(file)) throw new StoreNotFoundError(file)
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const fd = fs.openSync(file, 'r')
    const read = fs.readSync(fd, header, 0, header.length, 0)
    fs.closeSync(fd)
    if (read < header.length || !header.equals(SQLITE_HEADER)) {
      throw new StoreCorruptError(file, 'not an Askar store file')
    }
  }

  // Even a refused open writes to the store (SQLite's change counters when Askar's pool closes).
  // Trying the passphrase on a copy first lets a wrong one leave the store byte-for-byte as it was.
  private async verifyPassphraseOnCopy(passphrase: string): Promise<void> {
    const dir = fs.mkdtempSync(path.join(this.layout.tmpDir, 'unlock-'))
    const copy = path.join(dir, path.basename(this.layout.storeFile))
    try {
      fs.copyFileSync(this.layout.storeFile, copy)
      const wal = `${this.layout.storeFile}-wal`
      if (fs.existsSync(wal)) fs.copyFileSync(wal, `${copy}-wal`)
      const config = walletConfigFor(this.layout, passphrase, this.options.kdf)
      const probe = this.options.newAgent()
      await probe.wallet.open({ ...config, storage: { type: 'sqlite', config: { path: copy } } })
      await probe.wallet.close()
    } catch (error) {
      throw storeOpenError(this.layout.storeFile, error)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }

  private async finishUnlock(agent: CustosAgent, passphrase: string): Promise<Unlocked> {
    try {
      await agent.wallet.open(this.walletConfig(passphrase))
    } catch (error) {
      const { postgres } = this.options
      if (postgres) throw postgresStoreOpenError(postgres, error)
      await this.waitForStoreReleased()
      throw storeOpenError(this.layout.storeFile, error)
    }
    let appDb: OpenedAppDatabase | undefined
    try {
      // The app database opens before the agent initializes, so no inbound handler can run without it.
      appDb = openAppDatabase(this.layout.appDbFile, await loadOrCreateAppDbKey(agent))
      agent.dependencyManager.registerInstance(AppDatabaseToken, appDb.db)
      this.options.prepareAgent?.(agent)
      await agent.initialize()
      this.unlocked = { agent, appDb }
      // Askar and SQLite made their files under the process umask; make sure of them all the same.
      restrictTree(this.layout.root)
      this.logger.info('vault unlocked')
      return this.unlocked
    } catch (error) {
      appDb?.close()
      await agent.shutdown().catch(() => undefined)
      if (agent.wallet.isInitialized) await agent.wallet.close().catch(() => undefined)
      throw error
    }
  }

  private walletConfig(passphrase: string) {
    return walletConfigFor(this.layout, passphrase, this.options.kdf, this.options.postgres)
  }

  private async checkPostgresNow(postgres: PostgresConnection): Promise<{ storeExists: boolean }> {
    const found = await checkPostgres(postgres)
    await this.options.checkPostgres?.()
    return found
  }

  // File operations on a store that is not a file.
  private refuseOnPostgres(what: string): void {
    if (this.options.postgres)
      throw new InvalidInputError(`This node's store is on PostgreSQL; ${what} is done with the database's own tools.`)
  }

  // Askar closes its connection pool in the background; until then SQLite's -wal/-shm side files
  // exist. Waiting lets lock() return with everything in the main file, and a failed unlock leave
  // the folder exactly as it was.
  private async waitForStoreReleased(timeoutMs = 10_000): Promise<void> {
    const sideFiles = [`${this.layout.storeFile}-wal`, `${this.layout.storeFile}-shm`]
    const deadline = Date.now() + timeoutMs
    while (sideFiles.some((file) => fs.existsSync(file)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}
