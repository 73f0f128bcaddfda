import {
  ConnectionRepository,
  HandshakeProtocol,
  OutOfBandRepository,
  OutOfBandRole,
  type Agent,
  type ConnectionRecord,
  type OutOfBandRecord,
} from '@credo-ts/core'

import type { ConnectionRole, ConnectionSummary, CreatedInvitation } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { ROLE_TAG, toConnectionSummary } from './connectionRole'
import { DEEP_LINK_BASE, parseInvitationUrl } from './invitationUrl'
import { withPeerErrors } from './peerErrors'

const STANDING_TAG = 'custosStanding'

export interface CreateInvitationOptions {
  label?: string
  multiUse?: boolean
}

/** Connections over out-of-band invitations and DID exchange. Stateless: the unlocked agent is passed in. */
export class ConnectionsService {
  async createInvitation(agent: Agent, options: CreateInvitationOptions = {}): Promise<CreatedInvitation> {
    const record = await agent.oob.createInvitation({
      label: options.label,
      multiUseInvitation: options.multiUse ?? false,
      handshakeProtocols: [HandshakeProtocol.DidExchange],
      autoAcceptConnection: true,
    })
    return this.describe(agent, record)
  }

  private describe(agent: Agent, record: OutOfBandRecord): CreatedInvitation {
    // The web form points at the node's own HTTP endpoint when it has one, so the link names where it leads.
    const domain = agent.config.endpoints.find((endpoint) => endpoint.startsWith('http')) ?? DEEP_LINK_BASE
    const url = record.outOfBandInvitation.toUrl({ domain })
    return {
      id: record.id,
      url,
      deepLink: record.outOfBandInvitation.toUrl({ domain: DEEP_LINK_BASE }),
      qrData: url,
      multiUse: record.reusable,
    }
  }

  /**
   * A multi-use invitation that stays valid while the node keeps its endpoints, for a node that
   * announces itself (headless mode, a household mediator). Reused across restarts so the store
   * does not gain an invitation per start; made anew when the endpoints moved.
   */
  async standingInvitation(agent: Agent): Promise<CreatedInvitation> {
    const endpoints = new Set(agent.config.endpoints)
    const created = await agent.oob.findAllByQuery({ role: OutOfBandRole.Sender })
    const current = created.find(
      (record) =>
        record.reusable &&
        record.getTag(STANDING_TAG) === true &&
        record.outOfBandInvitation.getInlineServices().every((service) => endpoints.has(service.serviceEndpoint)),
    )
    if (current) return this.describe(agent, current)
    const made = await this.createInvitation(agent, { multiUse: true })
    const record = await agent.oob.getById(made.id)
    record.setTag(STANDING_TAG, true)
    await agent.dependencyManager.resolve(OutOfBandRepository).update(agent.context, record)
    return made
  }

  async acceptInvitation(agent: Agent, url: string): Promise<ConnectionSummary> {
    const invitation = parseInvitationUrl(url)
    if (await agent.oob.findByCreatedInvitationId(invitation.id)) {
      throw new InvalidInputError('This is an invitation this node made itself; send it to the other side instead.')
    }
    if (invitation.handshakeProtocols === undefined || invitation.handshakeProtocols.length === 0) {
      throw new InvalidInputError('This invitation does not offer a connection.')
    }
    // Accepting the same link twice answers with the connection it already made.
    const received = await agent.oob.findByReceivedInvitationId(invitation.id)
    if (received) {
      const [existing] = await agent.connections.findAllByOutOfBandId(received.id)
      if (existing) return toConnectionSummary(existing)
      await agent.oob.deleteById(received.id)
    }
    const { connectionRecord } = await withPeerErrors('inviting node', 'This invitation cannot be accepted', () =>
      agent.oob.receiveInvitation(invitation, {
        autoAcceptInvitation: true,
        autoAcceptConnection: true,
        reuseConnection: true,
      }),
    )
    if (!connectionRecord) throw new InvalidInputError('This invitation did not lead to a connection.')
    return toConnectionSummary(connectionRecord)
  }

  async list(agent: Agent): Promise<ConnectionSummary[]> {
    const records = await agent.connections.getAll()
    return records
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((record) => toConnectionSummary(record))
  }

  async setRole(agent: Agent, id: string, role: ConnectionRole): Promise<ConnectionSummary> {
    const record = await this.getOrNotFound(agent, id)
    record.setTag(ROLE_TAG, role)
    await agent.dependencyManager.resolve(ConnectionRepository).update(agent.context, record)
    return toConnectionSummary(record)
  }

  async remove(agent: Agent, id: string): Promise<boolean> {
    const record = await agent.connections.findById(id)
    if (!record) return false
    await agent.connections.deleteById(id)
    await this.removeSpentInvitation(agent, record)
    return true
  }

  // A received or single-use invitation has no use without its connection; a multi-use one we made still does.
  private async removeSpentInvitation(agent: Agent, record: ConnectionRecord): Promise<void> {
    if (!record.outOfBandId) return
    const oob = await agent.oob.findById(record.outOfBandId)
    if (!oob || (oob.role === OutOfBandRole.Sender && oob.reusable)) return
    if ((await agent.connections.findAllByOutOfBandId(oob.id)).length > 0) return
    await agent.oob.deleteById(oob.id)
  }

  private async getOrNotFound(agent: Agent, id: string): Promise<ConnectionRecord> {
    const record = await agent.connections.findById(id)
    if (!record) throw new CustosError('NotFound', `No connection with id ${id}.`)
    return record
  }
}
