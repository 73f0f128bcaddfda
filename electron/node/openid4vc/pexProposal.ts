import {
  DifPresentationExchangeService,
  SdJwtVcRecord,
  type AgentContext,
  type DifPexCredentialsForRequest,
  type DifPexInputDescriptorToCredentials,
  type DifPresentationExchangeDefinition,
} from '@credo-ts/core'

import type { AnswerItem, AskedItem } from '../../../shared/api'
import { sdJwtClaims, toHeldSdJwtVc } from '../credentials'
import type { DcqlProposal } from './dcqlProposal'
import { claimsOf, inputDescriptors, minimised, type InputDescriptor } from './pexDefinition'

/** The types a descriptor asks: the `vct` field's constant or enumerated values. */
function typesOf(descriptor: InputDescriptor): string[] {
  const fields = (descriptor.constraints?.fields ?? []) as {
    path: string[]
    filter?: { const?: unknown; enum?: unknown[] }
  }[]
  const vct = fields.find((field) => field.path.some((path) => /^\$\.?\[?['"]?vct/.test(path)))
  const values = vct?.filter?.const !== undefined ? [vct.filter.const] : (vct?.filter?.enum ?? [])
  return values.filter((value): value is string => typeof value === 'string')
}

function askedItem(descriptor: InputDescriptor): AskedItem {
  const claims = claimsOf(descriptor).filter((claim) => claim !== 'vct')
  return { descriptorId: descriptor.id, types: typesOf(descriptor), claims, optional: false }
}

/**
 * The proposed answer to a Presentation Exchange request, read as a DCQL one is: Credo's PE matching on
 * the definition as the node answers it (every descriptor limited to its fields, see `minimised`), its
 * pick per input descriptor, and what would leave read from that pick.
 */
export async function proposeForPex(
  agentContext: AgentContext,
  definition: DifPresentationExchangeDefinition,
): Promise<DcqlProposal> {
  const pex = agentContext.resolve(DifPresentationExchangeService)
  const forRequest: DifPexCredentialsForRequest = await pex.getCredentialsForRequest(
    agentContext,
    minimised(definition),
  )
  // Credo lists matches in storage order, which is not stable: the oldest held credential is proposed first.
  for (const requirement of forRequest.requirements) {
    for (const entry of requirement.submissionEntry) entry.verifiableCredentials.sort(oldestFirst)
  }
  const selection = forRequest.areRequirementsSatisfied ? pex.selectCredentialsForRequest(forRequest) : undefined
  return pexProposalFor(agentContext, definition, forRequest, selection)
}

/** The answer a PE selection makes (Credo's pick or the person's choice), read from what would be presented. */
export function pexProposalFor(
  agentContext: AgentContext,
  definition: DifPresentationExchangeDefinition,
  forRequest: DifPexCredentialsForRequest,
  pexSelection: DifPexInputDescriptorToCredentials | undefined,
): DcqlProposal {
  const satisfiable = forRequest.areRequirementsSatisfied
  const asked = inputDescriptors(definition).map(askedItem)
  const entries = forRequest.requirements.flatMap((requirement) => requirement.submissionEntry)
  const items = asked.map((item): AnswerItem => {
    const candidates = entries
      .filter((entry) => entry.inputDescriptorId === item.descriptorId)
      .flatMap((entry) => entry.verifiableCredentials)
      .map((credential) => credential.credentialRecord)
      .filter((record): record is SdJwtVcRecord => record instanceof SdJwtVcRecord)
      .map((record) => record.id)
    const chosen = pexSelection?.[item.descriptorId]?.[0]
    if (!chosen || !(chosen.credentialRecord instanceof SdJwtVcRecord) || !('disclosedPayload' in chosen)) {
      return { descriptorId: item.descriptorId, candidates, claimsLeaving: {}, claimsAsked: [], optional: false }
    }
    const held = toHeldSdJwtVc(agentContext, chosen.credentialRecord)
    const leaving = sdJwtClaims(chosen.disclosedPayload as Record<string, unknown>)
    return {
      descriptorId: item.descriptorId,
      credentialId: held.id,
      candidates: [held.id, ...candidates.filter((id) => id !== held.id)],
      issuer: held.provenance.issuer,
      types: held.types,
      claimsLeaving: leaving,
      claimsAsked: item.claims.filter((claim) => claim.split('.')[0] in leaving),
      optional: false,
    }
  })
  const missing = asked.filter((item) => !items.find((each) => each.descriptorId === item.descriptorId)?.credentialId)
  // Over Presentation Exchange the node presents SD-JWT VCs only (an mdoc or a JWT VC answers DCQL): Credo's
  // pick of another format would leave without the person having seen what it carries.
  const unsupported = asked.filter(
    (item, index) => pexSelection?.[item.descriptorId]?.[0] && !items[index].credentialId,
  )
  const presentable = satisfiable && unsupported.length === 0
  return {
    asked,
    items,
    missing: presentable ? [] : satisfiable ? unsupported : missing,
    satisfiable: presentable,
    unsupportedFormats: unsupported.length
      ? [...new Set(unsupported.map((item) => String(pexSelection?.[item.descriptorId]?.[0]?.claimFormat)))]
      : undefined,
    pexSelection: presentable ? pexSelection : undefined,
    pexForRequest: forRequest,
  }
}

type Match =
  DifPexCredentialsForRequest['requirements'][number]['submissionEntry'][number]['verifiableCredentials'][number]

function oldestFirst(a: Match, b: Match): number {
  const [x, y] = [a.credentialRecord, b.credentialRecord]
  return x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id)
}
