import { DidCommConnectionType, DidCommDidExchangeRole, type DidCommConnectionRecord } from '@credo-ts/didcomm'

import { connectionRoles, type ConnectionRole, type ConnectionSummary } from '../../../shared/api'

// The role is a custom tag on Credo's DidCommConnectionRecord rather than a row in the app database: it then
// lives in the encrypted Askar store with the connection, goes when the connection is deleted (no
// orphans to reconcile), and can be queried with Credo's own findAllByQuery.
export const ROLE_TAG = 'custosRole'

export function isConnectionRole(value: unknown): value is ConnectionRole {
  return typeof value === 'string' && (connectionRoles as readonly string[]).includes(value)
}

export function roleOf(record: DidCommConnectionRecord): ConnectionRole {
  const tagged = record.getTag(ROLE_TAG)
  if (isConnectionRole(tagged)) return tagged
  // Credo marks the connection it mediates through itself; show that until the person says otherwise.
  return record.connectionTypes.includes(DidCommConnectionType.Mediator) ? 'mediator' : 'unassigned'
}

export function toConnectionSummary(record: DidCommConnectionRecord): ConnectionSummary {
  return {
    id: record.id,
    theirLabel: record.theirLabel,
    role: roleOf(record),
    state: record.state,
    ready: record.isReady,
    invitedBy: record.role === DidCommDidExchangeRole.Responder ? 'us' : 'them',
    theirDid: record.theirDid,
    createdAt: record.createdAt.toISOString(),
  }
}
