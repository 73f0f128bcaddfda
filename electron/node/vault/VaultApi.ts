import type {
  BackupManifest,
  ContractApi,
  ExportedBackupSummary,
  VaultStatus,
  vaultContract,
} from '../../../shared/api'

/** What the vault's part of the contract needs from the node; it exists before any agent does. */
export interface VaultHost {
  status(): VaultStatus
  createStore(passphrase: string): Promise<void>
  unlock(passphrase: string, remember?: boolean): Promise<void>
  setRemembered(passphrase: string, remember: boolean): Promise<void>
  lock(): Promise<void>
  changePassphrase(current: string, next: string): Promise<void>
  setAutoLock(minutes: number | null): void
  exportBackup(path: string, backupPassphrase: string): Promise<ExportedBackupSummary>
  readBackupManifest(path: string): BackupManifest
  restoreBackup(path: string, backupPassphrase: string, passphrase: string): Promise<BackupManifest>
}

/** The store's lifecycle as the API offers it; each call answers with the state it left. */
export class VaultApi implements ContractApi<typeof vaultContract> {
  constructor(private readonly host: VaultHost) {}

  async status(): Promise<VaultStatus> {
    return this.host.status()
  }

  async create({ passphrase }: { passphrase: string }): Promise<VaultStatus> {
    await this.host.createStore(passphrase)
    return this.host.status()
  }

  async unlock({ passphrase, remember }: { passphrase: string; remember?: boolean }): Promise<VaultStatus> {
    await this.host.unlock(passphrase, remember)
    return this.host.status()
  }

  async setRemembered({ passphrase, remember }: { passphrase: string; remember: boolean }): Promise<VaultStatus> {
    await this.host.setRemembered(passphrase, remember)
    return this.host.status()
  }

  async changePassphrase({ current, next }: { current: string; next: string }): Promise<VaultStatus> {
    await this.host.changePassphrase(current, next)
    return this.host.status()
  }

  async exportBackup({ path, backupPassphrase }: { path: string; backupPassphrase: string }) {
    return this.host.exportBackup(path, backupPassphrase)
  }

  async readBackupManifest({ path }: { path: string }): Promise<BackupManifest> {
    return this.host.readBackupManifest(path)
  }

  async restoreBackup(input: { path: string; backupPassphrase: string; passphrase: string }) {
    const manifest = await this.host.restoreBackup(input.path, input.backupPassphrase, input.passphrase)
    return { status: this.host.status(), manifest }
  }

  async setAutoLock({ minutes }: { minutes: number | null }): Promise<VaultStatus> {
    this.host.setAutoLock(minutes)
    return this.host.status()
  }

  async lock(): Promise<VaultStatus> {
    await this.host.lock()
    return this.host.status()
  }
}
