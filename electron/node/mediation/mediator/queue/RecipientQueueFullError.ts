import { InboundRefusal } from '../../../kernel'

/**
 * A forward for a recipient whose queue is at its quota. Refused rather than stored, so one sender cannot
 * fill the mediator's disk; the transport answers it as a refusal, not as "accepted".
 */
export class RecipientQueueFullError extends InboundRefusal {
  readonly reason = 'not accepted' as const

  constructor(connectionId: string, what: 'messages' | 'bytes') {
    super(`The queue of recipient ${connectionId} is full (${what}).`)
    this.name = 'RecipientQueueFullError'
  }
}
