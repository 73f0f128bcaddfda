import {
  DifPresentationExchangeService,
  JsonTransformer,
  SdJwtVcService,
  W3cCredentialService,
  W3cJsonLdVerifiablePresentation,
  type AgentContext,
  type DifPresentationExchangeDefinition,
} from '@credo-ts/core'

import { allowsSubmission } from '../submissionRules'
import { claimOfPath, isTypeField, matchesFilter, valueAt, type Field } from './fieldPaths'
import { onlyDescriptors, SD_JWT_DESCRIPTOR_FORMAT, tokenIndex, type MixedPresentation } from './mixedPresentation'

export interface VerifyOptions {
  definition: DifPresentationExchangeDefinition
  challenge: string
  domain?: string
}

/**
 * A verifier's check of a mixed answer: what is answered meets the submission requirements; the JSON-LD presentation's
 * and credentials' signatures hold for the challenge and satisfy their descriptors (Credo's PE
 * service); each SD-JWT VC verifies with its key binding for this challenge and audience, and what it
 * discloses satisfies its descriptor's fields. Throws with what failed.
 */
export async function verifyMixedPresentation(
  agentContext: AgentContext,
  presentation: MixedPresentation,
  { definition, challenge, domain }: VerifyOptions,
): Promise<void> {
  const entries = presentation.presentation_submission.descriptor_map
  if (
    !allowsSubmission(
      definition,
      entries.map((entry) => entry.id),
    )
  ) {
    const unanswered = definition.input_descriptors.filter((d) => !entries.some((entry) => entry.id === d.id))
    throw new Error(`The submission requirements do not hold: ${unanswered.map((d) => d.id).join(', ')} not answered.`)
  }
  const ldpIds = entries.filter((entry) => entry.format !== SD_JWT_DESCRIPTOR_FORMAT).map((entry) => entry.id)
  const ldpIndexes = new Set(entries.filter((e) => ldpIds.includes(e.id)).map((e) => tokenIndex(e.path)))
  for (const index of ldpIndexes) {
    const json = index === undefined ? undefined : presentation.vp_token[index]
    if (!json || typeof json !== 'object') throw new Error('A JSON-LD presentation is missing.')
    const vp = JsonTransformer.fromJSON(json, W3cJsonLdVerifiablePresentation)
    const result = await agentContext.dependencyManager
      .resolve(W3cCredentialService)
      .verifyPresentation(agentContext, { presentation: vp, challenge, domain })
    if (!result.isValid) throw new Error(`The JSON-LD presentation does not verify: ${result.error?.message ?? ''}`)
    const sub = onlyDescriptors(definition, ldpIds)
    agentContext.dependencyManager.resolve(DifPresentationExchangeService).validatePresentation(sub, vp)
  }
  const service = agentContext.dependencyManager.resolve(SdJwtVcService)
  for (const entry of entries.filter((e) => e.format === SD_JWT_DESCRIPTOR_FORMAT)) {
    const index = tokenIndex(entry.path)
    const compact = index === undefined ? undefined : presentation.vp_token[index]
    if (typeof compact !== 'string') throw new Error(`Descriptor ${entry.id}: no SD-JWT VC at ${entry.path}.`)
    if (!domain) throw new Error('An SD-JWT VC answer needs a domain to check the key binding audience.')
    // With `keyBinding` given, Credo 0.6 counts a missing key binding or a wrong audience or nonce as invalid.
    const result = await service.verify(agentContext, {
      compactSdJwtVc: compact,
      keyBinding: { audience: domain, nonce: challenge },
    })
    if (!result.isValid)
      throw new Error(`Descriptor ${entry.id}: the SD-JWT VC does not verify: ${result.error.message}`)
    const descriptor = definition.input_descriptors.find((d) => d.id === entry.id)
    const claims = result.sdJwtVc.prettyClaims as Record<string, unknown>
    for (const field of (descriptor?.constraints?.fields ?? []) as Field[]) {
      const satisfied = field.path.some((path) => {
        const claim = isTypeField(field) && path === '$.vct' ? 'vct' : claimOfPath(path)
        return claim !== undefined && matchesFilter(valueAt(claims, claim), field.filter)
      })
      if (!satisfied && !field.optional) throw new Error(`Descriptor ${entry.id}: ${field.path[0]} is not disclosed.`)
    }
  }
}
