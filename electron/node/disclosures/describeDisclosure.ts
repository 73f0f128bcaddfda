import { randomUUID } from 'node:crypto'

import { SdJwtVcRepository, W3cCredentialRepository, type AgentContext } from '@credo-ts/core'
import { DidCommProofsApi } from '@credo-ts/didcomm'

import type { DisclosedCredentialSummary, ProofRequestSummary } from '../../../shared/api'
import { ConsentService, dpvPurposes } from '../consent'
import { toHeldCredential, toHeldSdJwtVc } from '../credentials'
import { mandateApprovalOf } from '../mandates'
import { RequestsService } from '../requests'
import type { disclosures } from './disclosureTables'

/**
 * The history row for an answered request: what left (claim names per credential), to whom, why, for
 * how long, and whether a policy (which version) or the person decided.
 */
export async function describeDisclosure(
  agentContext: AgentContext,
  requestId: string,
  credentialIds: string[],
  /** Per credential, the claims that left, when the answer said (an SD-JWT VC discloses only these). */
  claimsLeft: Record<string, string[]> = {},
  /** The request as the caller just read it: its terms do not change while it is answered. */
  known?: ProofRequestSummary,
): Promise<typeof disclosures.$inferInsert> {
  const summary = known ?? (await agentContext.dependencyManager.resolve(RequestsService).get(agentContext, requestId))
  const record = await agentContext.dependencyManager.resolve(DidCommProofsApi).getById(requestId)
  const w3c = agentContext.dependencyManager.resolve(W3cCredentialRepository)
  const sdJwt = agentContext.dependencyManager.resolve(SdJwtVcRepository)
  const credentials: DisclosedCredentialSummary[] = []
  for (const id of credentialIds) {
    // An answer may hold SD-JWT VCs beside JSON-LD ones: each is recorded, whichever format it is.
    const json = await w3c.findById(agentContext, id)
    const held = json ? toHeldCredential(json) : toHeldSdJwtVc(agentContext, await sdJwt.getById(agentContext, id))
    const left = claimsLeft[id]?.length ? claimsLeft[id] : Object.keys(held.claims)
    credentials.push({ credentialId: id, types: held.types, issuer: held.provenance.issuer, claims: left })
  }
  const decision = agentContext.dependencyManager
    .resolve(ConsentService)
    .evaluations(agentContext, requestId)
    .find((evaluation) => evaluation.outcome === 'share')
  const mandate = await mandateApprovalOf(agentContext, requestId)
  const vocabulary = dpvPurposes()
  const purposeId = [summary.dpvPurpose, summary.purpose].map((text) => text && vocabulary.lookup(text)).find(Boolean)
  return {
    id: randomUUID(),
    requestId,
    threadId: record.threadId,
    connectionId: summary.connectionId ?? '',
    recipient: summary.requester ?? 'unknown requester',
    credentials: JSON.stringify(credentials),
    purpose: summary.purpose ?? null,
    purposeIds: JSON.stringify(purposeId ? [purposeId] : []),
    retention: summary.retention ?? null,
    legalBasis: summary.legalBasis ?? null,
    agreementId: summary.agreement ?? null,
    decidedBy: decision?.decidedBy ? 'policy' : 'person',
    policyId: decision?.decidedBy?.policyId ?? null,
    policyVersion: decision?.decidedBy?.version ?? null,
    disclosedAt: new Date().toISOString(),
    mandateId: mandate?.mandateId ?? null,
    mandateDelegate: mandate?.delegate ?? null,
  }
}
