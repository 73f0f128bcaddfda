export interface DisclosedCredential {
  types: string[]
  issuer: string
  claims: Record<string, unknown>
}

import type { ReceivedDocument } from './documentCheck'

export type PresentationOutcome =
  | { state: 'verified'; credentials: DisclosedCredential[]; documents?: ReceivedDocument[] }
  | { state: 'untrusted'; credentials: DisclosedCredential[]; reason: string }
  | { state: 'refused'; reason: string }

type JsonCredential = { type: string[]; issuer: string | { id: string }; credentialSubject: object }

/**
 * What a verified presentation discloses, and whether the lender takes each issuer's word for it:
 * Credo's check of the signatures says who issued, `trusted` (issuers per credential type) says who
 * may. A type with no entry in `trusted` is taken from any issuer.
 */
export function judgePresentation(presentation: unknown, trusted: Map<string, Set<string>>): PresentationOutcome {
  if (!presentation || typeof presentation !== 'object') throw new Error('no JSON-LD presentation received')
  const credentials = [(presentation as { verifiableCredential: unknown }).verifiableCredential]
    .flat()
    .map((vc): DisclosedCredential => {
      const json = vc as JsonCredential
      return {
        types: json.type,
        issuer: typeof json.issuer === 'string' ? json.issuer : json.issuer.id,
        claims: json.credentialSubject as Record<string, unknown>,
      }
    })
  const untrusted = credentials.filter((credential) =>
    credential.types.some((type) => trusted.has(type) && !trusted.get(type)?.has(credential.issuer)),
  )
  if (untrusted.length === 0) return { state: 'verified', credentials }
  const reason = `untrusted issuer: ${untrusted.map((credential) => credential.issuer).join(', ')}`
  return { state: 'untrusted', credentials, reason }
}
