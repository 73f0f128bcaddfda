import type { DifPresentationExchangeDefinition, IPresentationFrame } from '@credo-ts/core'

import { claimOfPath, isTypeField, minimisedPaths, valueAt, type Field } from './fieldPaths'

export interface Disclosure {
  /** Credo's presentation frame: exactly the claims that leave. */
  frame: IPresentationFrame
  /** The claims that leave, by dotted name, with their values. */
  claims: Record<string, unknown>
}

type Descriptor = DifPresentationExchangeDefinition['input_descriptors'][number]

/**
 * What an SD-JWT VC discloses for one input descriptor: per field, the first of its (minimised) paths
 * that the credential holds, and nothing else; a claim no field asks for never leaves.
 */
export function sdJwtDisclosure(descriptor: Descriptor, claims: Record<string, unknown>): Disclosure {
  const frame: IPresentationFrame = {}
  const leaving: Record<string, unknown> = {}
  for (const field of (descriptor.constraints?.fields ?? []) as Field[]) {
    if (isTypeField(field)) continue
    const claim = minimisedPaths(field.path)
      .map(claimOfPath)
      .find((name) => name !== undefined && valueAt(claims, name) !== undefined)
    if (!claim) continue
    leaving[claim] = valueAt(claims, claim)
    let node = frame
    const parts = claim.split('.')
    for (const part of parts.slice(0, -1)) {
      const next = typeof node[part] === 'object' ? (node[part] as IPresentationFrame) : {}
      node[part] = next
      node = next
    }
    node[parts[parts.length - 1]] = true
  }
  return { frame, claims: leaving }
}
