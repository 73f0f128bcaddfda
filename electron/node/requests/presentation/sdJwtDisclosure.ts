import type { DifPresentationExchangeDefinition, IPresentationFrame } from '@credo-ts/core'

import { claimOfPath, isTypeField, minimisedPaths, valueAt, type Field } from './fieldPaths'

export interface Disclosure {
  /** Credo's presentation frame: exactly the claims that leave. */
  frame: IPresentationFrame
  /** The claims that leave, by dotted name, with their values. */
  claims: Record<string, unknown>
  /** Of the claims the descriptor asks that the credential holds, those its field marks optional. */
  optional: string[]
}

type Descriptor = DifPresentationExchangeDefinition['input_descriptors'][number]

/**
 * What an SD-JWT VC discloses for one input descriptor: per field, the first of its (minimised) paths
 * that the credential holds, and nothing else; a claim no field asks for never leaves. `withhold` names
 * claims the person left out; only an optional field's claim can be, so the answer still meets the field.
 */
export function sdJwtDisclosure(
  descriptor: Descriptor,
  claims: Record<string, unknown>,
  withhold: readonly string[] = [],
): Disclosure {
  const leaving: Record<string, unknown> = {}
  const optional: string[] = []
  for (const field of (descriptor.constraints?.fields ?? []) as Field[]) {
    if (isTypeField(field)) continue
    const claim = minimisedPaths(field.path)
      .map(claimOfPath)
      .find((name) => name !== undefined && valueAt(claims, name) !== undefined)
    if (!claim) continue
    if (field.optional) optional.push(claim)
    if (field.optional && withhold.includes(claim)) continue
    leaving[claim] = valueAt(claims, claim)
  }
  return { frame: frameOf(Object.keys(leaving)), claims: leaving, optional }
}

/** Credo's presentation frame for claims by dotted name: `address.city` → `{ address: { city: true } }`. */
export function frameOf(claimNames: readonly string[]): IPresentationFrame {
  const frame: IPresentationFrame = {}
  for (const claim of claimNames) {
    let node = frame
    const parts = claim.split('.')
    for (const part of parts.slice(0, -1)) {
      const next = typeof node[part] === 'object' ? (node[part] as IPresentationFrame) : {}
      node[part] = next
      node = next
    }
    node[parts[parts.length - 1]] = true
  }
  return frame
}
