import { EventEmitter, type AgentContext, type DependencyManager } from '@credo-ts/core'
import {
  DidCommFeatureRegistry,
  DidCommMessageHandlerRegistry,
  DidCommProofEventTypes,
  DidCommProofRole,
  DidCommProofState,
  DidCommProofsApi,
  DidCommProtocol,
  type DidCommProofExchangeRecord,
  type DidCommProofStateChangedEvent,
} from '@credo-ts/didcomm'

import { jointApplicationsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { FirstApplicantService } from './FirstApplicantService'
import { JointApplicationRepository } from './JointApplicationRecord'
import { JointApplicationStore } from './JointApplicationStore'
import { JointApplicationsApi } from './JointApplicationsApi'
import { JointApplicationsService } from './JointApplicationsService'
import {
  JOINT_APPLICATION_PROTOCOL,
  JointInvitationMessage,
  JointMessageHandler,
  JointProposalMessage,
  JointResponseMessage,
} from './protocol'
import { SecondApplicantService } from './SecondApplicantService'

/**
 * Joint applications (issue 23, docs/joint-applications.md): a lender's request for two members of one
 * household. Each member's own part is answered by the request path as any request; this module only
 * brings the second member to the lender, with both persons' yes.
 */
export class JointApplicationsModule implements ContractModule<typeof jointApplicationsContract> {
  readonly api = JointApplicationsApi
  readonly contract = jointApplicationsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(JointApplicationRepository)
    dependencyManager.registerSingleton(JointApplicationStore)
    dependencyManager.registerSingleton(FirstApplicantService)
    dependencyManager.registerSingleton(SecondApplicantService)
    dependencyManager.registerSingleton(JointApplicationsService)
    dependencyManager
      .resolve(DidCommFeatureRegistry)
      .register(new DidCommProtocol({ id: JOINT_APPLICATION_PROTOCOL, roles: ['first-applicant', 'second-applicant'] }))
    const service = (context: AgentContext) => context.dependencyManager.resolve(JointApplicationsService)
    dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlers([
        new JointMessageHandler(JointProposalMessage, (context, message, from) =>
          service(context).second.onProposal(context, message, from),
        ),
        new JointMessageHandler(JointResponseMessage, (context, message, from) =>
          service(context).onResponse(context, message, from),
        ),
        new JointMessageHandler(JointInvitationMessage, (context, message, from) =>
          service(context).second.onInvitation(context, message, from),
        ),
      ])
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const first = agentContext.dependencyManager.resolve(FirstApplicantService)
    const notice = (record: DidCommProofExchangeRecord) =>
      first.noticeRequest(agentContext, record).catch((error: unknown) => {
        agentContext.config.logger.warn('joint application: reading a request failed', {
          error: (error as Error).message,
        })
      })
    agentContext.dependencyManager
      .resolve(EventEmitter)
      .on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
        const record = payload.proofRecord
        if (record.state === DidCommProofState.RequestReceived && record.role === DidCommProofRole.Prover)
          void notice(record)
      })
    // A request stored just before the node stopped was not read for its application: it is now (a record
    // this node already has for it is left as it is).
    setImmediate(() => {
      agentContext.dependencyManager
        .resolve(DidCommProofsApi)
        .findAllByQuery({ state: DidCommProofState.RequestReceived, role: DidCommProofRole.Prover })
        .then(async (records) => {
          for (const record of records) await notice(record)
        })
        .catch(() => undefined)
    })
  }
}
