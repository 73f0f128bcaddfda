import type { BaseEvent } from '@credo-ts/core'

import type { SelfDeclaredItem } from '../../../shared/api'

export enum SelfDeclaredEventTypes {
  SelfDeclaredItemChanged = 'CustosSelfDeclaredItemChanged',
}

/** Emitted after an item was saved or removed; `item` is null after a removal. */
export interface SelfDeclaredItemChangedEvent extends BaseEvent {
  type: typeof SelfDeclaredEventTypes.SelfDeclaredItemChanged
  payload: { id: string; item: SelfDeclaredItem | null }
}
