import type { BackupManifest, ExportedBackupSummary, VaultStatus } from '../../shared/api'
import type { CustosAgent } from './agent'
import { askar } from './askar'
import { assembleNode } from './assembleNode'
import type { CustosNodeOptions } from './CustosNodeOptions'
import type { AppDatabase } from './db'
import { DataDirLock, dataDirLayout, FileLogger, freshScratchDir, makePrivate, type DataDirLayout } from './platform'
import { parsePostgresUrl } from './postgres'
import type { CustosInboundTransport } from './transports'
import { AutoLock, readBackupManifest, type Vault, type VaultHost } from './vault'

export type { CustosNodeOptions }

/**
 * One personal data node on one data directory. Opening takes the directory's lock; the store
 * is then created or unlocked with the passphrase, and locked again without releasing the folder.
 */
export class CustosNode implements VaultHost {
  private readonly autoLock: AutoLock
  private readonly lockListeners = new Set<() => void>()

  private constructor(
    readonly layout: DataDirLayout,
    private readonly dirLock: DataDirLock,
    private readonly logger: FileLogger,
    private readonly vault: Vault<CustosAgent>,
    private readonly label: string,
    private readonly inbound?: CustosInboundTransport,
    autoLockUnitMs?: number,
  ) {
    this.autoLock = new AutoLock(layout.settingsFile, () => this.lockWhenIdle(), autoLockUnitMs)
  }

  static open(options: CustosNodeOptions): CustosNode {
    // Checked before the data directory is taken, so a bad URL leaves nothing held.
    const postgres = options.postgres ? parsePostgresUrl(options.postgres.url) : undefined
    const layout = dataDirLayout(options.dataDir)
    makePrivate(layout.root)
    const dirLock = DataDirLock.acquire(layout.root, layout.lockFile)
    freshScratchDir(layout.tmpDir)
    const logger = new FileLogger(layout.logFile)
    const { vault, inbound } = assembleNode(options, postgres, layout, logger)
    logger.info(`node opened on ${layout.root}`)
    return new CustosNode(layout, dirLock, logger, vault, options.label ?? 'Custos', inbound, options.autoLockUnitMs)
  }

  status(): VaultStatus {
    return {
      state: this.vault.state(),
      dataDir: this.layout.root,
      askarVersion: askar.version(),
      autoLockMinutes: this.autoLock.afterMinutes,
      ...this.vault.device,
    }
  }

  async createStore(passphrase: string): Promise<void> {
    await this.vault.create(passphrase)
    this.autoLock.touch()
  }

  async unlock(passphrase: string, remember?: boolean): Promise<void> {
    await this.vault.unlock(passphrase, remember)
    this.autoLock.touch()
  }

  /** A launch of the desktop app with the key its OS keychain kept; never part of the API contract. */
  async unlockWithDeviceKey(rawKey: string): Promise<void> {
    await this.vault.unlockWithDeviceKey(rawKey)
    this.autoLock.touch()
  }

  async setRemembered(passphrase: string, remember: boolean): Promise<void> {
    await this.vault.setRemembered(passphrase, remember)
    this.touch()
  }

  async lock(): Promise<void> {
    this.autoLock.stop()
    await this.vault.lock()
  }

  /** The person used the app: the auto-lock's idle time starts again. */
  touch(): void {
    if (this.vault.state() === 'unlocked') this.autoLock.touch()
  }

  setAutoLock(minutes: number | null): void {
    this.autoLock.set(minutes)
    this.touch()
  }

  /** Told when the node locked itself (after the idle time), so a window can show the unlock screen. */
  onLockedByItself(listener: () => void): () => void {
    this.lockListeners.add(listener)
    return () => this.lockListeners.delete(listener)
  }

  private async lockWhenIdle(): Promise<void> {
    if (this.vault.state() !== 'unlocked') return
    await this.lock().catch((error: unknown) => this.logger.error('auto-lock failed', { error }))
    this.logger.info('locked after the idle time')
    for (const listener of this.lockListeners) listener()
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await this.vault.changePassphrase(current, next)
  }

  async exportBackup(path: string, backupPassphrase: string): Promise<ExportedBackupSummary> {
    const { manifest, bytes } = await this.vault.exportBackup(path, backupPassphrase, this.label)
    this.logger.info(`backup written (${bytes} bytes)`)
    return { path, bytes, manifest }
  }

  readBackupManifest(path: string): BackupManifest {
    return readBackupManifest(path)
  }

  async restoreBackup(path: string, backupPassphrase: string, passphrase: string): Promise<BackupManifest> {
    const manifest = await this.vault.restoreBackup(path, backupPassphrase, passphrase)
    this.autoLock.touch()
    return manifest
  }

  /** Locks the store and gives the data directory back. */
  async close(): Promise<void> {
    this.autoLock.stop()
    try {
      await this.vault.lock()
    } finally {
      await this.inbound?.close().catch((error: unknown) => this.logger.error('closing inbound failed', { error }))
      this.logger.info('node closed')
      this.logger.close()
      this.dirLock.release()
    }
  }

  /** Where other agents reach this node (http://host:port, ws://host:port); undefined until first unlocked. */
  get endpoints(): string[] | undefined {
    return this.inbound?.endpoints
  }

  get agent(): CustosAgent {
    return this.vault.current().agent
  }

  appDb(): AppDatabase {
    return this.vault.current().appDb.db
  }
}
