import type { BaseEvent } from '@credo-ts/core'

import type { HeldCredential } from '../../../shared/api'
import type { CustosErrorCode } from '../../../shared/errors'

export enum CustosCredentialEventTypes {
  CredentialStored = 'CustosCredentialStored',
  CredentialRefused = 'CustosCredentialRefused',
}

/** Emitted after an issued credential was verified and saved with its provenance. */
export interface CredentialStoredEvent extends BaseEvent {
  type: typeof CustosCredentialEventTypes.CredentialStored
  payload: { exchangeId: string; credential: HeldCredential }
}

/** Emitted when an offer or a credential was refused; nothing was stored, the issuer got a problem report. */
export interface CredentialRefusedEvent extends BaseEvent {
  type: typeof CustosCredentialEventTypes.CredentialRefused
  payload: { exchangeId: string; connectionId?: string; reason: string; code?: CustosErrorCode }
}
