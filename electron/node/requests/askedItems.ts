import type { DifPresentationExchangeDefinition } from '@credo-ts/core'

import type { AskedItem } from '../../../shared/api'
import { claimOfPath, isTypeField, minimisedPaths, type Field, type Filter } from './presentation/fieldPaths'
import { omittable } from './submissionRules'

/** The type names a filter accepts: `const`, `enum`, `contains.const`, an exact `pattern`, each of `anyOf`. */
function typesOf(filter: Filter | undefined): string[] {
  if (!filter) return []
  const exact = /^\^([A-Za-z0-9_]+)\$$/.exec(filter.pattern ?? '')?.[1]
  const values = [filter.const, filter.contains?.const, exact, ...(filter.enum ?? [])]
  const own = values.filter((value): value is string => typeof value === 'string')
  return [...own, ...(filter.anyOf ?? []).flatMap(typesOf)]
}

/**
 * The input descriptors of a presentation definition as claims a person can read: a field names the
 * claim that would leave for it (of alternative paths, the derived claim first, see minimisedPaths).
 */
export function askedItems(definition: DifPresentationExchangeDefinition): AskedItem[] {
  const optional = omittable(definition)
  return definition.input_descriptors.map((descriptor) => {
    const fields = (descriptor.constraints?.fields ?? []) as Field[]
    const types = new Set<string>()
    const claims = new Set<string>()
    for (const field of fields) {
      if (isTypeField(field)) {
        for (const type of typesOf(field.filter)) types.add(type)
        continue
      }
      const claim = minimisedPaths(field.path)
        .map(claimOfPath)
        .find((name) => name !== undefined)
      if (claim) claims.add(claim)
    }
    return {
      descriptorId: descriptor.id,
      name: descriptor.name,
      purpose: descriptor.purpose,
      types: [...types],
      claims: [...claims],
      optional: optional.has(descriptor.id),
    }
  })
}
