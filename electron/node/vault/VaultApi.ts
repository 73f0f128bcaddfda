import type { ContractApi, VaultStatus, vaultContract } from '../../../shared/api'

/** What the vault's part of the contract needs from the node; it exists before any agent does. */
export interface VaultHost {
  status(): VaultStatus
  createStore(passphrase: string): Promise<void>
  unlock(passphrase: string): Promise<void>
  lock(): Promise<void>
  changePassphrase(current: string, next: string): Promise<void>
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

  async unlock({ passphrase }: { passphrase: string }): Promise<VaultStatus> {
    await this.host.unlock(passphrase)
    return this.host.status()
  }

  async changePassphrase({ current, next }: { current: string; next: string }): Promise<VaultStatus> {
    await this.host.changePassphrase(current, next)
    return this.host.status()
  }

  async lock(): Promise<VaultStatus> {
    await this.host.lock()
    return this.host.status()
  }
}
