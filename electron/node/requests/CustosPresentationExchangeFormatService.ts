import {
  DifPresentationExchangeProofFormatService,
  type AgentContext,
  type ProofFormatProcessOptions,
} from '@credo-ts/core'

import { PresentationRefusal } from './PresentationRefusal'

/**
 * Credo's DIF Presentation Exchange format with malformed requests answered by a problem report:
 * Credo's own validation error would only be logged, and the requester would never hear why.
 */
export class CustosPresentationExchangeFormatService extends DifPresentationExchangeProofFormatService {
  override async processRequest(agentContext: AgentContext, options: ProofFormatProcessOptions): Promise<void> {
    try {
      await super.processRequest(agentContext, options)
    } catch (error) {
      const detail = (error as { additionalMessages?: string[] }).additionalMessages?.join('; ')
      const reason = `The request cannot be read: ${(error as Error).message}${detail ? ` (${detail})` : ''}`
      throw new PresentationRefusal(reason.slice(0, 500))
    }
  }
}
