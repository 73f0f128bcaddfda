// A household (issue 23, members): one always-on node mediates for the members' own nodes.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

/** What waits at the household node for one member: how many and since when, never what. */
export interface HouseholdWaiting {
  count: number
  /** When the oldest waiting message arrived; absent when nothing waits. */
  oldestAt?: string
}

/** A member's node as the household node sees it. */
export interface HouseholdMember {
  /** The connection to the member's node; remove takes this id. */
  connectionId: string
  label?: string
  /** Whether the household node holds messages for it (a granted mediation). */
  mediated: boolean
  memberSince: string
  /** An open socket from the member's node right now. */
  reachable: boolean
  /** Since when that socket is open (this run of the household node). */
  reachableSince?: string
  /** The last message from the member's node (this run of the household node). */
  lastSeenAt?: string
  waiting: HouseholdWaiting
}

/** The household node this node belongs to (its mediator), as a member sees it. */
export interface HouseholdNode {
  connectionId: string
  label?: string
  since: string
}

export interface HouseholdView {
  /** This node is the household's always-on node: it lists the members. */
  isHouseholdNode: boolean
  /** The members' nodes; filled on the household node only (a member does not see the others' queues). */
  members: HouseholdMember[]
  /** On a member's node: the household node it belongs to; null when it belongs to none. */
  householdNode: HouseholdNode | null
}

export const householdContract = {
  'household.members': method<HouseholdView>()(noInput),
  'household.remove': method<{ removed: boolean; droppedMessages: number }>()(
    z.object({ connectionId: idSchema }).strict(),
  ),
  'household.leave': method<{ left: boolean; householdTold: boolean }>()(noInput),
}
