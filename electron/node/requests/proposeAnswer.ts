import { SdJwtVcRecord, W3cCredentialRecord, type AgentContext } from '@credo-ts/core'

import type { AnswerItem, HeldCredential, ProposedAnswer } from '../../../shared/api'
import { toHeldCredential, toHeldSdJwtVc } from '../credentials'
import { askedItems } from './askedItems'
import { sdJwtDisclosure } from './presentation/sdJwtDisclosure'
import { allowsSubmission } from './submissionRules'
import { proofsOf, requestOf } from './proofsApi'

/**
 * Which held credentials satisfy each input descriptor (Credo's PEX evaluation), leaving out expired
 * ones, and exactly which claims would leave with the first fit. Minimising: an SD-JWT VC, which
 * discloses only the claims asked, comes before a JSON-LD credential, which reveals all of its own.
 */
export async function proposeAnswer(agentContext: AgentContext, id: string): Promise<ProposedAnswer> {
  const request = await requestOf(agentContext, id)
  const definition = request.presentation_definition
  const asked = askedItems(definition)
  const { proofFormats } = await proofsOf(agentContext).getCredentialsForRequest({ proofExchangeRecordId: id })
  const entries = (proofFormats.presentationExchange?.requirements ?? []).flatMap((r) => r.submissionEntry)
  const now = Date.now()
  const items: AnswerItem[] = asked.map((item) => {
    const descriptor = definition.input_descriptors.find((candidate) => candidate.id === item.descriptorId)
    const entry = entries.find((candidate) => candidate.inputDescriptorId === item.descriptorId)
    const fitting = (entry?.verifiableCredentials ?? [])
      .map((credential) => credential.credentialRecord)
      .map((record): Fit | undefined => {
        if (record instanceof W3cCredentialRecord) {
          const held = toHeldCredential(record)
          return { held, leaving: held.claims, optional: [] }
        }
        if (record instanceof SdJwtVcRecord && descriptor) {
          const held = toHeldSdJwtVc(agentContext, record)
          const { claims, optional } = sdJwtDisclosure(descriptor, held.claims)
          return { held, leaving: claims, optional }
        }
        return undefined
      })
      .filter((fit) => fit !== undefined)
      .filter(({ held }) => !held.provenance.expiresAt || Date.parse(held.provenance.expiresAt) > now)
      .sort((a, b) => rank(a.held) - rank(b.held))
    const chosen = fitting[0]
    return {
      descriptorId: item.descriptorId,
      name: item.name,
      optional: item.optional,
      credentialId: chosen?.held.id,
      candidates: fitting.map(({ held }) => held.id),
      issuer: chosen?.held.provenance.issuer,
      types: chosen?.held.types,
      claimsLeaving: chosen?.leaving ?? {},
      claimsAsked: chosen ? item.claims.filter((claim) => hasClaim(chosen.leaving, claim)) : [],
      claimsOptional: chosen?.optional ?? [],
    }
  })
  const missing = asked.filter(
    (item) => !items.find((answer) => answer.descriptorId === item.descriptorId)?.credentialId,
  )
  const held = items.filter((item) => item.credentialId).map((item) => item.descriptorId)
  return { requestId: id, satisfiable: held.length > 0 && allowsSubmission(definition, held), items, missing }
}

interface Fit {
  held: HeldCredential
  leaving: Record<string, unknown>
  /** The claims of `leaving` the person may leave out (an SD-JWT VC's optional fields). */
  optional: string[]
}

function rank(held: HeldCredential): number {
  return held.provenance.format === 'vc+sd-jwt' ? 0 : 1
}

/** `address.city` is in `{ address: { city } }` as well as in `{ 'address.city': … }` (an SD-JWT disclosure). */
function hasClaim(claims: Record<string, unknown>, claim: string): boolean {
  if (claim in claims) return true
  const [head, ...rest] = claim.split('.')
  const value = claims[head]
  return (
    rest.length > 0 &&
    !!value &&
    typeof value === 'object' &&
    hasClaim(value as Record<string, unknown>, rest.join('.'))
  )
}
