import { parseRequestTerms, REQUEST_TERMS_PREFIX, type RequestTerms } from '../requests'

/**
 * The `verifier_info` format under which a verifier states its terms (purpose, DPV purpose, retention,
 * legal basis) inside its signed request object: OpenID4VP 1.0 carries no purpose of its own, and DCQL has
 * no field for one. The same terms a DIDComm requester puts in its request's comment, read by the same rules.
 */
export const TERMS_FORMAT = 'custos_terms'

export function termsOf(payload: object): RequestTerms {
  const pexTerms = definitionTerms(payload)
  if (pexTerms) return pexTerms
  const info = 'verifier_info' in payload && Array.isArray(payload.verifier_info) ? payload.verifier_info : []
  const entry = (info as { format?: unknown; data?: unknown }[]).find((item) => item?.format === TERMS_FORMAT)
  if (!entry || !entry.data || typeof entry.data !== 'object') return {}
  return parseRequestTerms(REQUEST_TERMS_PREFIX + JSON.stringify(entry.data))
}

/**
 * A Presentation Exchange request has a purpose of its own (the definition's `purpose`, signed with the
 * request): the same terms after `custos-terms:` as a DIDComm comment, or else a plain purpose in words.
 */
function definitionTerms(payload: object): RequestTerms | undefined {
  const definition = 'presentation_definition' in payload ? payload.presentation_definition : undefined
  const purpose = (definition as { purpose?: unknown } | undefined)?.purpose
  if (typeof purpose !== 'string' || !purpose.trim()) return undefined
  const parsed = parseRequestTerms(purpose.trim())
  return Object.keys(parsed).length > 0 ? parsed : { purpose: purpose.trim().slice(0, 500) }
}
