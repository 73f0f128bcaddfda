import { EventEmitter, type AgentContext, type DependencyManager } from '@credo-ts/core'
import { DidCommProtocol, DidCommFeatureRegistry, DidCommMessageHandlerRegistry } from '@credo-ts/didcomm'

import { disclosuresContract } from '../../../shared/api'
import type { ContractModule } from '../api'
import { ConsentEventTypes, type PolicyChangedEvent } from '../consent'
import { CustosRequestEventTypes, type RequestAnsweredEvent } from '../requests'
import { DisclosuresApi } from './DisclosuresApi'
import { DisclosuresService } from './DisclosuresService'
import { DATA_NOTICES_PROTOCOL, DataNoticeHandler, readNotice } from './protocol'

/** The disclosure history; speaks the data-notices protocol (docs/data-notices.md) as the holder. */
export class DisclosuresModule implements ContractModule<typeof disclosuresContract> {
  readonly api = DisclosuresApi
  readonly contract = disclosuresContract

  register(dependencyManager: DependencyManager): void {
    const featureRegistry = dependencyManager.resolve(DidCommFeatureRegistry)
    dependencyManager.registerSingleton(DisclosuresService)
    featureRegistry.register(new DidCommProtocol({ id: DATA_NOTICES_PROTOCOL, roles: ['holder'] }))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlers([
      new DataNoticeHandler(async (message, connection, context) => {
        const notice = readNotice(message)
        const service = context.agentContext.dependencyManager.resolve(DisclosuresService)
        const kept =
          notice &&
          service.recordNotice(
            context.agentContext,
            connection.id,
            notice.grantThreadId,
            notice.kind,
            message.id,
            notice.note,
          )
        if (!kept)
          context.agentContext.config.logger.warn('disclosures: a notice named no disclosure of its connection')
      }),
    ])
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const service = agentContext.dependencyManager.resolve(DisclosuresService)
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    const warn = (what: string) => (error: unknown) =>
      agentContext.config.logger.warn(`disclosures: ${what} failed`, { error: (error as Error).message })
    // Whoever approved (the person or a policy), the one answering path says what left.
    events.on<RequestAnsweredEvent>(CustosRequestEventTypes.RequestAnswered, ({ payload }) => {
      if (payload.decision !== 'approved') return
      service.record(agentContext, payload.requestId, payload.credentialIds).catch(warn('recording a disclosure'))
    })
    events.on<PolicyChangedEvent>(ConsentEventTypes.PolicyChanged, ({ payload }) => {
      if (payload.change !== 'revoked') return
      service.revokeDecidedBy(agentContext, payload.policy.id).catch(warn('revoking under a policy'))
    })
  }
}
