import { injectable, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionRepository,
  DidCommConnectionsApi,
  DidCommHandshakeProtocol,
  DidCommModuleConfig,
  DidCommOutOfBandApi,
  DidCommOutOfBandRepository,
  DidCommOutOfBandRole,
  type DidCommConnectionRecord,
  type DidCommOutOfBandRecord,
} from '@credo-ts/didcomm'

import type { ConnectionRole, ConnectionSummary, CreatedInvitation } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { ROLE_TAG, toConnectionSummary } from './connectionRole'
import { DEEP_LINK_BASE, parseInvitationUrl } from './invitationUrl'
import { withFirstServiceOnly } from './singleService'
import { withPeerErrors } from '../platform'

const STANDING_TAG = 'custosStanding'

export interface CreateInvitationOptions {
  label?: string
  multiUse?: boolean
  /** A tag set on the invitation's record before anyone can use it (what the invitation is for). */
  purposeTag?: string
}

/** The name other agents see in this node's invitations and requests (Credo 0.6 asks for it per call). */
export class NodeLabel {
  constructor(readonly label: string) {}
}

export function nodeLabel(agentContext: AgentContext): string {
  return agentContext.dependencyManager.resolve(NodeLabel).label
}

/** The endpoints other agents reach this node at (set by the inbound transport once it listens). */
export function nodeEndpoints(agentContext: AgentContext): string[] {
  return agentContext.dependencyManager.resolve(DidCommModuleConfig).endpoints
}

/** Connections over out-of-band invitations and DID exchange. Stateless: all state is in the context. */
@injectable()
export class ConnectionsService {
  async createInvitation(
    agentContext: AgentContext,
    options: CreateInvitationOptions = {},
  ): Promise<CreatedInvitation> {
    const record = await oob(agentContext).createInvitation({
      label: options.label ?? nodeLabel(agentContext),
      multiUseInvitation: options.multiUse ?? false,
      handshakeProtocols: [DidCommHandshakeProtocol.DidExchange],
      autoAcceptConnection: true,
    })
    if (options.purposeTag) {
      record.setTag(options.purposeTag, true)
      await agentContext.dependencyManager.resolve(DidCommOutOfBandRepository).update(agentContext, record)
    }
    return this.describe(agentContext, record)
  }

  private describe(agentContext: AgentContext, record: DidCommOutOfBandRecord): CreatedInvitation {
    // The web form points at the node's own HTTP endpoint when it has one, so the link names where it leads.
    const domain = nodeEndpoints(agentContext).find((endpoint) => endpoint.startsWith('http')) ?? DEEP_LINK_BASE
    const invitation = withFirstServiceOnly(record.outOfBandInvitation)
    const url = invitation.toUrl({ domain })
    return {
      id: record.id,
      url,
      deepLink: invitation.toUrl({ domain: DEEP_LINK_BASE }),
      qrData: url,
      multiUse: record.reusable,
    }
  }

  /**
   * A multi-use invitation that stays valid while the node keeps its endpoints, for a node that
   * announces itself (headless mode, a household mediator). Reused across restarts so the store
   * does not gain an invitation per start; made anew when the endpoints moved.
   */
  async standingInvitation(agentContext: AgentContext): Promise<CreatedInvitation> {
    const endpoints = new Set(nodeEndpoints(agentContext))
    const created = await oob(agentContext).findAllByQuery({ role: DidCommOutOfBandRole.Sender })
    const current = created.find(
      (record) =>
        record.reusable &&
        record.getTag(STANDING_TAG) === true &&
        record.outOfBandInvitation.getInlineServices().every((service) => endpoints.has(service.serviceEndpoint)),
    )
    if (current) return this.describe(agentContext, current)
    return this.createInvitation(agentContext, { multiUse: true, purposeTag: STANDING_TAG })
  }

  async acceptInvitation(agentContext: AgentContext, url: string): Promise<ConnectionSummary> {
    const invitation = parseInvitationUrl(url)
    if (await oob(agentContext).findByCreatedInvitationId(invitation.id)) {
      throw new InvalidInputError('This is an invitation this node made itself; send it to the other side instead.')
    }
    if (invitation.handshakeProtocols === undefined || invitation.handshakeProtocols.length === 0) {
      throw new InvalidInputError('This invitation does not offer a connection.')
    }
    // Accepting the same link twice answers with the connection it already made.
    const received = await oob(agentContext).findByReceivedInvitationId(invitation.id)
    if (received) {
      const [existing] = await connections(agentContext).findAllByOutOfBandId(received.id)
      if (existing) return toConnectionSummary(existing)
      await oob(agentContext).deleteById(received.id)
    }
    const { connectionRecord } = await withPeerErrors('inviting node', 'This invitation cannot be accepted', () =>
      oob(agentContext).receiveInvitation(invitation, {
        label: nodeLabel(agentContext),
        autoAcceptInvitation: true,
        autoAcceptConnection: true,
        reuseConnection: true,
      }),
    )
    if (!connectionRecord) throw new InvalidInputError('This invitation did not lead to a connection.')
    return toConnectionSummary(connectionRecord)
  }

  async list(agentContext: AgentContext): Promise<ConnectionSummary[]> {
    const records = await connections(agentContext).getAll()
    return records
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((record) => toConnectionSummary(record))
  }

  async setRole(agentContext: AgentContext, id: string, role: ConnectionRole): Promise<ConnectionSummary> {
    const record = await this.getOrNotFound(agentContext, id)
    record.setTag(ROLE_TAG, role)
    await agentContext.dependencyManager.resolve(DidCommConnectionRepository).update(agentContext, record)
    return toConnectionSummary(record)
  }

  async remove(agentContext: AgentContext, id: string): Promise<boolean> {
    const record = await connections(agentContext).findById(id)
    if (!record) return false
    await connections(agentContext).deleteById(id)
    await this.removeSpentInvitation(agentContext, record)
    return true
  }

  // A received or single-use invitation has no use without its connection; a multi-use one we made still does.
  private async removeSpentInvitation(agentContext: AgentContext, record: DidCommConnectionRecord): Promise<void> {
    if (!record.outOfBandId) return
    const invitation = await oob(agentContext).findById(record.outOfBandId)
    if (!invitation || (invitation.role === DidCommOutOfBandRole.Sender && invitation.reusable)) return
    if ((await connections(agentContext).findAllByOutOfBandId(invitation.id)).length > 0) return
    await oob(agentContext).deleteById(invitation.id)
  }

  private async getOrNotFound(agentContext: AgentContext, id: string): Promise<DidCommConnectionRecord> {
    const record = await connections(agentContext).findById(id)
    if (!record) throw new CustosError('NotFound', `No connection with id ${id}.`)
    return record
  }
}

// Credo's Apis are scoped to the context they were resolved from, so they are looked up per call.
function oob(agentContext: AgentContext): DidCommOutOfBandApi {
  return agentContext.dependencyManager.resolve(DidCommOutOfBandApi)
}

function connections(agentContext: AgentContext): DidCommConnectionsApi {
  return agentContext.dependencyManager.resolve(DidCommConnectionsApi)
}
