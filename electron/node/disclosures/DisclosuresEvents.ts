import type { BaseEvent } from '@credo-ts/core'

import type { Disclosure } from '../../../shared/api'

export enum DisclosureEventTypes {
  DisclosureChanged = 'CustosDisclosureChanged',
}

/**
 * Emitted after a disclosure was recorded (pending, before its answer leaves), its delivery settled (sent,
 * not sent), revoked, its deletion requested, or a notice recorded against it.
 */
export interface DisclosureChangedEvent extends BaseEvent {
  type: typeof DisclosureEventTypes.DisclosureChanged
  payload: { disclosure: Disclosure; change: 'recorded' | 'delivery' | 'revoked' | 'deletion-requested' | 'notice' }
}
