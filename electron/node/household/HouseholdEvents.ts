import type { BaseEvent } from '@credo-ts/core'

export enum HouseholdEventTypes {
  MemberReachabilityChanged = 'CustosHouseholdMemberReachabilityChanged',
}

/** A member's node opened its first socket to this node, or closed its last: the Household screen asks again. */
export interface MemberReachabilityChangedEvent extends BaseEvent {
  type: HouseholdEventTypes.MemberReachabilityChanged
  payload: { connectionId: string; reachable: boolean }
}
