import { AgentContext, inject, injectable, type MessagePickupRepository, type QueuedMessage } from '@credo-ts/core'
import type {
  AddMessageOptions,
  GetAvailableMessageCountOptions,
  RemoveMessagesOptions,
  TakeFromQueueOptions,
} from '@credo-ts/core/build/modules/message-pickup/storage/MessagePickupRepositoryOptions'

import { MediationQueueConfig } from './MediationQueueConfig'
import { QueuedMessageRecord } from './QueuedMessageRecord'
import { QueuedMessageRepository } from './QueuedMessageRepository'
import { Mutex } from '../../../platform'

/**
 * The mediator's pickup queue as Credo records in the node's Askar store. Credo's default keeps
 * the queue in memory, so a restart would lose every message held for a sleeping recipient.
 *
 * The interface carries no agent context; this singleton serves the root context, the only one
 * a Custos node has. Reservations of taken messages live in memory on purpose (see leaseMs).
 */
@injectable()
export class StorageMessagePickupRepository implements MessagePickupRepository {
  private readonly mutex = new Mutex()
  private readonly leases = new Map<string, number>()
  private nextSequence?: number

  constructor(
    @inject(QueuedMessageRepository) private readonly records: QueuedMessageRepository,
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(MediationQueueConfig) private readonly config: MediationQueueConfig,
  ) {}

  async getAvailableMessageCount({ connectionId, recipientDid }: GetAvailableMessageCountOptions): Promise<number> {
    return (await this.available(connectionId, recipientDid)).length
  }

  takeFromQueue({ connectionId, recipientDid, limit, deleteMessages }: TakeFromQueueOptions): Promise<QueuedMessage[]> {
    return this.mutex.runExclusive(async () => {
      const available = await this.available(connectionId, recipientDid)
      const taken = limit === undefined ? available : available.slice(0, Math.max(0, limit))
      if (deleteMessages) {
        for (const record of taken) await this.records.delete(this.agentContext, record)
      } else {
        const until = Date.now() + this.config.leaseMs
        for (const record of taken) this.leases.set(record.id, until)
      }
      return taken.map((record) => ({ id: record.id, receivedAt: record.createdAt, encryptedMessage: record.payload }))
    })
  }

  addMessage({ connectionId, recipientDids, payload }: AddMessageOptions): Promise<string> {
    return this.mutex.runExclusive(async () => {
      const sequence = await this.takeSequence()
      const record = new QueuedMessageRecord({ connectionId, recipientDids, sequence, payload })
      await this.records.save(this.agentContext, record)
      return record.id
    })
  }

  removeMessages({ connectionId, messageIds }: RemoveMessagesOptions): Promise<void> {
    return this.mutex.runExclusive(async () => {
      for (const id of messageIds) {
        const record = await this.records.findById(this.agentContext, id)
        this.leases.delete(id)
        // Ids come from the recipient's messages-received; one recipient must not drop another's messages.
        if (record && record.connectionId === connectionId) await this.records.delete(this.agentContext, record)
      }
    })
  }

  /** Drops everything queued for a connection, e.g. when the person stops mediating for it. */
  removeAllForConnection(connectionId: string): Promise<number> {
    return this.mutex.runExclusive(async () => {
      const records = await this.records.findByQuery(this.agentContext, { connectionId })
      for (const record of records) {
        this.leases.delete(record.id)
        await this.records.delete(this.agentContext, record)
      }
      return records.length
    })
  }

  private async available(connectionId: string, recipientDid?: string): Promise<QueuedMessageRecord[]> {
    const query = recipientDid ? { connectionId, recipientDids: [recipientDid] } : { connectionId }
    const now = Date.now()
    const records = await this.records.findByQuery(this.agentContext, query)
    return records.filter((record) => (this.leases.get(record.id) ?? 0) <= now).sort((a, b) => a.sequence - b.sequence)
  }

  // Only called inside `mutex`, and the data directory lock keeps other processes out of the store.
  private async takeSequence(): Promise<number> {
    if (this.nextSequence === undefined) {
      const all = await this.records.getAll(this.agentContext)
      this.nextSequence = all.reduce((max, record) => Math.max(max, record.sequence), 0) + 1
    }
    return this.nextSequence++
  }
}
