import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, DeadLetter, InboundStatus, inboxContract } from '../../../shared/api'
import { INBOUND_SPOOL, INBOUND_TRANSPORT, type CustosInboundTransport, type InboundSpool } from '../transports'

/** The inbound side as the person can inspect it; the spool itself belongs to the transports. */
@injectable()
export class InboxApi implements ContractApi<typeof inboxContract> {
  constructor(@inject(AgentContext) private readonly agentContext: AgentContext) {}

  async listDeadLetters(): Promise<DeadLetter[]> {
    // A node without inbound transports (it only sends) has no spool, and so nothing that failed.
    const manager = this.agentContext.dependencyManager
    if (!manager.isRegistered(INBOUND_SPOOL)) return []
    return manager.resolve<InboundSpool>(INBOUND_SPOOL).deadLetters()
  }

  async inbound(): Promise<InboundStatus> {
    const manager = this.agentContext.dependencyManager
    if (!manager.isRegistered(INBOUND_TRANSPORT)) return { listening: false, endpoints: [], loopbackOnly: true }
    return manager.resolve<CustosInboundTransport>(INBOUND_TRANSPORT).status()
  }
}
