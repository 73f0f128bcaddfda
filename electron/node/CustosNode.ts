import { HttpOutboundTransport, WsOutboundTransport } from '@credo-ts/core'
import { HttpInboundTransport } from '@credo-ts/node'

import type { VaultStatus } from '../../shared/api'
import { askar } from './askar'
import type { CustosAgent, PassphraseKdf } from './agent/createAgent'
import { FileLogger } from './agent/FileLogger'
import type { AppDatabase } from './db'
import { DataDirLock, Vault, dataDirLayout, type DataDirLayout } from './vault'

export interface CustosNodeOptions {
  /** The folder that holds this node's store, database and logs. */
  dataDir: string
  /** The name other agents see in invitations. */
  label?: string
  /** Passphrase key derivation; defaults to Argon2i at the moderate level. */
  kdf?: PassphraseKdf
  /** Inbound DIDComm over HTTP on 127.0.0.1; without it the node only sends. */
  inbound?: { port: number }
}

/**
 * One personal data node on one data directory. Opening takes the directory's lock; the store
 * is then created or unlocked with the passphrase, and locked again without releasing the folder.
 */
export class CustosNode {
  private constructor(
    readonly layout: DataDirLayout,
    private readonly dirLock: DataDirLock,
    private readonly logger: FileLogger,
    private readonly vault: Vault,
  ) {}

  static open(options: CustosNodeOptions): CustosNode {
    const layout = dataDirLayout(options.dataDir)
    const dirLock = DataDirLock.acquire(layout.root, layout.lockFile)
    const logger = new FileLogger(layout.logFile)
    const inbound = options.inbound
    const vault = new Vault(layout, logger, {
      label: options.label ?? 'Custos',
      kdf: options.kdf ?? 'argon2i-mod',
      endpoints: inbound ? [`http://127.0.0.1:${inbound.port}`] : undefined,
      prepareAgent: (agent) => {
        agent.registerOutboundTransport(new HttpOutboundTransport())
        agent.registerOutboundTransport(new WsOutboundTransport())
        if (inbound) agent.registerInboundTransport(new HttpInboundTransport({ port: inbound.port }))
      },
    })
    logger.info(`node opened on ${layout.root}`)
    return new CustosNode(layout, dirLock, logger, vault)
  }

  status(): VaultStatus {
    return { state: this.vault.state(), dataDir: this.layout.root, askarVersion: askar.version() }
  }

  async createStore(passphrase: string): Promise<void> {
    await this.vault.create(passphrase)
  }

  async unlock(passphrase: string): Promise<void> {
    await this.vault.unlock(passphrase)
  }

  async lock(): Promise<void> {
    await this.vault.lock()
  }

  /** Locks the store and gives the data directory back. */
  async close(): Promise<void> {
    try {
      await this.vault.lock()
    } finally {
      this.logger.info('node closed')
      this.logger.close()
      this.dirLock.release()
    }
  }

  get agent(): CustosAgent {
    return this.vault.current().agent
  }

  appDb(): AppDatabase {
    return this.vault.current().appDb.db
  }
}
