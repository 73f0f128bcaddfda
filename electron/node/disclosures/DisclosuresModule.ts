import { EventEmitter, type AgentContext, type DependencyManager } from '@credo-ts/core'
import {
  DidCommFeatureRegistry,
  DidCommMessageHandlerRegistry,
  DidCommProofEventTypes,
  DidCommProofState,
  DidCommProtocol,
  type DidCommProofStateChangedEvent,
} from '@credo-ts/didcomm'

import { disclosuresContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
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
    // A requester's ack or refusal can come before the disclosure's row is written: it waits for that.
    const recording = new Map<string, Promise<unknown>>()
    // Whoever approved (the person or a policy), the one answering path says what left.
    events.on<RequestAnsweredEvent>(CustosRequestEventTypes.RequestAnswered, ({ payload }) => {
      if (payload.decision !== 'approved') return
      const recorded = service
        .record(agentContext, payload.requestId, payload.credentialIds, payload.claimsLeft)
        .catch(warn('recording a disclosure'))
      recording.set(payload.requestId, recorded)
      void recorded.finally(() => setTimeout(() => recording.delete(payload.requestId), 60_000).unref())
    })
    // What the requester did with what left: acknowledged it, or refused it (its words kept).
    events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
      const { proofRecord, previousState } = payload
      if (previousState !== DidCommProofState.PresentationSent) return
      if (proofRecord.state !== DidCommProofState.Done && proofRecord.state !== DidCommProofState.Abandoned) return
      const kind = proofRecord.state === DidCommProofState.Done ? 'accepted' : 'refused'
      const reason = proofRecord.errorMessage?.replace(/^[a-z-]+: /, '')
      const at = new Date().toISOString()
      void Promise.resolve(recording.get(proofRecord.id))
        .then(() => {
          if (!service.recordVerdict(agentContext, proofRecord.id, { kind, reason, at }))
            agentContext.config.logger.warn('disclosures: a verdict came for no recorded disclosure')
        })
        .catch(warn("recording the requester's verdict"))
    })
    events.on<PolicyChangedEvent>(ConsentEventTypes.PolicyChanged, ({ payload }) => {
      if (payload.change !== 'revoked') return
      service.revokeDecidedBy(agentContext, payload.policy.id).catch(warn('revoking under a policy'))
    })
  }
}
