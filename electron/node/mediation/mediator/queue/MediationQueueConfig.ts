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
  /** Where the queue lives: the app database (SQLite) unless given. */
  postgres?: PostgresQueueOptions
}

export class MediationQueueConfig {
  readonly leaseMs: number
  readonly maxMessagesPerRecipient: number
  readonly maxBytesPerRecipient: number
  readonly expiryMs: number
  readonly postgres?: PostgresQueueOptions

  constructor(options: MediationQueueConfigOptions = {}) {
    this.leaseMs = options.leaseMs ?? 300_000
    this.maxMessagesPerRecipient = options.maxMessagesPerRecipient ?? 10_000
    this.maxBytesPerRecipient = options.maxBytesPerRecipient ?? 200 * 1024 * 1024
    this.expiryMs = options.expiryMs ?? 30 * 24 * 60 * 60 * 1000
    this.postgres = options.postgres
  }
}
