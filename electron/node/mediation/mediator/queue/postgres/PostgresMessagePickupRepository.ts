import { randomUUID } from 'node:crypto'

import { AgentContext, inject, injectable } from '@credo-ts/core'
import { type DidCommEncryptedMessage, type QueuedDidCommMessage } from '@credo-ts/didcomm'
import type {
  AddMessageOptions,
  GetAvailableMessageCountOptions,
  RemoveMessagesOptions,
  TakeFromQueueOptions,
} from '@credo-ts/didcomm'

import { MediationQueueConfig } from '../MediationQueueConfig'
import { RecipientQueueFullError } from '../RecipientQueueFullError'
import { PG_QUEUE, type PgQueue } from './openPgQueue'
import * as queries from './pgQueueQueries'
import { noticeText } from './queueListener'
import type { PickupQueue } from '../PersistentQueueTransportRepository'

/**
 * The pickup queue of a mediator that runs as several instances on one PostgreSQL: the same contract as
 * StorageMessagePickupRepository (nothing deleted when handed out; leases; quotas; expiry), with each
 * take one transaction that locks what it leases, so two instances never hand out the same message, and
 * leases that name their instance. Every forward notifies the other instances, so whichever holds the
 * recipient's live socket pushes it (see deliverOnNotice).
 */
@injectable()
export class PostgresMessagePickupRepository implements PickupQueue {
  private nextPurgeAt = 0

  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(MediationQueueConfig) private readonly config: MediationQueueConfig,
  ) {}

  // Opened by MediationQueueModule when the agent initializes, before any transport runs.
  private get queue(): PgQueue {
    return this.agentContext.dependencyManager.resolve<PgQueue>(PG_QUEUE)
  }

  async getAvailableMessageCount({ connectionId, recipientDid }: GetAvailableMessageCountOptions): Promise<number> {
    await this.purgeExpired()
    return queries.countAvailable(this.queue.db, { connectionId, recipientDid, now: Date.now() })
  }

  async takeFromQueue({ connectionId, recipientDid, limit }: TakeFromQueueOptions): Promise<QueuedDidCommMessage[]> {
    if (limit !== undefined && limit <= 0) return []
    await this.purgeExpired()
    const { db, instanceId } = this.queue
    const rows = await db.transaction(async (tx) => {
      const now = Date.now()
      const available = await queries.selectAvailable(tx, { connectionId, recipientDid, now }, limit)
      await queries.lease(tx, available, now + this.config.leaseMs, instanceId)
      return available
    })
    return rows.map((row) => ({
      id: row.id,
      receivedAt: new Date(row.receivedAt),
      encryptedMessage: JSON.parse(row.payload) as DidCommEncryptedMessage,
    }))
  }

  async addMessage({ connectionId, recipientDids, payload }: AddMessageOptions): Promise<string> {
    await this.purgeExpired()
    const text = JSON.stringify(payload)
    const bytes = Buffer.byteLength(text)
    const id = randomUUID()
    const { db, instanceId } = this.queue
    await db.transaction(async (tx) => {
      await queries.lockConnectionForInsert(tx, connectionId)
      const holds = await queries.held(tx, connectionId)
      if (holds.count >= this.config.maxMessagesPerRecipient)
        throw new RecipientQueueFullError(connectionId, 'messages')
      if (holds.bytes + bytes > this.config.maxBytesPerRecipient)
        throw new RecipientQueueFullError(connectionId, 'bytes')
      await queries.insertMessage(tx, { id, connectionId, payload: text, bytes, receivedAt: Date.now() }, recipientDids)
      await queries.notifyQueued(tx, noticeText({ instance: instanceId, connectionId, recipientDids }))
    })
    return id
  }

  async removeMessages({ connectionId, messageIds }: RemoveMessagesOptions): Promise<void> {
    await queries.deleteOwned(this.queue.db, connectionId, messageIds)
  }

  /** The socket here that took them is gone unacknowledged: offered again at once, on any instance. */
  releaseConnection(connectionId: string): Promise<void> {
    return queries.releaseConnectionOf(this.queue.db, connectionId, this.queue.instanceId)
  }

  /** Drops everything queued for a connection, e.g. when the person stops mediating for it. */
  removeAllForConnection(connectionId: string): Promise<number> {
    return queries.deleteConnection(this.queue.db, connectionId)
  }

  /** Messages held for a connection (or all), on every instance, handed-out ones included. */
  async countHeld(connectionId?: string): Promise<number> {
    return (await queries.held(this.queue.db, connectionId)).count
  }

  /** When the oldest message held for a connection arrived (ms), on every instance. */
  oldestHeldAt(connectionId: string): Promise<number | undefined> {
    return queries.oldestReceivedAt(this.queue.db, connectionId)
  }

  // As in the SQLite queue: at most once a minute per instance, on the paths that fill and drain it.
  private async purgeExpired(): Promise<void> {
    const now = Date.now()
    if (now < this.nextPurgeAt) return
    this.nextPurgeAt = now + Math.min(60_000, this.config.expiryMs)
    await queries.deleteReceivedBefore(this.queue.db, now - this.config.expiryMs)
  }
}
