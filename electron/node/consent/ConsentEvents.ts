import type { BaseEvent } from '@credo-ts/core'

import type { ConsentEvaluation, ConsentPolicy } from '../../../shared/api'

export enum ConsentEventTypes {
  PolicyChanged = 'CustosConsentPolicyChanged',
  RequestEvaluated = 'CustosConsentRequestEvaluated',
}

/** Emitted after a policy was created, edited, paused, resumed or revoked. */
export interface PolicyChangedEvent extends BaseEvent {
  type: typeof ConsentEventTypes.PolicyChanged
  payload: { policy: ConsentPolicy; change: 'created' | 'edited' | 'paused' | 'resumed' | 'revoked' }
}

/** Emitted after a request's evaluation was recorded and acted on (shared, refused, or left waiting). */
export interface RequestEvaluatedEvent extends BaseEvent {
  type: typeof ConsentEventTypes.RequestEvaluated
  payload: { evaluation: ConsentEvaluation; acted: 'shared' | 'refused' | 'waiting' | 'failed' }
}
