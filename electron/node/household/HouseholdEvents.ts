import type { BaseEvent } from '@credo-ts/core'

export enum HouseholdEventTypes {
  MemberReachabilityChanged = 'CustosHouseholdMemberReachabilityChanged',
  MembershipEnded = 'CustosHouseholdMembershipEnded',
}

/** A member's node opened its first socket to this node, or closed its last: the Household screen asks again. */
export interface MemberReachabilityChangedEvent extends BaseEvent {
  type: HouseholdEventTypes.MemberReachabilityChanged
  payload: { connectionId: string; reachable: boolean }
}

/** This node is no longer a member of its household (it left, or was removed): what it delegated ends too. */
export interface MembershipEndedEvent extends BaseEvent {
  type: HouseholdEventTypes.MembershipEnded
  payload: { householdConnectionId: string }
}
