import type { BaseEvent } from '@credo-ts/core'

export enum CustosRequestEventTypes {
  RequestAnswered = 'CustosRequestAnswered',
}

/** Emitted after the answer to a proof request was sent (a presentation, or a problem report). */
export interface RequestAnsweredEvent extends BaseEvent {
  type: typeof CustosRequestEventTypes.RequestAnswered
  payload: {
    requestId: string
    decision: 'approved' | 'declined'
    credentialIds: string[]
    /** Per credential sent, the claims that left (an SD-JWT VC discloses only some of its own). */
    claimsLeft?: Record<string, string[]>
  }
}
