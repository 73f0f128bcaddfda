import { EventEmitter, type AgentContext } from '@credo-ts/core'

import { CredentialRefusal, refuseOnError } from './CredentialRefusal'
import { CustosCredentialEventTypes, type CredentialRefusedEvent } from './CredentialsEvents'

/**
 * Runs a check of what an issuer sent: anything it throws becomes a refusal (a problem report on the
 * exchange's thread) and an event the waiting acceptOffer turns into a typed error.
 */
export async function refuseAndTell(
  agentContext: AgentContext,
  credentialRecord: { id: string; connectionId?: string },
  what: string,
  task: () => Promise<void>,
): Promise<void> {
  try {
    await refuseOnError(what, task)
  } catch (error) {
    agentContext.dependencyManager.resolve(EventEmitter).emit<CredentialRefusedEvent>(agentContext, {
      type: CustosCredentialEventTypes.CredentialRefused,
      payload: {
        exchangeId: credentialRecord.id,
        connectionId: credentialRecord.connectionId,
        reason: (error as Error).message,
        code: error instanceof CredentialRefusal ? error.custosCode : undefined,
      },
    })
    throw error
  }
}
