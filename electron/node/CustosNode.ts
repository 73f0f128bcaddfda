import { DidCommHttpOutboundTransport, DidCommWsOutboundTransport } from '@credo-ts/didcomm'

import type { BackupManifest, ExportedBackupSummary, VaultStatus } from '../../shared/api'
import { createAgent, type CustosAgent } from './agent'
import { askar } from './askar'
import type { AppDatabase } from './db'
import { DataDirLock, dataDirLayout, FileLogger, freshScratchDir, makePrivate, type DataDirLayout } from './platform'
import { DEFAULT_MAX_DOCUMENT_BYTES, messageBytesForDocument } from './credentials'
import { checkPgQueueSchema } from './mediation'
import { instanceIdIn, parsePostgresUrl } from './postgres'
import {
  CustosInboundTransport,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SPOOL_QUOTA,
  INBOUND_SPOOL,
  INBOUND_TRANSPORT,
  InboundQueue,
  QueueAttachment,
  type InboundOptions,
} from './transports'
import { AutoLock, readBackupManifest, Vault, type DeviceKeyKeeper, type PassphraseKdf, type VaultHost } from './vault'

export interface CustosNodeOptions {
  /** The folder that holds this node's store, database and logs. */
  dataDir: string
  /** The name other agents see in invitations. */
  label?: string
  /** Passphrase key derivation; defaults to Argon2i at the moderate level. */
  kdf?: PassphraseKdf
  /**
   * Inbound DIDComm over HTTP and WebSocket on one host:port (default 127.0.0.1 and a free port);
   * without it the node only sends.
   */
  inbound?: InboundOptions
  /** Serve as DIDComm mediator for other nodes (a household's always-on node). */
  mediator?: boolean
  /** Pickup polling interval when this node uses a mediator; live mode, the default, does not poll. */
  mediatorPollingIntervalMs?: number
  /** The length of an auto-lock "minute"; tests shorten it. */
  autoLockUnitMs?: number
  /** The largest document (a statement PDF) the node takes with a credential; 20 MiB by default. */
  maxDocumentBytes?: number
  /**
   * A mediator of several instances: the Askar store and the pickup queue in this PostgreSQL database,
   * shared with the other instances. Only with `mediator`; the desktop app never sets it.
   */
  postgres?: { url: string; instanceId?: string }
  /**
   * Where "remember on this device" keeps the store's key: the desktop app's OS keychain, reached through
   * Electron main. Without it (the web mode, plain node runs) remembering is not offered.
   */
  deviceKeys?: DeviceKeyKeeper
}

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
    // Unless set, the message limit follows the document limit: a statement PDF must be able to arrive.
    const documentLimit = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES
    const messageLimit = Math.max(DEFAULT_MAX_MESSAGE_BYTES, messageBytesForDocument(documentLimit))
    const inboundQueue = new InboundQueue(layout.spoolDir, options.inbound?.spoolQuota ?? DEFAULT_SPOOL_QUOTA, logger)
    const inbound = options.inbound
      ? new CustosInboundTransport(
          { ...options.inbound, maxMessageBytes: options.inbound.maxMessageBytes ?? messageLimit },
          logger,
          inboundQueue,
        )
      : undefined
    const kdf = options.kdf ?? 'argon2i-mod'
    const queue = postgres
      ? { postgres: { connection: postgres, instanceId: options.postgres?.instanceId ?? instanceIdIn(layout.root) } }
      : undefined
    const vault = new Vault<CustosAgent>(layout, logger, {
      kdf,
      postgres,
      deviceKeys: options.deviceKeys,
      checkPostgres: postgres ? () => checkPgQueueSchema(postgres) : undefined,
      // No endpoints here: the inbound transport sets them when it starts, once the port is known.
      newAgent: (store) =>
        createAgent({
          store,
          label: options.label ?? 'Custos',
          layout,
          logger,
          mediation: { mediator: options.mediator, pollingIntervalMs: options.mediatorPollingIntervalMs, queue },
          documents: { maxDocumentBytes: options.maxDocumentBytes },
        }),
      prepareAgent: (agent) => {
        agent.didcomm.registerOutboundTransport(new DidCommHttpOutboundTransport())
        agent.didcomm.registerOutboundTransport(new DidCommWsOutboundTransport())
        // The endpoint first: Credo starts them in this order, and the queue's first drain may answer.
        if (inbound) {
          agent.didcomm.registerInboundTransport(inbound)
          agent.dependencyManager.registerInstance(INBOUND_TRANSPORT, inbound)
        }
        agent.didcomm.registerInboundTransport(new QueueAttachment(inboundQueue))
        agent.dependencyManager.registerInstance(INBOUND_SPOOL, inboundQueue.spool)
        agent.dependencyManager.registerInstance(InboundQueue, inboundQueue)
      },
    })
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
