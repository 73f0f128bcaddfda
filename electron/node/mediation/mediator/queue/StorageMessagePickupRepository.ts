import { randomUUID } from 'node:crypto'

import {
  AgentContext,
  inject,
  injectable,
  type EncryptedMessage,
  type MessagePickupRepository,
  type QueuedMessage,
} from '@credo-ts/core'
import type {
  AddMessageOptions,
  GetAvailableMessageCountOptions,
  RemoveMessagesOptions,
  TakeFromQueueOptions,
} from '@credo-ts/core/build/modules/message-pickup/storage/MessagePickupRepositoryOptions'
import { and, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'

import { appDatabaseOf, type AppDatabase } from '../../../db'
import { MediationQueueConfig } from './MediationQueueConfig'
import { mediationQueue as q } from './queueTable'
import { RecipientQueueFullError } from './RecipientQueueFullError'

/**
 * The mediator's pickup queue in the encrypted app database. Credo's default keeps the queue in memory,
 * so a restart would lose every message held for a sleeping recipient. better-sqlite3 is synchronous, so
 * each call below is one transaction that no other call interleaves with.
 *
 * The interface carries no agent context; this singleton serves the root context, the only one a
 * Custos node has.
 */
@injectable()
export class StorageMessagePickupRepository implements MessagePickupRepository {
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
      // Reservations belonged to pickup sessions of the previous run; those are gone.
      this.opened.update(q).set({ leasedUntil: null }).run()
    }
    return this.opened
  }

  async getAvailableMessageCount({ connectionId, recipientDid }: GetAvailableMessageCountOptions): Promise<number> {
    const [{ count }] = this.db
      .select({ count: sql<number>`count(*)` })
      .from(q)
      .where(this.available(connectionId, recipientDid))
      .all()
    return count
  }

  async takeFromQueue(options: TakeFromQueueOptions): Promise<QueuedMessage[]> {
    const { connectionId, recipientDid, limit, deleteMessages } = options
    if (limit !== undefined && limit <= 0) return []
    return this.db.transaction((tx) => {
      const query = tx.select().from(q).where(this.available(connectionId, recipientDid)).orderBy(q.sequence)
      const rows = limit === undefined ? query.all() : query.limit(limit).all()
      const ids = rows.map((row) => row.id)
      // Pickup v1 has no acknowledgement, so Credo asks for deletion on hand-out (deleteMessages); v2
      // keeps them reserved until messages-received.
      if (deleteMessages) tx.delete(q).where(inArray(q.id, ids)).run()
      else
        tx.update(q)
          .set({ leasedUntil: Date.now() + this.config.leaseMs })
          .where(inArray(q.id, ids))
          .run()
      return rows.map((row) => ({
        id: row.id,
        receivedAt: new Date(row.receivedAt),
        encryptedMessage: JSON.parse(row.payload) as EncryptedMessage,
      }))
    })
  }

  async addMessage({ connectionId, recipientDids, payload }: AddMessageOptions): Promise<string> {
    this.purgeExpired()
    const text = JSON.stringify(payload)
    const bytes = Buffer.byteLength(text)
    const id = randomUUID()
    this.db.transaction((tx) => {
      const [held] = tx
        .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${q.bytes}), 0)` })
        .from(q)
        .where(eq(q.connectionId, connectionId))
        .all()
      if (held.count >= this.config.maxMessagesPerRecipient) throw new RecipientQueueFullError(connectionId, 'messages')
      if (held.bytes + bytes > this.config.maxBytesPerRecipient)
        throw new RecipientQueueFullError(connectionId, 'bytes')
      const row = { id, connectionId, recipientDids: JSON.stringify(recipientDids), payload: text, bytes }
      tx.insert(q)
        .values({ ...row, receivedAt: Date.now() })
        .run()
    })
    return id
  }

  async removeMessages({ connectionId, messageIds }: RemoveMessagesOptions): Promise<void> {
    if (messageIds.length === 0) return
    // Ids come from the recipient's messages-received; one recipient must not drop another's messages.
    // The unary + keeps SQLite from walking the recipient's whole index range instead of the id index.
    this.db
      .delete(q)
      .where(and(inArray(q.id, messageIds), sql`+${q.connectionId} = ${connectionId}`))
      .run()
  }

  /** Drops everything queued for a connection, e.g. when the person stops mediating for it. */
  removeAllForConnection(connectionId: string): number {
    return this.db.delete(q).where(eq(q.connectionId, connectionId)).run().changes
  }

  /** Messages held for a connection, those handed out but not yet acknowledged included. */
  countHeld(connectionId?: string): number {
    const query = this.db.select({ count: sql<number>`count(*)` }).from(q)
    return (connectionId ? query.where(eq(q.connectionId, connectionId)) : query).all()[0].count
  }

  private available(connectionId: string, recipientDid?: string): SQL | undefined {
    const free = or(isNull(q.leasedUntil), lte(q.leasedUntil, Date.now()))
    const forRecipient = recipientDid
      ? sql`exists (select 1 from json_each(${q.recipientDids}) where value = ${recipientDid})`
      : undefined
    return and(eq(q.connectionId, connectionId), free, forRecipient)
  }

  // Cheap with the index on received_at; at most once a minute (or per expiry period), on the write path that fills the queue.
  private purgeExpired(): void {
    const now = Date.now()
    if (now < this.nextPurgeAt) return
    this.nextPurgeAt = now + Math.min(60_000, this.config.expiryMs)
    this.db
      .delete(q)
      .where(lte(q.receivedAt, now - this.config.expiryMs))
      .run()
  }
}
