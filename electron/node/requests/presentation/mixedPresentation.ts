import type { DifPresentationExchangeDefinition, DifPresentationExchangeSubmission } from '@credo-ts/core'

/**
 * What a `dif/presentation-exchange/submission@v1.0` attachment carries when an SD-JWT VC is part of
 * the answer. RFC 0510 defines the attachment as one W3C presentation with its submission inside; an
 * SD-JWT VC cannot sit inside one, so the attachment is then an array of presentations with the
 * submission beside it, as OpenID4VP carries them (`vp_token`, `presentation_submission`, paths `$[i]`).
 * A JSON-LD-only answer is still the plain RFC 0510 presentation.
 */
export interface MixedPresentation {
  presentation_submission: DifPresentationExchangeSubmission
  /** JSON-LD presentations (objects) and SD-JWT VC presentations with key binding (compact strings). */
  vp_token: Array<Record<string, unknown> | string>
}

export const SD_JWT_DESCRIPTOR_FORMAT = 'vc+sd-jwt'

export function isMixedPresentation(value: unknown): value is MixedPresentation {
  if (!value || typeof value !== 'object') return false
  const candidate = value as Partial<MixedPresentation>
  return Array.isArray(candidate.vp_token) && typeof candidate.presentation_submission === 'object'
}

/** `$[2]` → 2; anything else is not a path into vp_token. */
export function tokenIndex(path: string): number | undefined {
  const match = /^\$\[(\d+)\]$/.exec(path)
  return match ? Number(match[1]) : undefined
}

/** The definition narrowed to some of its input descriptors (the JSON-LD part of a mixed answer). */
export function onlyDescriptors(
  definition: DifPresentationExchangeDefinition,
  ids: string[],
): DifPresentationExchangeDefinition {
  const inputDescriptors = definition.input_descriptors.filter((descriptor) => ids.includes(descriptor.id))
  // V1 and V2 definitions keep their own descriptor type; filtering does not change which it is.
  return { ...definition, input_descriptors: inputDescriptors } as DifPresentationExchangeDefinition
}
