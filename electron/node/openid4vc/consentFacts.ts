import { EventEmitter, MdocRepository, SdJwtVcRepository, type AgentContext } from '@credo-ts/core'

import type { ConsentEvaluation, PresentationRequestSummary, RequestWarning } from '../../../shared/api'
import {
  ConsentEventTypes,
  dpvPurposes,
  requestWarnings,
  type RequestEvaluatedEvent,
  type RequestFacts,
} from '../consent'
import { toHeld } from '../credentials'
import { appDatabaseOf } from '../db'
import { currentProfile, positionOf } from '../privacyProfile'
import { queryChoices } from './dcqlChoice'
import { pexChoices } from './pexChoice'
import { usedUpWarnings } from './usedUpBatches'
import type { PendingRequest } from './pendingRequests'
import { listedEntries } from './verifierIdentity'

/**
 * An OpenID4VP request as consent evaluation sees a DIDComm one: no connection (so a policy for a
 * connection never covers it), the roles trust lists give its proved did:key, and per credential query
 * the type and every claim that would leave, and the terms it states in its signed request (requestTerms).
 */
export function consentFacts(pending: Omit<PendingRequest, 'evaluation'>): RequestFacts {
  const purpose = purposeIdOf(pending)
  return {
    connectionId: undefined,
    roles: pending.verifier.proved ? pending.verifier.roles : [],
    purposes: purpose ? [purpose] : [],
    retention: pending.terms.retention,
    thirdParties: pending.terms.thirdParties,
    profiling: pending.terms.profiling,
    agreementId: pending.terms.agreement,
    items: pending.proposal.items.map((item) => ({
      descriptorId: item.descriptorId,
      types: item.types ?? [],
      claims: Object.keys(item.claimsLeaving),
      held: item.credentialId !== undefined,
      optional: item.optional,
      credentialId: item.credentialId,
    })),
    at: pending.receivedAt,
  }
}

/** The same warnings a DIDComm request gets, from the same rules. */
export async function warningsOf(
  agentContext: AgentContext,
  pending: Omit<PendingRequest, 'evaluation'>,
): Promise<RequestWarning[]> {
  // What the person holds in the formats OpenID4VP answers with, to see whether a derived claim is at hand.
  const records = [
    ...(await agentContext.resolve(SdJwtVcRepository).getAll(agentContext)),
    ...(await agentContext.resolve(MdocRepository).getAll(agentContext)),
  ]
  const held = records.flatMap((record) => Object.keys(toHeld(agentContext, record).claims))
  return requestWarnings({
    asked: [...new Set(pending.proposal.asked.flatMap((item) => item.claims))],
    leaving: [...new Set(pending.proposal.items.flatMap((item) => Object.keys(item.claimsLeaving)))],
    listed: pending.verifier.proved ? await listedEntries(agentContext, pending.resolved) : [],
    purposeId: purposeIdOf(pending),
    held: [...new Set(held)],
  })
}

/** The request as the person reads it, waiting; what a policy did is added by the caller. */
export async function toSummary(
  agentContext: AgentContext,
  pending: PendingRequest,
): Promise<PresentationRequestSummary> {
  const { proposal } = pending
  return {
    id: pending.id,
    verifier: pending.verifier,
    ...pending.terms,
    asked: proposal.asked,
    items: proposal.items,
    satisfiable: proposal.satisfiable,
    missing: proposal.missing,
    choices: pending.resolved.dcql
      ? queryChoices(pending.resolved.dcql.queryResult, proposal.selection)
      : pexChoices(proposal),
    warnings: [
      ...(await warningsOf(agentContext, pending)),
      ...(await usedUpWarnings(agentContext, pending.verifier.clientId, proposal.selection)),
    ],
    position: positionOf(currentProfile(appDatabaseOf(agentContext)), consentFacts(pending), dpvPurposes()),
    evaluation: pending.evaluation,
    state: 'waiting',
    receivedAt: pending.receivedAt,
  }
}

/** The stated purpose as a DPV id, as DIDComm requests are read: the DPV id first, else the text. */
export function purposeIdOf(pending: Pick<PendingRequest, 'terms'>): string | undefined {
  const vocabulary = dpvPurposes()
  return [pending.terms.dpvPurpose, pending.terms.purpose]
    .map((text) => text && vocabulary.lookup(text))
    .find((id): id is string => Boolean(id))
}

/** A policy acted: the same event as for DIDComm, so Home's decisions and the desktop notification follow. */
export function announce(agentContext: AgentContext, evaluation: ConsentEvaluation, acted: 'shared' | 'refused'): void {
  agentContext.resolve(EventEmitter).emit<RequestEvaluatedEvent>(agentContext, {
    type: ConsentEventTypes.RequestEvaluated,
    payload: { evaluation, acted },
  })
}
