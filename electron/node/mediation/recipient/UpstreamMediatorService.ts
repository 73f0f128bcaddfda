import { injectable, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionsApi,
  DidCommConnectionType,
  DidCommMediationRecipientApi,
  DidCommMediationRepository,
  DidCommMediationState,
  DidCommOutOfBandApi,
  type DidCommMediationRecord,
  type DidCommOutOfBandInvitation,
} from '@credo-ts/didcomm'

import type { MediationStatus, MediatorSummary } from '../../../../shared/api'
import { InvalidInputError } from '../../../../shared/errors'
import { nodeLabel, parseInvitationUrl } from '../../connections'
import { withPeerErrors } from '../../platform'
import { MediationModuleConfig } from '../MediationModuleConfig'
import { choosePickup } from './choosePickup'
import { stopImplicitDelivery } from './implicitDelivery'
import { pickupOf, storePickup } from './pickupRecord'
import { startPickup } from './startPickup'

const UNUSABLE = 'This invitation cannot be used for mediation'

export interface UseMediatorOptions {
  /** How long to wait for the connection and for the grant. */
  timeoutMs?: number
}

/**
 * The recipient side: which mediator this node is reachable through. Credo's default mediator
 * record is the persisted choice; on every start Credo reconnects to it and picks messages up.
 */
@injectable()
export class UpstreamMediatorService {
  async status(agentContext: AgentContext): Promise<MediationStatus> {
    const recipient = agentContext.dependencyManager.resolve(DidCommMediationRecipientApi)
    const record = await recipient.findDefaultMediator()
    return {
      servesAsMediator: agentContext.dependencyManager.resolve(MediationModuleConfig).servesAsMediator,
      mediator: record ? await this.summarize(agentContext, record) : null,
    }
  }

  async useMediator(
    agentContext: AgentContext,
    invitationUrl: string,
    options: UseMediatorOptions = {},
  ): Promise<MediationStatus> {
    const timeoutMs = options.timeoutMs ?? 20_000
    const recipient = agentContext.dependencyManager.resolve(DidCommMediationRecipientApi)
    const invitation = parseInvitationUrl(invitationUrl)
    const connection = await this.connect(agentContext, invitation, timeoutMs)
    let mediation = await recipient.findByConnectionId(connection.id)
    if (mediation && mediation.state !== DidCommMediationState.Granted) {
      // A request that was denied or never answered: ask again rather than keep a dead record.
      await agentContext.dependencyManager.resolve(DidCommMediationRepository).delete(agentContext, mediation)
      mediation = null
    }
    if (!mediation) {
      mediation = await withPeerErrors(`mediator of invitation ${invitation.id}`, UNUSABLE, () =>
        recipient.requestAndAwaitGrant(connection, timeoutMs),
      )
    }
    await recipient.setDefaultMediator(mediation)
    // A previous mediator's pickup loop and socket monitor would otherwise keep running.
    await recipient.stopMessagePickup()
    stopImplicitDelivery(agentContext)
    const strategy = await choosePickup(agentContext, mediation)
    await storePickup(agentContext, mediation, strategy)
    startPickup(agentContext, mediation, strategy)
    return this.status(agentContext)
  }

  /**
   * Stops using the mediator at once: no more pickup, no socket kept for it, and its record goes, so
   * nothing new is routed through it and a restart does not pick up there again. The connection stays.
   * Returns the connection it was on, or null when there was none (or it was not on `connectionId`).
   */
  async stopUsing(agentContext: AgentContext, connectionId?: string): Promise<string | null> {
    const recipient = agentContext.dependencyManager.resolve(DidCommMediationRecipientApi)
    const record = await recipient.findDefaultMediator()
    if (!record || (connectionId !== undefined && record.connectionId !== connectionId)) return null
    await recipient.stopMessagePickup()
    stopImplicitDelivery(agentContext)
    await agentContext.dependencyManager.resolve(DidCommMediationRepository).delete(agentContext, record)
    // Credo marked the connection as its mediator's; the Connections screen would still say so.
    const connections = agentContext.dependencyManager.resolve(DidCommConnectionsApi)
    if (await connections.findById(record.connectionId))
      await connections.removeConnectionType(record.connectionId, DidCommConnectionType.Mediator)
    return record.connectionId
  }

  private async connect(agentContext: AgentContext, invitation: DidCommOutOfBandInvitation, timeoutMs: number) {
    const oob = agentContext.dependencyManager.resolve(DidCommOutOfBandApi)
    const connections = agentContext.dependencyManager.resolve(DidCommConnectionsApi)
    const received = await oob.findByReceivedInvitationId(invitation.id)
    if (received) {
      const [existing] = await connections.findAllByOutOfBandId(received.id)
      if (existing?.isReady) return existing
      // A request that never got an answer (mediator was off) would wait forever; start over instead.
      if (existing) await connections.deleteById(existing.id)
      await oob.deleteById(received.id)
    }
    // Our side of this connection must not itself be routed through the mediator we replace.
    const routing = await agentContext.dependencyManager
      .resolve(DidCommMediationRecipientApi)
      .getRouting({ useDefaultMediator: false })
    const { connectionRecord } = await withPeerErrors('mediator', UNUSABLE, () =>
      oob.receiveInvitation(invitation, {
        label: nodeLabel(agentContext),
        routing,
        autoAcceptConnection: true,
        autoAcceptInvitation: true,
      }),
    )
    if (!connectionRecord) throw new InvalidInputError('This invitation does not offer a connection.')
    if (connectionRecord.isReady) return connectionRecord
    const id = connectionRecord.id
    return withPeerErrors('mediator', UNUSABLE, () => connections.returnWhenIsConnected(id, { timeoutMs }))
  }

  private async summarize(agentContext: AgentContext, record: DidCommMediationRecord): Promise<MediatorSummary> {
    const connection = await agentContext.dependencyManager.resolve(DidCommConnectionsApi).findById(record.connectionId)
    return {
      id: record.id,
      connectionId: record.connectionId,
      label: connection?.theirLabel,
      state: record.state,
      endpoint: record.endpoint,
      routingKeyCount: record.routingKeys.length,
      pickupStrategy: pickupOf(record),
      since: record.createdAt.toISOString(),
    }
  }
}
