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
import { sdJwtDisclosure } from './sdJwtDisclosure'

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
    const record = selection[id][0].credentialRecord as SdJwtVcRecord
    const descriptor = definition.input_descriptors.find((candidate) => candidate.id === id)
    if (!descriptor) throw new Error(`No input descriptor ${id}.`)
    const held = record.firstCredential
    const { frame } = sdJwtDisclosure(descriptor, sdJwtClaims(held.prettyClaims as Record<string, unknown>))
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
