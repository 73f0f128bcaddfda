import crypto from 'node:crypto'

import { fromB64uJson, jwsHolds } from './jose'

// OpenID4VCI 1.0 Appendix F.1 (proof type `jwt`), checked as the issuer must: the type, an algorithm it
// takes, a public key in the header that the signature holds under, its own identifier as audience, a
// fresh issue time and a nonce from its nonce endpoint that is used once.

export interface ProofCheck {
  credentialIssuer: string
  algorithms: string[]
  /** Takes a nonce this issuer gave out and not yet used; false otherwise. */
  takeNonce: (nonce: string) => boolean
}

export class InvalidProof extends Error {
  constructor(
    readonly error: 'invalid_proof' | 'invalid_nonce',
    message: string,
  ) {
    super(message)
  }
}

/** The holder's public JWK, once the proof holds. */
export function checkProof(jwt: string, check: ProofCheck): crypto.JsonWebKey {
  const parts = jwt.split('.')
  if (parts.length !== 3) throw new InvalidProof('invalid_proof', 'the proof is not a compact JWS')
  const header = fromB64uJson<{ typ?: string; alg?: string; jwk?: crypto.JsonWebKey; kid?: string }>(parts[0])
  const payload = fromB64uJson<{ aud?: unknown; iat?: unknown; nonce?: unknown }>(parts[1])
  if (header.typ !== 'openid4vci-proof+jwt') throw new InvalidProof('invalid_proof', `proof typ ${header.typ}`)
  if (!header.alg || !check.algorithms.includes(header.alg)) {
    throw new InvalidProof('invalid_proof', `proof alg ${header.alg} is not one this issuer takes`)
  }
  if (!header.jwk || 'd' in header.jwk) throw new InvalidProof('invalid_proof', 'no public jwk in the proof header')
  if (!jwsHolds(jwt, crypto.createPublicKey({ key: header.jwk, format: 'jwk' }))) {
    throw new InvalidProof('invalid_proof', 'the proof signature does not hold under its jwk')
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if (!audiences.includes(check.credentialIssuer))
    throw new InvalidProof('invalid_proof', 'the proof is for another issuer')
  const now = Date.now() / 1000
  if (typeof payload.iat !== 'number' || payload.iat > now + 60 || payload.iat < now - 300) {
    throw new InvalidProof('invalid_proof', 'the proof is not fresh')
  }
  if (typeof payload.nonce !== 'string' || !check.takeNonce(payload.nonce)) {
    throw new InvalidProof('invalid_nonce', 'the proof does not carry a nonce this issuer gave out')
  }
  return header.jwk
}
