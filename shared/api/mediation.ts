// Mediation both ways: the mediator this node is reachable through, and the nodes it mediates for.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { invitationUrlSchema, type CreatedInvitation } from './connections'
import { method } from './contract'

/** The mediator this node is reachable through (recipient side). */
export interface MediatorSummary {
  /** Credo's mediation record. */
  id: string
  connectionId: string
  label?: string
  /** requested, granted or denied. */
  state: string
  /** Where others send messages for this node, when granted. */
  endpoint?: string
  routingKeyCount: number
  pickupStrategy: string
  since: string
}

export interface MediationStatus {
  /** Whether this node grants mediation to other nodes (a household's always-on node). */
  servesAsMediator: boolean
  /** The mediator this node uses; null when it is reachable only at its own endpoint, if any. */
  mediator: MediatorSummary | null
}

/** A node this node mediates for (mediator side). */
export interface MediatedRecipient {
  /** Credo's mediation record; removeRecipient takes this id. */
  id: string
  connectionId: string
  label?: string
  recipientKeyCount: number
  /** Messages held for it, including those handed out but not yet acknowledged. */
  queuedMessages: number
  since: string
}

/** A node asking this one for mediation that no device invitation covers: the person decides. */
export interface MediationRequestSummary {
  id: string
  connectionId: string
  label?: string
  requestedAt: string
}

export const mediationContract = {
  'mediation.status': method<MediationStatus>()(noInput),
  'mediation.useMediator': method<MediationStatus>()(z.object({ invitationUrl: invitationUrlSchema }).strict()),
  'mediation.listRecipients': method<MediatedRecipient[]>()(noInput),
  'mediation.createDeviceInvitation': method<CreatedInvitation>()(noInput),
  'mediation.listRequests': method<MediationRequestSummary[]>()(noInput),
  'mediation.grant': method<{ granted: boolean }>()(z.object({ id: idSchema }).strict()),
  'mediation.deny': method<{ denied: boolean }>()(z.object({ id: idSchema }).strict()),
  'mediation.removeRecipient': method<{ removed: boolean; droppedMessages: number }>()(
    z.object({ id: idSchema }).strict(),
  ),
}
