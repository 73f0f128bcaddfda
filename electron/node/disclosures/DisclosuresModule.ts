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
import { ANSWER_RECORDER } from '../requests'
import { DisclosureAnswerRecorder, settleInterrupted } from './DisclosureAnswerRecorder'
import { DisclosuresApi } from './DisclosuresApi'
import { DisclosuresService } from './DisclosuresService'
import { DATA_NOTICES_PROTOCOL, DataNoticeHandler, noticeSigned, readNotice } from './protocol'
import { AgreementEventTypes, signedByConnection, type AgreementChangedEvent } from '../agreements'

/** The disclosure history; speaks the data-notices protocol (docs/data-notices.md) as the holder. */
export class DisclosuresModule implements ContractModule<typeof disclosuresContract> {
  readonly api = DisclosuresApi
  readonly contract = disclosuresContract

  register(dependencyManager: DependencyManager): void {
    const featureRegistry = dependencyManager.resolve(DidCommFeatureRegistry)
    dependencyManager.registerSingleton(DisclosuresService)
    dependencyManager.registerSingleton(ANSWER_RECORDER, DisclosureAnswerRecorder)
    featureRegistry.register(new DidCommProtocol({ id: DATA_NOTICES_PROTOCOL, roles: ['holder'] }))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlers([
      new DataNoticeHandler(async (message, connection, context) => {
        const notice = readNotice(message)
        const { agentContext } = context
        // A signature that is there must hold, by a key of this connection; without one the notice is unsigned.
        const signed =
          message.signature !== undefined &&
          (await signedByConnection(agentContext, connection.id, noticeSigned(message), message.signature))
        if (message.signature !== undefined && !signed) {
          agentContext.config.logger.warn('disclosures: a notice whose signature does not hold was not kept')
          return
        }
        const service = agentContext.dependencyManager.resolve(DisclosuresService)
        const kept =
          notice &&
          service.recordNotice(
            agentContext,
            connection.id,
            notice.grantThreadId,
            notice.kind,
            message.id,
            notice.note,
            signed,
          )
        if (!kept) agentContext.config.logger.warn('disclosures: a notice named no disclosure of its connection')
      }),
    ])
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const service = agentContext.dependencyManager.resolve(DisclosuresService)
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    const warn = (what: string) => (error: unknown) =>
      agentContext.config.logger.warn(`disclosures: ${what} failed`, { error: (error as Error).message })
    // Entries a crash left pending say now whether their answer left (the answer path writes them first).
    const settled = await settleInterrupted(agentContext, service)
    if (settled > 0) agentContext.config.logger.warn(`disclosures: ${settled} answer(s) interrupted by a stop settled`)
    // What the requester did with what left: acknowledged it, or refused it (its words kept).
    events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
      const { proofRecord, previousState } = payload
      if (previousState !== DidCommProofState.PresentationSent) return
      if (proofRecord.state !== DidCommProofState.Done && proofRecord.state !== DidCommProofState.Abandoned) return
      const kind = proofRecord.state === DidCommProofState.Done ? 'accepted' : 'refused'
      const reason = proofRecord.errorMessage?.replace(/^[a-z-]+: /, '')
      const at = new Date().toISOString()
      // The entry was written before the answer left, so it is there whenever the verdict comes.
      try {
        if (!service.recordVerdict(agentContext, proofRecord.id, { kind, reason, at }))
          agentContext.config.logger.warn('disclosures: a verdict came for no recorded disclosure')
      } catch (error) {
        warn("recording the requester's verdict")(error)
      }
    })
    // An agreement that ended takes its disclosures with it: each recipient is asked, signed, to delete.
    events.on<AgreementChangedEvent>(AgreementEventTypes.AgreementChanged, ({ payload }) => {
      if (payload.state !== 'terminated') return
      service.revokeUnderAgreement(agentContext, payload.id).catch(warn('revoking under an agreement'))
    })
    events.on<PolicyChangedEvent>(ConsentEventTypes.PolicyChanged, ({ payload }) => {
      if (payload.change !== 'revoked') return
      service.revokeDecidedBy(agentContext, payload.policy.id).catch(warn('revoking under a policy'))
    })
  }
}
