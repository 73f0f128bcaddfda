import { MediationRepository, MediatorPickupStrategy, type AgentContext, type MediationRecord } from '@credo-ts/core'

// Our choice, kept beside Credo's: Credo's field cannot say "implicit, run by us" (see storePickup).
const PICKUP_KEY = 'custosPickup'

/** How this node gets its messages from the mediator of this record. */
export function pickupOf(record: MediationRecord): MediatorPickupStrategy {
  const stored = record.metadata.get(PICKUP_KEY)?.strategy
  if (typeof stored === 'string' && (Object.values(MediatorPickupStrategy) as string[]).includes(stored))
    return stored as MediatorPickupStrategy
  // Records from before issue 10 were all made for Custos mediators, with live mode.
  return record.pickupStrategy ?? MediatorPickupStrategy.PickUpV2LiveMode
}

/**
 * Stores the choice. Credo reads the record's pickupStrategy on every start and runs it; implicit delivery
 * is ours to run instead (Credo's own sets return_route only for a node without an endpoint, and reopens
 * a socket that closes at once without one as fast as it can), so for it Credo is told None.
 */
export async function storePickup(
  agentContext: AgentContext,
  record: MediationRecord,
  strategy: MediatorPickupStrategy,
): Promise<void> {
  record.metadata.set(PICKUP_KEY, { strategy })
  record.pickupStrategy = strategy === MediatorPickupStrategy.Implicit ? MediatorPickupStrategy.None : strategy
  await agentContext.dependencyManager.resolve(MediationRepository).update(agentContext, record)
}
