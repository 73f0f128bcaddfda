import { randomUUID } from 'node:crypto'

import { AgentContext, inject, injectable } from '@credo-ts/core'
import { type DidCommEncryptedMessage, type QueuedDidCommMessage } from '@credo-ts/didcomm'
import type {
  AddMessageOptions,
  GetAvailableMessageCountOptions,
  RemoveMessagesOptions,
  TakeFromQueueOptions,
} from '@credo-ts/didcomm'

import { appDatabaseOf, type AppDatabase } from '../../../db'
import { MediationQueueConfig } from './MediationQueueConfig'
import { emitQueued } from './queueEvents'
import * as queries from './queueQueries'
import { RecipientQueueFullError } from './RecipientQueueFullError'
import type { PickupQueue } from './PersistentQueueTransportRepository'

/**
 * The mediator's pickup queue in the encrypted app database. Credo's default keeps the queue in memory,
 * so a restart would lose every message held for a sleeping recipient. better-sqlite3 is synchronous, so
 * each call below is one transaction that no other call interleaves with.
 *
 * Nothing is deleted when it is handed out: pickup v2 deletes on the recipient's messages-received, and
 * for pickup v1 (where Credo asks for deleteMessages) deleteWhenSent removes a batch once Credo reports
 * it sent. Until then a message is leased; an unanswered lease runs out and the message is offered again.
 *
 * The interface carries no agent context; this singleton serves the root context, the only one a
 * Custos node has.
 */
@injectable()
export class StorageMessagePickupRepository implements PickupQueue {
  private opened?: AppDatabase
  private nextPurgeAt = 0

  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(MediationQueueConfig) private readonly config: MediationQueueConfig,
  ) {}

  // Credo builds this with the agent, before the vault has opened the app database; it is used only after.
  private get db(): AppDatabase {
    if (!this.opened) {
      this.opened = appDatabaseOf(this.agentContext)
      // Leases belonged to pickup sessions of the previous run, which are gone: what they held is offered
      // again at once (at least once). Acknowledged messages were deleted, so they do not come back.
      queries.releaseLeases(this.opened)
    }
    return this.opened
  }

  async getAvailableMessageCount({ connectionId, recipientDid }: GetAvailableMessageCountOptions): Promise<number> {
    this.purgeExpired()
    return queries.countAvailable(this.db, { connectionId, recipientDid, now: Date.now() })
  }

  async takeFromQueue({ connectionId, recipientDid, limit }: TakeFromQueueOptions): Promise<QueuedDidCommMessage[]> {
    if (limit !== undefined && limit <= 0) return []
    this.purgeExpired()
    return this.db.transaction((tx) => {
      const now = Date.now()
      const rows = queries.selectAvailable(tx, { connectionId, recipientDid, now }, limit)
      queries.lease(tx, rows, now + this.config.leaseMs)
      return rows.map((row) => ({
        id: row.id,
        receivedAt: new Date(row.receivedAt),
        encryptedMessage: JSON.parse(row.payload) as DidCommEncryptedMessage,
      }))
    })
  }

  async addMessage({ connectionId, recipientDids, payload }: AddMessageOptions): Promise<string> {
    this.purgeExpired()
    const text = JSON.stringify(payload)
    const bytes = Buffer.byteLength(text)
    const id = randomUUID()
    this.db.transaction((tx) => {
      const holds = queries.held(tx, connectionId)
      if (holds.count >= this.config.maxMessagesPerRecipient)
        throw new RecipientQueueFullError(connectionId, 'messages')
      if (holds.bytes + bytes > this.config.maxBytesPerRecipient)
        throw new RecipientQueueFullError(connectionId, 'bytes')
      queries.insertMessage(tx, { id, connectionId, payload: text, bytes, receivedAt: Date.now() }, recipientDids)
    })
    // After the commit: whoever delivers other than by pickup (mediator/delivery) may now take it.
    emitQueued(this.agentContext, connectionId, id)
    return id
  }

  async removeMessages({ connectionId, messageIds }: RemoveMessagesOptions): Promise<void> {
    queries.deleteOwned(this.db, connectionId, messageIds)
  }

  /** Gives taken messages back before their lease runs out: their delivery failed, they are offered again. */
  release(connectionId: string, messageIds: string[]): void {
    queries.releaseOwned(this.db, connectionId, messageIds)
  }

  /** The socket that took them is gone unacknowledged: its messages are offered again at once. */
  releaseConnection(connectionId: string): void {
    queries.releaseConnection(this.db, connectionId)
  }

  /** Drops everything queued for a connection, e.g. when the person stops mediating for it. */
  removeAllForConnection(connectionId: string): number {
    return queries.deleteConnection(this.db, connectionId)
  }

  /** Messages held for a connection (or all), those handed out but not yet acknowledged included. */
  countHeld(connectionId?: string): number {
    return queries.held(this.db, connectionId).count
  }

  /** When the oldest message held for a connection arrived (ms), handed-out ones included. */
  oldestHeldAt(connectionId: string): number | undefined {
    return queries.oldestReceivedAt(this.db, connectionId)
  }

  // Cheap with the index on received_at; at most once a minute (or per expiry period), on the paths that
  // fill and drain the queue, so an expired message is neither kept nor handed out for long.
  private purgeExpired(): void {
    const now = Date.now()
    if (now < this.nextPurgeAt) return
    this.nextPurgeAt = now + Math.min(60_000, this.config.expiryMs)
    queries.deleteReceivedBefore(this.db, now - this.config.expiryMs)
  }
}
