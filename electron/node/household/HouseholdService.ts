import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommConnectionsApi, type DidCommConnectionRecord } from '@credo-ts/didcomm'

import type { HouseholdMember, HouseholdView } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { ConnectionsService, ROLE_TAG, roleOf, sendOnConnection } from '../connections'
import { MediatedNodesService, UpstreamMediatorService } from '../mediation'
import { HouseholdEventTypes, type MembershipEndedEvent } from './HouseholdEvents'
import { MemberPresence } from './presence'
import { HouseholdEndMessage } from './protocol'

const MEMBER_ROLE = 'household-member'
const iso = (ms?: number) => (ms === undefined ? undefined : new Date(ms).toISOString())

/**
 * A household: the always-on node mediates for the members' own nodes. A member is a connection this
 * node mediates for, or one the person gave the household role. Ending a membership, from either side,
 * is the end of that mediation at once, told to the other side with one message.
 */
@injectable()
export class HouseholdService {
  constructor(
    @inject(MediatedNodesService) private readonly mediated: MediatedNodesService,
    @inject(UpstreamMediatorService) private readonly upstream: UpstreamMediatorService,
    @inject(ConnectionsService) private readonly connections: ConnectionsService,
    @inject(MemberPresence) private readonly presence: MemberPresence,
  ) {}

  async view(agentContext: AgentContext): Promise<HouseholdView> {
    const status = await this.upstream.status(agentContext)
    const mediator = status.mediator?.state === 'granted' ? status.mediator : null
    return {
      isHouseholdNode: status.servesAsMediator,
      members: status.servesAsMediator ? await this.members(agentContext) : [],
      householdNode: mediator && { connectionId: mediator.connectionId, label: mediator.label, since: mediator.since },
    }
  }

  /** Ends a member's membership on the household node: its grant, its routing keys and its queue go now. */
  async remove(
    agentContext: AgentContext,
    connectionId: string,
  ): Promise<{ removed: boolean; droppedMessages: number }> {
    const connection = await agentContext.dependencyManager.resolve(DidCommConnectionsApi).findById(connectionId)
    const records = connection ? await this.mediated.recordsOf(agentContext, connectionId) : []
    if (!connection || (records.length === 0 && roleOf(connection) !== MEMBER_ROLE)) {
      throw new CustosError('NotFound', 'That connection is not a member of this household; nothing was changed.')
    }
    const droppedMessages = await this.endOnHouseholdSide(agentContext, connection)
    // After the queue went: a member whose node sleeps finds this at its next pickup, the only thing left.
    await this.tell(agentContext, connectionId)
    return { removed: true, droppedMessages }
  }

  /** Leaves the household on a member's node: pickup stops now, then the household node is told. */
  async leave(agentContext: AgentContext): Promise<{ left: boolean; householdTold: boolean }> {
    const connectionId = await this.upstream.stopUsing(agentContext)
    if (!connectionId) throw new CustosError('NotFound', 'This node does not belong to a household.')
    membershipEnded(agentContext, connectionId)
    return { left: true, householdTold: await this.tell(agentContext, connectionId) }
  }

  /** The other side ended the membership: as a member, stop using it; as the household node, drop it. */
  async ended(agentContext: AgentContext, connection: DidCommConnectionRecord): Promise<void> {
    if (await this.upstream.stopUsing(agentContext, connection.id)) return membershipEnded(agentContext, connection.id)
    const records = await this.mediated.recordsOf(agentContext, connection.id)
    if (records.length > 0 || roleOf(connection) === MEMBER_ROLE)
      await this.endOnHouseholdSide(agentContext, connection)
  }

  private async endOnHouseholdSide(agentContext: AgentContext, connection: DidCommConnectionRecord): Promise<number> {
    let dropped = 0
    for (const record of await this.mediated.recordsOf(agentContext, connection.id)) {
      dropped += (await this.mediated.remove(agentContext, record.id)).droppedMessages
    }
    if (roleOf(connection) === MEMBER_ROLE) await this.connections.setRole(agentContext, connection.id, 'unassigned')
    return dropped
  }

  private async tell(agentContext: AgentContext, connectionId: string): Promise<boolean> {
    try {
      await sendOnConnection(agentContext, connectionId, new HouseholdEndMessage({}))
      return true
    } catch (error) {
      agentContext.config.logger.warn('the other node could not be told that the membership ended', { error })
      return false
    }
  }

  private async members(agentContext: AgentContext): Promise<HouseholdMember[]> {
    const connections = agentContext.dependencyManager.resolve(DidCommConnectionsApi)
    const granted = await this.mediated.list(agentContext)
    const tagged = await connections.findAllByQuery({ [ROLE_TAG]: MEMBER_ROLE })
    const rows = [
      ...granted.map((g) => ({ connectionId: g.connectionId, label: g.label, mediated: true, since: g.since })),
      ...tagged
        .filter((c) => !granted.some((g) => g.connectionId === c.id))
        .map((c) => ({ connectionId: c.id, label: c.theirLabel, mediated: false, since: c.createdAt.toISOString() })),
    ]
    const members: HouseholdMember[] = []
    for (const row of rows) {
      const presence = this.presence.of(row.connectionId)
      const waiting = await this.mediated.waiting(agentContext, row.connectionId)
      members.push({
        connectionId: row.connectionId,
        label: row.label,
        mediated: row.mediated,
        memberSince: row.since,
        reachable: presence.reachable,
        reachableSince: iso(presence.reachableSince),
        lastSeenAt: iso(presence.lastSeenAt),
        waiting: { count: waiting.count, oldestAt: iso(waiting.oldestAt) },
      })
    }
    return members
  }
}

function membershipEnded(agentContext: AgentContext, householdConnectionId: string): void {
  agentContext.dependencyManager.resolve(EventEmitter).emit<MembershipEndedEvent>(agentContext, {
    type: HouseholdEventTypes.MembershipEnded,
    payload: { householdConnectionId },
  })
}
