import type { BaseEvent } from '@credo-ts/core'

export enum TrustListEventTypes {
  TrustListsChanged = 'CustosTrustListsChanged',
}

/** Emitted after a list was imported or removed. */
export interface TrustListsChangedEvent extends BaseEvent {
  type: typeof TrustListEventTypes.TrustListsChanged
  payload: Record<string, never>
}
