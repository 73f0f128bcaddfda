import { randomUUID } from 'node:crypto'

import { W3cCredentialRepository, type AgentContext } from '@credo-ts/core'
import { DidCommProofsApi } from '@credo-ts/didcomm'

import type { DisclosedCredentialSummary } from '../../../shared/api'
import { ConsentService, dpvPurposes } from '../consent'
import { toHeldCredential } from '../credentials'
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
): Promise<typeof disclosures.$inferInsert> {
  const summary = await agentContext.dependencyManager.resolve(RequestsService).get(agentContext, requestId)
  const record = await agentContext.dependencyManager.resolve(DidCommProofsApi).getById(requestId)
  const repository = agentContext.dependencyManager.resolve(W3cCredentialRepository)
  const credentials: DisclosedCredentialSummary[] = []
  for (const id of credentialIds) {
    const held = toHeldCredential(await repository.getById(agentContext, id))
    credentials.push({
      credentialId: id,
      types: held.types,
      issuer: held.provenance.issuer,
      claims: Object.keys(held.claims),
    })
  }
  const decision = agentContext.dependencyManager
    .resolve(ConsentService)
    .evaluations(agentContext, requestId)
    .find((evaluation) => evaluation.outcome === 'share')
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
    decidedBy: decision?.decidedBy ? 'policy' : 'person',
    policyId: decision?.decidedBy?.policyId ?? null,
    policyVersion: decision?.decidedBy?.version ?? null,
    disclosedAt: new Date().toISOString(),
  }
}
