/**
 * What a requester states besides the claims: DIF Presentation Exchange carries a purpose but no
 * retention or legal basis (and its schema forbids extra properties), so the terms travel in the
 * request message's comment, as this prefix and a JSON object. A comment without it states nothing.
 */
export const REQUEST_TERMS_PREFIX = 'custos-terms:'

export interface RequestTerms {
  purpose?: string
  /** ISO 8601 duration (P7Y) or text. */
  retention?: string
  legalBasis?: string
  /** The purpose as a W3C DPV id (dpv:CreditChecking), which consent policies match on. */
  dpvPurpose?: string
  /** Who else receives the data besides the requester (names as stated); absent: it said nothing. */
  thirdParties?: string[]
  /** Whether the requester says it profiles the person on the data (automated evaluation). */
  profiling?: boolean
  /** The data agreement the request is made under (its id); the node refuses what goes beyond it. */
  agreement?: string
}

const MAX_TERM = 500

export function parseRequestTerms(comment: string | undefined): RequestTerms {
  if (!comment?.startsWith(REQUEST_TERMS_PREFIX)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(comment.slice(REQUEST_TERMS_PREFIX.length))
  } catch {
    return {}
  }
  if (!parsed || typeof parsed !== 'object') return {}
  const terms: RequestTerms = {}
  for (const key of ['purpose', 'retention', 'legalBasis', 'dpvPurpose', 'agreement'] as const) {
    const value = (parsed as Record<string, unknown>)[key]
    if (typeof value === 'string' && value.trim()) terms[key] = value.trim().slice(0, MAX_TERM)
  }
  const { thirdParties, profiling } = parsed as Record<string, unknown>
  if (Array.isArray(thirdParties)) {
    const names = thirdParties.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    terms.thirdParties = names.slice(0, 20).map((name) => name.trim().slice(0, 200))
  }
  if (typeof profiling === 'boolean') terms.profiling = profiling
  return terms
}
