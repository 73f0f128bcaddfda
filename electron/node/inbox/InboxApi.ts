import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ContractApi,
  DeadLetterPage,
  DeadLetterPageInput,
  DeleteDeadLettersInput,
  InboundStatus,
  inboxContract,
} from '../../../shared/api'
import { INBOUND_SPOOL, INBOUND_TRANSPORT, type CustosInboundTransport, type InboundSpool } from '../transports'

const DEFAULT_PAGE = 50

/** The inbound side as the person can inspect it; the spool itself belongs to the transports. */
@injectable()
export class InboxApi implements ContractApi<typeof inboxContract> {
  constructor(@inject(AgentContext) private readonly agentContext: AgentContext) {}

  /** A page of what could not be processed, newest first, without the envelopes themselves. */
  async listDeadLetters(input: DeadLetterPageInput): Promise<DeadLetterPage> {
    // A node without inbound transports (it only sends) has no spool, and so nothing that failed.
    const spool = this.spool()
    if (!spool) return { letters: [], total: 0, keptBytes: 0 }
    return spool.dead.page(input?.limit ?? DEFAULT_PAGE, input?.before)
  }

  async deleteDeadLetters(input: DeleteDeadLettersInput): Promise<{ deleted: number }> {
    const spool = this.spool()
    if (!spool) return { deleted: 0 }
    return { deleted: spool.dead.delete('all' in input ? 'all' : input.sequences) }
  }

  async inbound(): Promise<InboundStatus> {
    const manager = this.agentContext.dependencyManager
    if (!manager.isRegistered(INBOUND_TRANSPORT)) return { listening: false, endpoints: [], loopbackOnly: true }
    return manager.resolve<CustosInboundTransport>(INBOUND_TRANSPORT).status()
  }

  private spool(): InboundSpool | undefined {
    const manager = this.agentContext.dependencyManager
    return manager.isRegistered(INBOUND_SPOOL) ? manager.resolve<InboundSpool>(INBOUND_SPOOL) : undefined
  }
}
