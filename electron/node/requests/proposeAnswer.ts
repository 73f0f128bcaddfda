import type { AgentContext, W3cCredentialRecord } from '@credo-ts/core'

import type { AnswerItem, ProposedAnswer } from '../../../shared/api'
import { toHeldCredential } from '../credentials'
import { askedItems } from './askedItems'
import { proofsOf, requestOf } from './proofsApi'

/**
 * Which held credentials satisfy each input descriptor (Credo's PEX evaluation), leaving out expired
 * ones, and exactly which claims would leave with the first fit.
 */
export async function proposeAnswer(agentContext: AgentContext, id: string): Promise<ProposedAnswer> {
  const request = await requestOf(agentContext, id)
  const asked = askedItems(request.presentation_definition)
  const { proofFormats } = await proofsOf(agentContext).getCredentialsForRequest({ proofRecordId: id })
  const entries = (proofFormats.presentationExchange?.requirements ?? []).flatMap((r) => r.submissionEntry)
  const now = Date.now()
  const items: AnswerItem[] = asked.map((item) => {
    const entry = entries.find((candidate) => candidate.inputDescriptorId === item.descriptorId)
    const fitting = (entry?.verifiableCredentials ?? [])
      .map((credential) => credential.credentialRecord)
      .filter((record): record is W3cCredentialRecord => record.type === 'W3cCredentialRecord')
      .map(toHeldCredential)
      .filter((held) => !held.provenance.expiresAt || Date.parse(held.provenance.expiresAt) > now)
    const chosen = fitting[0]
    return {
      descriptorId: item.descriptorId,
      name: item.name,
      credentialId: chosen?.id,
      candidates: fitting.map((held) => held.id),
      issuer: chosen?.provenance.issuer,
      types: chosen?.types,
      claimsLeaving: chosen?.claims ?? {},
      claimsAsked: chosen ? item.claims.filter((claim) => claim in chosen.claims) : [],
    }
  })
  const missing = asked.filter(
    (item) => !items.find((answer) => answer.descriptorId === item.descriptorId)?.credentialId,
  )
  return { requestId: id, satisfiable: missing.length === 0, items, missing }
}
