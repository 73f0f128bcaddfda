import {
  ConnectionService,
  injectable,
  MediationDenyMessage,
  MediationRepository,
  MediationRole,
  MediationState,
  MediatorApi,
  MessageSender,
  OutboundMessageContext,
  OutOfBandApi,
  MediationRequestMessage,
  MediatorService,
  type AgentContext,
  type MediationRecord,
  type DependencyManager,
} from '@credo-ts/core'

// Credo 0.5.19 does not export the type from its package root; it is the parameter of this method.
type MessageHandlerMiddleware = Parameters<DependencyManager['registerMessageHandlerMiddleware']>[0]

import { CustosError } from '../../../../shared/errors'

// Marks a one-time invitation the person made for one of their devices; mediation is granted only to the
// connection that came through such an invitation, or to a request the person approved.
export const DEVICE_INVITATION_TAG = 'custosMediationDevice'

/** Who gets mediation: never whoever has a link, as Credo's auto-accept would allow (an open relay). */
@injectable()
export class MediationGrantService {
  /**
   * Runs around Credo's handling of each inbound message: after Credo stored a mediation request (its own
   * auto-accept is off), grant it when a device invitation covers it, as the answer on the same session
   * (a device without an endpoint of its own can be reached in no other way yet). Otherwise it waits.
   */
  middleware(servesAsMediator: boolean): MessageHandlerMiddleware {
    return async (messageContext, next) => {
      await next()
      if (!(messageContext.message instanceof MediationRequestMessage) || messageContext.responseMessage) return
      const { agentContext } = messageContext
      const record = await agentContext.dependencyManager
        .resolve(MediationRepository)
        .findSingleByQuery(agentContext, { threadId: messageContext.message.threadId, role: MediationRole.Mediator })
      if (!record || record.state !== MediationState.Requested) return
      if (!servesAsMediator) return this.deny(agentContext, record.id)
      if (!(await this.cameThroughDeviceInvitation(agentContext, record))) return
      const { message, mediationRecord } = await agentContext.dependencyManager
        .resolve(MediatorService)
        .createGrantMediationMessage(agentContext, record)
      messageContext.responseMessage = new OutboundMessageContext(message, {
        agentContext,
        connection: messageContext.assertReadyConnection(),
        associatedRecord: mediationRecord,
      })
    }
  }

  async pending(agentContext: AgentContext): Promise<MediationRecord[]> {
    return agentContext.dependencyManager
      .resolve(MediationRepository)
      .findByQuery(agentContext, { role: MediationRole.Mediator, state: MediationState.Requested })
  }

  async grant(agentContext: AgentContext, id: string): Promise<MediationRecord> {
    await this.getPending(agentContext, id)
    return agentContext.dependencyManager.resolve(MediatorApi).grantRequestedMediation(id)
  }

  async deny(agentContext: AgentContext, id: string): Promise<void> {
    const record = await this.getPending(agentContext, id)
    record.state = MediationState.Denied
    await agentContext.dependencyManager.resolve(MediationRepository).update(agentContext, record)
    const connection = await agentContext.dependencyManager
      .resolve(ConnectionService)
      .getById(agentContext, record.connectionId)
    const message = new MediationDenyMessage({ id: record.threadId })
    message.setThread({ threadId: record.threadId })
    await agentContext.dependencyManager
      .resolve(MessageSender)
      .sendMessage(new OutboundMessageContext(message, { agentContext, connection, associatedRecord: record }))
  }

  private async cameThroughDeviceInvitation(agentContext: AgentContext, record: MediationRecord): Promise<boolean> {
    const connection = await agentContext.dependencyManager
      .resolve(ConnectionService)
      .findById(agentContext, record.connectionId)
    const invitation = connection?.outOfBandId
      ? await agentContext.dependencyManager.resolve(OutOfBandApi).findById(connection.outOfBandId)
      : null
    return invitation?.getTag(DEVICE_INVITATION_TAG) === true
  }

  private async getPending(agentContext: AgentContext, id: string): Promise<MediationRecord> {
    const record = await agentContext.dependencyManager.resolve(MediationRepository).findById(agentContext, id)
    if (!record || record.role !== MediationRole.Mediator || record.state !== MediationState.Requested) {
      throw new CustosError('NotFound', `There is no waiting mediation request ${id}.`)
    }
    return record
  }
}
