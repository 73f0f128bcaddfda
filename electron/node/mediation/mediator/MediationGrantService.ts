import { inject, injectable, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionService,
  DidCommMediationDenyMessage,
  DidCommMediationRepository,
  DidCommMediationRole,
  DidCommMediationState,
  DidCommMediatorApi,
  DidCommMessageSender,
  DidCommOutboundMessageContext,
  DidCommOutOfBandApi,
  DidCommMediationRequestMessage,
  DidCommMediatorService,
  type DidCommMediationRecord,
  type DidCommMessageHandlerMiddleware,
} from '@credo-ts/didcomm'

type MessageHandlerMiddleware = DidCommMessageHandlerMiddleware

import { CustosError } from '../../../../shared/errors'

// Marks a one-time invitation the person made for one of their devices; mediation is granted only to the
// connection that came through such an invitation, or to a request the person approved.
export const DEVICE_INVITATION_TAG = 'custosMediationDevice'

/** Who gets mediation: never whoever has a link, as Credo's auto-accept would allow (an open relay). */
@injectable()
export class MediationGrantService {
  constructor(
    @inject(DidCommMediationRepository) private readonly mediations: DidCommMediationRepository,
    @inject(DidCommMediatorService) private readonly mediator: DidCommMediatorService,
    @inject(DidCommConnectionService) private readonly connections: DidCommConnectionService,
    @inject(DidCommMessageSender) private readonly sender: DidCommMessageSender,
  ) {}

  /**
   * Runs around Credo's handling of each inbound message: after Credo stored a mediation request (its own
   * auto-accept is off), grant it when a device invitation covers it, as the answer on the same session
   * (a device without an endpoint of its own can be reached in no other way yet). Otherwise it waits.
   */
  middleware(servesAsMediator: boolean): MessageHandlerMiddleware {
    return async (messageContext, next) => {
      await next()
      if (!(messageContext.message instanceof DidCommMediationRequestMessage) || messageContext.responseMessage) return
      const { agentContext } = messageContext
      const record = await this.mediations.findSingleByQuery(agentContext, {
        threadId: messageContext.message.threadId,
        role: DidCommMediationRole.Mediator,
      })
      if (!record || record.state !== DidCommMediationState.Requested) return
      if (!servesAsMediator) return this.deny(agentContext, record.id)
      if (!(await this.cameThroughDeviceInvitation(agentContext, record))) return
      const { message, mediationRecord } = await this.mediator.createGrantMediationMessage(agentContext, record)
      messageContext.responseMessage = new DidCommOutboundMessageContext(message, {
        agentContext,
        connection: messageContext.assertReadyConnection(),
        associatedRecord: mediationRecord,
      })
    }
  }

  async pending(agentContext: AgentContext): Promise<DidCommMediationRecord[]> {
    return this.mediations.findByQuery(agentContext, {
      role: DidCommMediationRole.Mediator,
      state: DidCommMediationState.Requested,
    })
  }

  async grant(agentContext: AgentContext, id: string): Promise<DidCommMediationRecord> {
    await this.getPending(agentContext, id)
    return agentContext.dependencyManager.resolve(DidCommMediatorApi).grantRequestedMediation(id)
  }

  async deny(agentContext: AgentContext, id: string): Promise<void> {
    const record = await this.getPending(agentContext, id)
    record.state = DidCommMediationState.Denied
    await this.mediations.update(agentContext, record)
    const connection = await this.connections.getById(agentContext, record.connectionId)
    const message = new DidCommMediationDenyMessage({ id: record.threadId })
    message.setThread({ threadId: record.threadId })
    await this.sender.sendMessage(
      new DidCommOutboundMessageContext(message, { agentContext, connection, associatedRecord: record }),
    )
  }

  private async cameThroughDeviceInvitation(
    agentContext: AgentContext,
    record: DidCommMediationRecord,
  ): Promise<boolean> {
    const connection = await this.connections.findById(agentContext, record.connectionId)
    const invitation = connection?.outOfBandId
      ? await agentContext.dependencyManager.resolve(DidCommOutOfBandApi).findById(connection.outOfBandId)
      : null
    return invitation?.getTag(DEVICE_INVITATION_TAG) === true
  }

  private async getPending(agentContext: AgentContext, id: string): Promise<DidCommMediationRecord> {
    const record = await this.mediations.findById(agentContext, id)
    if (!record || record.role !== DidCommMediationRole.Mediator || record.state !== DidCommMediationState.Requested) {
      throw new CustosError('NotFound', `There is no waiting mediation request ${id}.`)
    }
    return record
  }
}
