import type { DifPresentationExchangeDefinition } from '@credo-ts/core'

import type { AskedItem } from '../../../shared/api'

type Field = { path: string[]; filter?: { const?: unknown; enum?: unknown[]; contains?: { const?: unknown } } }

const SUBJECT_PATH = /^\$\.credentialSubject(?:\.|\[['"])([^.'"\]]+)/

/** The input descriptors of a presentation definition as claims a person can read. */
export function askedItems(definition: DifPresentationExchangeDefinition): AskedItem[] {
  return definition.input_descriptors.map((descriptor) => {
    const fields = (descriptor.constraints?.fields ?? []) as Field[]
    const types = new Set<string>()
    const claims = new Set<string>()
    for (const field of fields) {
      for (const path of field.path) {
        if (path === '$.type' || path === '$.vc.type') {
          const filter = field.filter ?? {}
          for (const value of [filter.const, filter.contains?.const, ...(filter.enum ?? [])]) {
            if (typeof value === 'string') types.add(value)
          }
          continue
        }
        const claim = SUBJECT_PATH.exec(path)?.[1]
        if (claim) {
          claims.add(claim)
          break
        }
      }
    }
    return {
      descriptorId: descriptor.id,
      name: descriptor.name,
      purpose: descriptor.purpose,
      types: [...types],
      claims: [...claims],
    }
  })
}
