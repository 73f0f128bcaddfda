import { type AgentContext } from '@credo-ts/core'
import {
  DidCommMediationRepository,
  DidCommMediationRole,
  type DidCommMediationRecord,
  type DidCommMessageHandlerMiddleware,
} from '@credo-ts/didcomm'

import type { DirectDeliveryState } from './DirectDeliveryState'

type MessageHandlerMiddleware = DidCommMessageHandlerMiddleware

/**
 * Metadata on the mediation record of a recipient that asked us for its messages by pickup at least once
 * (metadata, not a tag: Credo types a mediation record's custom tags as `default` only).
 */
export const COLLECTS_KEY = 'custosCollectsByPickup'

const collects = (record: DidCommMediationRecord) => record.metadata.get(COLLECTS_KEY) !== null

// What a recipient sends when it collects: pickup v1 (RFC 0212) and v2 (RFC 0685), whatever the prefix.
const PICKUP_REQUEST =
  /messagepickup\/(1\.0\/batch-pickup|2\.0\/(status-request|delivery-request|live-delivery-change|messages-received))$/

function mediationOf(agentContext: AgentContext, connectionId: string): Promise<DidCommMediationRecord | null> {
  return agentContext.dependencyManager
    .resolve(DidCommMediationRepository)
    .findSingleByQuery(agentContext, { connectionId, role: DidCommMediationRole.Mediator })
}

/**
 * Marks a recipient that collects by pickup, once: its messages then wait in the queue for it while it has
 * no live session (a laptop asleep or locked), and are not pushed to the endpoint its DID document names.
 */
export function markCollectors(state: DirectDeliveryState): MessageHandlerMiddleware {
  return async (messageContext, next) => {
    const connectionId = messageContext.connection?.id
    if (connectionId && state.collects.get(connectionId) !== true && PICKUP_REQUEST.test(messageContext.message.type)) {
      const { agentContext } = messageContext
      const record = await mediationOf(agentContext, connectionId)
      if (record && !collects(record)) {
        record.metadata.set(COLLECTS_KEY, { since: new Date().toISOString() })
        await agentContext.dependencyManager.resolve(DidCommMediationRepository).update(agentContext, record)
      }
      if (record) state.collects.set(connectionId, true)
    }
    await next()
  }
}

/**
 * Whether messages queued for a connection are ours to push: it is a recipient we mediate for, and it has
 * never collected by pickup. Remembered per connection; a recipient that starts collecting is marked above.
 */
export async function pushedTo(agentContext: AgentContext, state: DirectDeliveryState, connectionId: string) {
  const known = state.collects.get(connectionId)
  if (known !== undefined) return !known
  const record = await mediationOf(agentContext, connectionId)
  if (!record) return false
  state.collects.set(connectionId, collects(record))
  return !collects(record)
}
