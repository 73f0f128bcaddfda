/** A presentation definition field as the node reads it. */
export interface Field {
  path: string[]
  filter?: Filter
  optional?: boolean
}

export interface Filter {
  type?: string
  const?: unknown
  enum?: unknown[]
  contains?: Filter
  pattern?: string
  anyOf?: Filter[]
}

/** Claims a requester may ask for instead of the claim they are derived from; the derived one says less. */
const DERIVED_FROM: Record<string, string> = { age_over_18: 'dateOfBirth' }

const TYPE_PATHS = new Set(['$.type', '$.vc.type', '$.vct'])

export function isTypeField(field: Field): boolean {
  return field.path.some((path) => TYPE_PATHS.has(path))
}

/** `$.credentialSubject.address.city` and `$.address.city` (SD-JWT VC) both name the claim `address.city`. */
export function claimOfPath(path: string): string | undefined {
  const match = /^\$\.(?:credentialSubject\.)?([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)$/.exec(path)
  return match?.[1]
}

/**
 * A field's paths with those naming a derived claim first: DIF PE takes the first path that resolves,
 * so where a requester accepts either, the claim that reveals less is the one that leaves.
 */
export function minimisedPaths(paths: string[]): string[] {
  const rank = (path: string) =>
    Object.keys(DERIVED_FROM).includes(claimOfPath(path)?.split('.').at(-1) ?? '') ? 0 : 1
  return [...paths].sort((a, b) => rank(a) - rank(b))
}

export function valueAt(claims: Record<string, unknown>, claim: string): unknown {
  let value: unknown = claims
  for (const part of claim.split('.')) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/**
 * The subset of JSON Schema that requesters' filters use here: type, const, enum, anyOf, and as in JSON
 * Schema `contains` only for arrays and `pattern` only for strings.
 */
export function matchesFilter(value: unknown, filter: Filter | undefined): boolean {
  if (!filter) return value !== undefined
  if (filter.anyOf) return filter.anyOf.some((option) => matchesFilter(value, option))
  if (filter.type === 'array' && !Array.isArray(value)) return false
  if (filter.type && filter.type !== 'array' && typeof value !== filter.type) return false
  if ('const' in filter && value !== filter.const) return false
  if (filter.enum && !filter.enum.includes(value)) return false
  if (filter.contains && Array.isArray(value) && !value.some((item) => matchesFilter(item, filter.contains))) {
    return false
  }
  if (filter.pattern && typeof value === 'string' && !new RegExp(filter.pattern, 'u').test(value)) return false
  return value !== undefined
}
