import { CredoError, deepEquality, DidKey, type SdJwtVc } from '@credo-ts/core'

import type { SdJwtVcOfferData, SdJwtVcRequestData } from './sdJwtVcFormat'

/** The did:key's one verification method, as an SD-JWT `kid` names it. */
export function didUrlOf(did: string): string {
  return `${did}#${DidKey.fromDid(did).publicJwk.fingerprint}`
}

export function checkOfferData(offer: Partial<SdJwtVcOfferData> | undefined): asserts offer is SdJwtVcOfferData {
  if (!offer || typeof offer.vct !== 'string' || !offer.vct) throw new CredoError('The offer has no vct.')
  if (typeof offer.issuer !== 'string' || !offer.issuer.startsWith('did:key:')) {
    throw new CredoError(`Issuer ${String(offer.issuer)} is not a did:key.`)
  }
  if (!offer.claims || typeof offer.claims !== 'object' || Array.isArray(offer.claims)) {
    throw new CredoError('The offer has no claims.')
  }
  if (!offer.disclosureFrame || typeof offer.disclosureFrame !== 'object') {
    throw new CredoError('The offer has no disclosure frame.')
  }
  if (offer.expiresAt !== undefined && (typeof offer.expiresAt !== 'number' || offer.expiresAt * 1000 <= Date.now())) {
    throw new CredoError(`The credential expired at ${String(offer.expiresAt)}.`)
  }
}

/** What was signed is what was offered: type, issuer, every claim, and bound to the holder's key. */
export function checkIssuedAsOffered(issued: SdJwtVc, offer: SdJwtVcOfferData, request: SdJwtVcRequestData): void {
  const { vct, iss, cnf, iat: _iat, exp: _exp, ...claims } = issued.prettyClaims as Record<string, unknown>
  if (vct !== offer.vct) throw new CredoError(`The credential is a ${String(vct)}, not the ${offer.vct} offered.`)
  if (iss !== offer.issuer) throw new CredoError(`The credential was issued by ${String(iss)}, not ${offer.issuer}.`)
  if (!deepEquality(claims, offer.claims)) throw new CredoError('The credential does not state what was offered.')
  const kid = (cnf as { kid?: unknown } | undefined)?.kid
  if (kid !== request.holder.didUrl) throw new CredoError('The credential is not bound to this holder key.')
}
