import { type AgentContext } from '@credo-ts/core'
import {
  DidCommMediationRepository,
  DidCommMediatorPickupStrategy,
  type DidCommMediationRecord,
} from '@credo-ts/didcomm'

// Our choice, kept beside Credo's: Credo's field cannot say "implicit, run by us" (see storePickup).
const PICKUP_KEY = 'custosPickup'

/** How this node gets its messages from the mediator of this record. */
export function pickupOf(record: DidCommMediationRecord): DidCommMediatorPickupStrategy {
  const stored = record.metadata.get(PICKUP_KEY)?.strategy
  if (typeof stored === 'string' && (Object.values(DidCommMediatorPickupStrategy) as string[]).includes(stored))
    return stored as DidCommMediatorPickupStrategy
  // Records from before issue 10 were all made for Custos mediators, with live mode.
  return record.pickupStrategy ?? DidCommMediatorPickupStrategy.PickUpV2LiveMode
}

/**
 * Stores the choice. Credo reads the record's pickupStrategy on every start and runs it; implicit delivery
 * is ours to run instead (Credo's own sets return_route only for a node without an endpoint, and reopens
 * a socket that closes at once without one as fast as it can), so for it Credo is told None.
 */
export async function storePickup(
  agentContext: AgentContext,
  record: DidCommMediationRecord,
  strategy: DidCommMediatorPickupStrategy,
): Promise<void> {
  record.metadata.set(PICKUP_KEY, { strategy })
  record.pickupStrategy =
    strategy === DidCommMediatorPickupStrategy.Implicit ? DidCommMediatorPickupStrategy.None : strategy
  await agentContext.dependencyManager.resolve(DidCommMediationRepository).update(agentContext, record)
}
