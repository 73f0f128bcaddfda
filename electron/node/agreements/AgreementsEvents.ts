import type { BaseEvent } from '@credo-ts/core'

import type { AgreementState } from '../../../shared/api'

export enum AgreementEventTypes {
  AgreementChanged = 'CustosAgreementChanged',
}

/** Emitted after an agreement's new state is saved, whichever side moved it. */
export interface AgreementChangedEvent extends BaseEvent {
  type: AgreementEventTypes.AgreementChanged
  payload: { id: string; state: AgreementState }
}
