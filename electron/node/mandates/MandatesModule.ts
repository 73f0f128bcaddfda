import { EventEmitter, type AgentContext, type DependencyManager } from '@credo-ts/core'
import {
  DidCommFeatureRegistry,
  DidCommMessageHandlerRegistry,
  DidCommProtocol,
  type DidCommMessage,
} from '@credo-ts/didcomm'

import { mandatesContract } from '../../../shared/api'
import { ConsentEventTypes, type RequestEvaluatedEvent } from '../consent'
import { HouseholdEventTypes, type MembershipEndedEvent } from '../household'
import type { ContractModule } from '../kernel'
import { CustosRequestEventTypes, type RequestAnsweredEvent } from '../requests'
import { DelegateAsksService } from './DelegateAsksService'
import { MandateAsksService } from './MandateAsksService'
import { MandatesApi } from './MandatesApi'
import { MandatesService } from './MandatesService'
import {
  MANDATES_PROTOCOL,
  MandateAskMessage,
  MandateDecisionMessage,
  MandateGrantMessage,
  MandateHandler,
  MandateOutcomeMessage,
  MandateRevokeMessage,
} from './protocol'

/**
 * Acting for a member (issue 23): mandates between members' nodes, and the requests put to a delegate
 * under them. The person's data never leaves their own node except to the requester.
 */
export class MandatesModule implements ContractModule<typeof mandatesContract> {
  readonly api = MandatesApi
  readonly contract = mandatesContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(MandatesService)
    dependencyManager.registerSingleton(MandateAsksService)
    dependencyManager.registerSingleton(DelegateAsksService)
    dependencyManager
      .resolve(DidCommFeatureRegistry)
      .register(new DidCommProtocol({ id: MANDATES_PROTOCOL, roles: ['grantor', 'delegate'] }))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlers([
      new MandateHandler(async (message, connection, { agentContext }) => {
        const mandates = agentContext.dependencyManager.resolve(MandatesService)
        const asks = agentContext.dependencyManager.resolve(MandateAsksService)
        const delegate = agentContext.dependencyManager.resolve(DelegateAsksService)
        if (message instanceof MandateGrantMessage) await mandates.received(agentContext, message, connection)
        else if (message instanceof MandateRevokeMessage) await mandates.revoked(agentContext, message, connection)
        else if (message instanceof MandateAskMessage) await delegate.received(agentContext, message, connection)
        else if (message instanceof MandateDecisionMessage) await asks.decided(agentContext, message, connection)
        else if (message instanceof MandateOutcomeMessage) await delegate.ended(agentContext, message, connection)
        else agentContext.config.logger.warn(`mandates: no handling for ${(message as DidCommMessage).type}`)
      }),
    ])
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const asks = agentContext.dependencyManager.resolve(MandateAsksService)
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    const warn = (what: string) => (error: unknown) =>
      agentContext.config.logger.warn(`mandates: ${what} failed`, { error: (error as Error).message })
    // A request that would wait for the person is put to a delegate when a live mandate covers it.
    events.on<RequestEvaluatedEvent>(ConsentEventTypes.RequestEvaluated, ({ payload }) => {
      if (payload.acted !== 'waiting') return
      asks.put(agentContext, payload.evaluation.requestId).catch(warn('putting a request to a delegate'))
    })
    // Leaving the household ends delegation at once, as it ends mediation.
    events.on<MembershipEndedEvent>(HouseholdEventTypes.MembershipEnded, () => {
      const mandates = agentContext.dependencyManager.resolve(MandatesService)
      mandates.endAll(agentContext).catch(warn('ending the mandates of a member who left'))
    })
    events.on<RequestAnsweredEvent>(CustosRequestEventTypes.RequestAnswered, ({ payload }) => {
      asks.answeredByPerson(agentContext, payload.requestId).catch(warn('withdrawing an answered request'))
    })
  }
}
