import type { AgentContext } from '@credo-ts/core'
import type { DidCommInboundTransport } from '@credo-ts/didcomm'

import type { InboundQueue } from './InboundQueue'

/**
 * Registered as an inbound transport only to be started and stopped with the agent (Credo starts its
 * inbound transports before the mediation recipient, so the queue takes the first pickup's batches).
 * It listens on nothing; the node's own endpoint, if any, is CustosInboundTransport.
 */
export class QueueAttachment implements DidCommInboundTransport {
  constructor(private readonly queue: InboundQueue) {}

  async start(agent: AgentContext): Promise<void> {
    this.queue.attach(agent)
  }

  async stop(): Promise<void> {
    this.queue.detach()
  }
}
