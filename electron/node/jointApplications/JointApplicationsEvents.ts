import type { BaseEvent } from '@credo-ts/core'

import type { JointApplicationRole, JointApplicationState } from '../../../shared/api'

export enum JointApplicationEventTypes {
  JointApplicationChanged = 'CustosJointApplicationChanged',
}

/** Emitted after a joint application's record was saved in a new state. */
export interface JointApplicationChangedEvent extends BaseEvent {
  type: JointApplicationEventTypes.JointApplicationChanged
  payload: { id: string; applicationId: string; role: JointApplicationRole; state: JointApplicationState }
}
