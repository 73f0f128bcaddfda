export interface MediationQueueConfigOptions {
  /**
   * How long a message handed out without deletion stays reserved for the pickup that took it.
   * Pickup v2 deletes only when the recipient acknowledges (messages-received); if that never
   * comes (socket dropped mid-delivery), the message becomes available again after this time.
   * A restart of the mediator also releases every reservation: delivery is at least once.
   * @default 30000
   */
  leaseMs?: number
}

export class MediationQueueConfig {
  readonly leaseMs: number

  constructor(options: MediationQueueConfigOptions = {}) {
    this.leaseMs = options.leaseMs ?? 30_000
  }
}
