import type { PostgresConnection } from '../../../postgres'

/** A mediator of several instances keeps one queue in PostgreSQL; each instance names itself. */
export interface PostgresQueueOptions {
  connection: PostgresConnection
  /** Stable across restarts of this instance (its leases carry it), and unique among the instances. */
  instanceId: string
}

export interface MediationQueueConfigOptions {
  /**
   * How long a handed-out message stays reserved for the pickup that took it (kept on disk as leased_until).
   * Pickup v2 deletes only when the recipient acknowledges (messages-received), pickup v1 once the batch is
   * sent; if that never comes (socket dropped mid-delivery), the message becomes available again after this
   * time. Long, so a slow acknowledgement does not bring a duplicate; a restart of the mediator releases
   * every reservation, since the sessions that held them are gone: delivery is at least once.
   * @default 300000
   */
  leaseMs?: number
  /** Most messages and bytes held for one recipient; a forward beyond either is refused. */
  maxMessagesPerRecipient?: number
  maxBytesPerRecipient?: number
  /** A message nobody picked up within this time is dropped. @default 30 days */
  expiryMs?: number
  /**
   * Direct delivery to a recipient's own endpoint (mediator/delivery): the first retry after a failed
   * attempt, doubled on each failure up to the maximum. @default 1000 and 60000
   */
  retryMinMs?: number
  retryMaxMs?: number
  /** How long one direct delivery may take before it counts as failed. @default 15000 */
  deliveryTimeoutMs?: number
  /** Where the queue lives: the app database (SQLite) unless given. */
  postgres?: PostgresQueueOptions
}

export class MediationQueueConfig {
  readonly leaseMs: number
  readonly maxMessagesPerRecipient: number
  readonly maxBytesPerRecipient: number
  readonly expiryMs: number
  readonly retryMinMs: number
  readonly retryMaxMs: number
  readonly deliveryTimeoutMs: number
  readonly postgres?: PostgresQueueOptions

  constructor(options: MediationQueueConfigOptions = {}) {
    this.leaseMs = options.leaseMs ?? 300_000
    // Room for a backlog of 10,000 plus what else a device misses while away (the drain bench found the
    // 10,000th refused at exactly 10,000).
    this.maxMessagesPerRecipient = options.maxMessagesPerRecipient ?? 20_000
    this.maxBytesPerRecipient = options.maxBytesPerRecipient ?? 200 * 1024 * 1024
    this.expiryMs = options.expiryMs ?? 30 * 24 * 60 * 60 * 1000
    this.retryMinMs = options.retryMinMs ?? 1_000
    this.retryMaxMs = options.retryMaxMs ?? 60_000
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 15_000
    this.postgres = options.postgres
  }
}
