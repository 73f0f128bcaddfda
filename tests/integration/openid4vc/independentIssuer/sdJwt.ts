import crypto from 'node:crypto'

import { b64u, b64uJson, sha256, signEs256 } from './jose'

// An SD-JWT VC (SD-JWT VC draft, media type `dc+sd-jwt`; SD-JWT RFC 9901) written by hand: every claim a
// disclosure (base64url of the JSON array [salt, name, value]), the issuer-signed JWT carrying only their
// SHA-256 digests in `_sd`, the holder's key in `cnf`, the serialization `<jwt>~<disclosure>~...~`.

export interface Issuing {
  issuer: { did: string; kid: string; privateKey: crypto.KeyObject }
  vct: string
  claims: Record<string, unknown>
  /** The holder's public key from its proof JWT, which the credential is bound to. */
  holderJwk: crypto.JsonWebKey
}

export function issueSdJwtVc({ issuer, vct, claims, holderJwk }: Issuing): string {
  const disclosures = Object.entries(claims).map(([name, value]) =>
    b64uJson([b64u(crypto.randomBytes(16)), name, value]),
  )
  const digests = disclosures.map((disclosure) => b64u(sha256(disclosure)))
  // Shuffled so the digests' order tells nothing about the claims' order (RFC 9901 §4.2.5).
  digests.sort()
  const now = Math.floor(Date.now() / 1000)
  const { kty, crv, x, y } = holderJwk
  const payload = {
    iss: issuer.did,
    iat: now,
    exp: now + 365 * 24 * 3600,
    vct,
    cnf: { jwk: { kty, crv, x, ...(y ? { y } : {}) } },
    _sd: digests,
    _sd_alg: 'sha-256',
  }
  const jwt = signEs256({ typ: 'dc+sd-jwt', kid: issuer.kid }, payload, issuer.privateKey)
  return `${[jwt, ...disclosures].join('~')}~`
}
