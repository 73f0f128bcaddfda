import type { BaseEvent } from '@credo-ts/core'

export enum MandateEventTypes {
  MandateChanged = 'CustosMandateChanged',
  MandateRefused = 'CustosMandateRefused',
  RequestConsidered = 'CustosMandateRequestConsidered',
}

/** A mandate was given, received or revoked, or one of its asks moved: the Household screen asks again. */
export interface MandateChangedEvent extends BaseEvent {
  type: MandateEventTypes.MandateChanged
  payload: { mandateId: string; askId?: string }
}

/** A mandate message was refused (here, or by the other node, whose sentence this carries); nothing was shared. */
export interface MandateRefusedEvent extends BaseEvent {
  type: MandateEventTypes.MandateRefused
  payload: { connectionId: string; threadId?: string; reason: string; by: 'this node' | 'the other node' }
}

/** A request waiting for the person was held against the live mandates: put under `mandateId`, or not put. */
export interface RequestConsideredEvent extends BaseEvent {
  type: MandateEventTypes.RequestConsidered
  payload: { requestId: string; mandateId?: string; askId?: string }
}
