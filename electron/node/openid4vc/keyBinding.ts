import { Kms } from '@credo-ts/core'
import type { OpenId4VciCredentialBindingResolver } from '@credo-ts/openid4vc'

import { CustosError } from '../../../shared/errors'

/**
 * Each credential is bound to a new key made in the person's Askar store (a JWK binding: nothing about the
 * holder's DIDs reaches the issuer). Ed25519 where the issuer takes it, else P-256; as many keys as the
 * issuer issues instances in one batch.
 */
export const bindToNewKeys: OpenId4VciCredentialBindingResolver = async ({
  agentContext,
  proofTypes,
  supportsJwk,
  issuerMaxBatchSize,
}) => {
  const jwt = proofTypes.jwt
  if (!jwt || jwt.keyAttestationsRequired) {
    throw new CustosError(
      'CredentialRefused',
      'The issuer asks for a key or wallet attestation, a certificate that a certified EU wallet app gets; Custos cannot give one.',
    )
  }
  if (!supportsJwk) {
    throw new CustosError(
      'CredentialRefused',
      'The issuer binds its credentials only to DIDs of a kind Custos does not offer.',
    )
  }
  const algorithms = jwt.supportedSignatureAlgorithms
  const type: Kms.KmsCreateKeyType = algorithms.some((alg) => alg === 'EdDSA' || alg === 'Ed25519')
    ? { kty: 'OKP', crv: 'Ed25519' }
    : algorithms.includes('ES256')
      ? { kty: 'EC', crv: 'P-256' }
      : unsupported(algorithms)
  const kms = agentContext.resolve(Kms.KeyManagementApi)
  const keys = []
  for (let i = 0; i < Math.max(1, Math.min(issuerMaxBatchSize, 10)); i++) {
    const { publicJwk } = await kms.createKey({ type })
    keys.push(Kms.PublicJwk.fromPublicJwk(publicJwk))
  }
  return { method: 'jwk', keys }
}

function unsupported(algorithms: string[]): never {
  throw new CustosError(
    'CredentialRefused',
    `The issuer wants a key signature Custos cannot make (${algorithms.join(', ') || 'none named'}).`,
  )
}
