import { inject, injectable, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionService,
  DidCommMediationRepository,
  DidCommMediationRole,
  DidCommMediationState,
  type DidCommMediationRecord,
} from '@credo-ts/didcomm'

import type { MediatedRecipient, MediationRequestSummary } from '../../../../shared/api'
import { CustosError } from '../../../../shared/errors'
import {
  PostgresMessagePickupRepository,
  StorageMessagePickupRepository,
  PICKUP_QUEUE,
  type PickupQueue,
} from './queue'

/** The mediator side: the nodes this node holds messages for, as the person sees and manages them. */
@injectable()
export class MediatedNodesService {
  constructor(
    @inject(DidCommMediationRepository) private readonly mediations: DidCommMediationRepository,
    @inject(DidCommConnectionService) private readonly connections: DidCommConnectionService,
  ) {}

  async list(agentContext: AgentContext): Promise<MediatedRecipient[]> {
    const mediations = await this.mediations.findByQuery(agentContext, {
      role: DidCommMediationRole.Mediator,
      state: DidCommMediationState.Granted,
    })
    const queue = heldQueue(agentContext)
    const recipients: MediatedRecipient[] = []
    for (const mediation of mediations.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const connection = await this.connections.findById(agentContext, mediation.connectionId)
      // Messages handed out but not yet acknowledged are included.
      const queued = (await queue?.countHeld(mediation.connectionId)) ?? 0
      recipients.push({
        id: mediation.id,
        connectionId: mediation.connectionId,
        label: connection?.theirLabel,
        recipientKeyCount: mediation.recipientKeys.length,
        queuedMessages: queued,
        since: mediation.createdAt.toISOString(),
      })
    }
    return recipients
  }

  async describeRequests(
    agentContext: AgentContext,
    records: DidCommMediationRecord[],
  ): Promise<MediationRequestSummary[]> {
    const summaries: MediationRequestSummary[] = []
    for (const record of records) {
      const connection = await this.connections.findById(agentContext, record.connectionId)
      summaries.push({
        id: record.id,
        connectionId: record.connectionId,
        label: connection?.theirLabel,
        requestedAt: record.createdAt.toISOString(),
      })
    }
    return summaries
  }

  /** What waits for one connection: how many and since when (ms), never what. */
  async waiting(agentContext: AgentContext, connectionId: string): Promise<{ count: number; oldestAt?: number }> {
    const queue = heldQueue(agentContext)
    if (!queue) return { count: 0 }
    const count = await queue.countHeld(connectionId)
    return count === 0 ? { count } : { count, oldestAt: await queue.oldestHeldAt(connectionId) }
  }

  /** Every mediation record this node keeps as mediator for a connection (granted, asked or denied). */
  async recordsOf(agentContext: AgentContext, connectionId: string): Promise<DidCommMediationRecord[]> {
    return this.mediations.findByQuery(agentContext, { connectionId, role: DidCommMediationRole.Mediator })
  }

  /**
   * Stops mediating for a node: its mediation record goes first, so nothing new is queued for it,
   * then its queue. The connection itself stays; the person removes that separately if they wish.
   */
  async remove(agentContext: AgentContext, id: string): Promise<{ removed: boolean; droppedMessages: number }> {
    const mediation = await this.mediations.findById(agentContext, id)
    if (!mediation || mediation.role !== DidCommMediationRole.Mediator) {
      throw new CustosError('NotFound', `This node does not mediate for ${id}.`)
    }
    await this.mediations.delete(agentContext, mediation)
    const droppedMessages = (await heldQueue(agentContext)?.removeAllForConnection(mediation.connectionId)) ?? 0
    return { removed: true, droppedMessages }
  }
}

// Either queue: the SQLite one answers at once, the PostgreSQL one with a promise; both are awaited.
function heldQueue(
  agentContext: AgentContext,
): StorageMessagePickupRepository | PostgresMessagePickupRepository | undefined {
  const pickup = agentContext.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
  return pickup instanceof StorageMessagePickupRepository || pickup instanceof PostgresMessagePickupRepository
    ? pickup
    : undefined
}
