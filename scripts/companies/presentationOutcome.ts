export interface DisclosedCredential {
  types: string[]
  issuer: string
  claims: Record<string, unknown>
  format: 'ldp_vc' | 'vc+sd-jwt'
}

/** Decodes a compact SD-JWT VC presentation to the claims it discloses (Credo's fromCompact). */
export type SdJwtDecoder = (compact: string) => Record<string, unknown>

const SD_JWT_ENVELOPE = new Set(['vct', 'iss', 'cnf', 'iat', 'exp', 'nbf', 'status', '_sd_alg'])

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
export function judgePresentation(
  presentation: unknown,
  trusted: Map<string, Set<string>>,
  decodeSdJwt?: SdJwtDecoder,
): PresentationOutcome {
  if (!presentation || typeof presentation !== 'object') throw new Error('no presentation received')
  // A mixed answer (SD-JWT VCs included) is a vp_token array; a JSON-LD-only one is one presentation.
  const tokens = (presentation as { vp_token?: unknown[] }).vp_token ?? [presentation]
  const credentials = tokens.flatMap((token): DisclosedCredential[] => {
    if (typeof token === 'string') {
      if (!decodeSdJwt) throw new Error('an SD-JWT VC came and no decoder was given')
      const claims = decodeSdJwt(token)
      const disclosed = Object.fromEntries(Object.entries(claims).filter(([name]) => !SD_JWT_ENVELOPE.has(name)))
      return [{ types: [String(claims.vct)], issuer: String(claims.iss), claims: disclosed, format: 'vc+sd-jwt' }]
    }
    return [(token as { verifiableCredential: unknown }).verifiableCredential].flat().map((vc) => {
      const json = vc as JsonCredential
      return {
        types: json.type,
        issuer: typeof json.issuer === 'string' ? json.issuer : json.issuer.id,
        claims: json.credentialSubject as Record<string, unknown>,
        format: 'ldp_vc',
      }
    })
  })
  const untrusted = credentials.filter((credential) =>
    credential.types.some((type) => trusted.has(type) && !trusted.get(type)?.has(credential.issuer)),
  )
  if (untrusted.length === 0) return { state: 'verified', credentials }
  const reason = `untrusted issuer: ${untrusted.map((credential) => credential.issuer).join(', ')}`
  return { state: 'untrusted', credentials, reason }
}
