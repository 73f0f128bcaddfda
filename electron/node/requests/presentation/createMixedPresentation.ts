import {
  DifPresentationExchangeService,
  SdJwtVcRecord,
  SdJwtVcService,
  utils,
  W3cJsonLdVerifiablePresentation,
  type AgentContext,
  type DifPresentationExchangeDefinition,
  type DifPresentationExchangeSubmission,
} from '@credo-ts/core'

import { sdJwtClaims } from '../../credentials'
import { PresentationRefusal } from '../PresentationRefusal'
import { onlyDescriptors, SD_JWT_DESCRIPTOR_FORMAT, type MixedPresentation } from './mixedPresentation'
import { sdJwtDisclosure, type Disclosure } from './sdJwtDisclosure'

type Selection = Parameters<DifPresentationExchangeService['createPresentation']>[1]['credentialsForInputDescriptor']

export interface PresentationInput {
  definition: DifPresentationExchangeDefinition
  selection: Selection
  challenge: string
  domain?: string
}

/**
 * The answer when it includes SD-JWT VCs: the JSON-LD credentials in one signed presentation (Credo's
 * PE service), each SD-JWT VC presented with only the claims its descriptor asks (sdJwtDisclosure) and a
 * key binding JWT for the requester's challenge (nonce) and domain (audience).
 */
export async function createMixedPresentation(
  agentContext: AgentContext,
  { definition, selection, challenge, domain }: PresentationInput,
): Promise<MixedPresentation> {
  if (!domain) throw new PresentationRefusal('An SD-JWT VC answer needs the request’s domain as key binding audience.')
  const sdJwtIds = Object.keys(selection).filter((id) =>
    selection[id].some((c) => c.credentialRecord instanceof SdJwtVcRecord),
  )
  const ldpIds = Object.keys(selection).filter((id) => !sdJwtIds.includes(id))
  const vpToken: MixedPresentation['vp_token'] = []
  const descriptorMap: DifPresentationExchangeSubmission['descriptor_map'] = []
  if (ldpIds.length > 0) {
    const ps = agentContext.dependencyManager.resolve(DifPresentationExchangeService)
    const result = await ps.createPresentation(agentContext, {
      presentationDefinition: onlyDescriptors(definition, ldpIds),
      credentialsForInputDescriptor: Object.fromEntries(ldpIds.map((id) => [id, selection[id]])),
      challenge,
      domain,
    })
    const [vp] = result.verifiablePresentations
    if (!(vp instanceof W3cJsonLdVerifiablePresentation)) throw new Error('Expected one JSON-LD presentation.')
    vpToken.push(vp.encoded as Record<string, unknown>)
    for (const entry of result.presentationSubmission.descriptor_map) descriptorMap.push({ ...entry, path: '$[0]' })
  }
  const service = agentContext.dependencyManager.resolve(SdJwtVcService)
  for (const id of sdJwtIds) {
    const [entry] = selection[id]
    const record = entry.credentialRecord as SdJwtVcRecord
    const descriptor = definition.input_descriptors.find((candidate) => candidate.id === id)
    if (!descriptor) throw new Error(`No input descriptor ${id}.`)
    const held = record.firstCredential
    const claims = sdJwtClaims(held.prettyClaims as Record<string, unknown>)
    const chosen = 'disclosedPayload' in entry ? Object.keys(entry.disclosedPayload) : []
    const { frame } = sdJwtDisclosure(descriptor, claims, withheld(sdJwtDisclosure(descriptor, claims), chosen))
    const compact = await service.present(agentContext, {
      sdJwtVc: held,
      presentationFrame: frame,
      verifierMetadata: { audience: domain, nonce: challenge, issuedAt: Math.floor(Date.now() / 1000) },
    })
    descriptorMap.push({ id, format: SD_JWT_DESCRIPTOR_FORMAT, path: `$[${vpToken.length}]` })
    vpToken.push(compact)
  }
  return {
    presentation_submission: { id: utils.uuid(), definition_id: definition.id, descriptor_map: descriptorMap },
    vp_token: vpToken,
  }
}

/**
 * The claims the person left out, from the ones they chose to disclose (none chosen: a policy's answer,
 * every asked claim leaves). A chosen claim the request does not ask, or a required one not chosen, means
 * the choice does not fit this request: refused, since the requester would refuse that answer.
 */
function withheld(asked: Disclosure, chosen: readonly string[]): string[] {
  if (chosen.length === 0) return []
  const left = Object.keys(asked.claims).filter((claim) => !chosen.includes(claim))
  const strays = chosen.filter((claim) => !(claim in asked.claims))
  if (strays.length > 0 || left.some((claim) => !asked.optional.includes(claim))) {
    throw new PresentationRefusal('The statements chosen do not answer this request.')
  }
  return left
}
