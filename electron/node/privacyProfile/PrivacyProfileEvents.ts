import type { BaseEvent } from '@credo-ts/core'

export enum PrivacyProfileEventTypes {
  PrivacyProfileChanged = 'CustosPrivacyProfileChanged',
}

/** Emitted after a new version of the profile is saved: waiting requests' positions may have changed. */
export interface PrivacyProfileChangedEvent extends BaseEvent {
  type: PrivacyProfileEventTypes.PrivacyProfileChanged
  payload: { version: number }
}
