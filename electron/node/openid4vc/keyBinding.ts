import { DidKey, DidsApi, Kms, type AgentContext, type KeyDidCreateOptions } from '@credo-ts/core'
import type { OpenId4VciCredentialBindingResolver } from '@credo-ts/openid4vc'

import { CustosError } from '../../../shared/errors'

export const KEY_ATTESTATION_REFUSAL =
  'The issuer asks for a key or wallet attestation, a certificate that a certified EU wallet app gets; Custos cannot give one.'

/**
 * Each credential is bound to a new key made in the person's Askar store (a JWK binding: nothing about the
 * holder's DIDs reaches the issuer). Ed25519 where the issuer takes it, else P-256; as many keys as the
 * issuer issues instances in one batch.
 */
export const bindToNewKeys: OpenId4VciCredentialBindingResolver = async ({
  agentContext,
  proofTypes,
  supportsJwk,
  supportsAllDidMethods,
  supportedDidMethods,
  credentialFormat,
  issuerMaxBatchSize,
}) => {
  const jwt = proofTypes.jwt
  if (!jwt || jwt.keyAttestationsRequired) {
    throw new CustosError('CredentialRefused', KEY_ATTESTATION_REFUSAL)
  }
  // W3C JWT VCs bind to a DID only (Credo and the spec): a new did:key per key, made for this credential.
  const byDid = credentialFormat === 'jwt_vc_json'
  if (byDid && !supportsAllDidMethods && !supportedDidMethods?.includes('did:key')) {
    throw new CustosError(
      'CredentialRefused',
      'The issuer binds this credential only to DIDs of a kind Custos does not make.',
    )
  }
  if (!byDid && !supportsJwk) {
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
  if (byDid) return { method: 'did', didUrls: await Promise.all(keys.map((key) => didKeyOf(agentContext, key))) }
  return { method: 'jwk', keys }
}

async function didKeyOf(agentContext: AgentContext, key: Kms.PublicJwk): Promise<string> {
  const result = await agentContext
    .resolve(DidsApi)
    .create<KeyDidCreateOptions>({ method: 'key', options: { keyId: key.keyId } })
  const did = result.didState.did
  if (!did) throw new CustosError('Internal', 'A key for the credential could not be given a DID.')
  return `${did}#${DidKey.fromDid(did).publicJwk.fingerprint}`
}

function unsupported(algorithms: string[]): never {
  throw new CustosError(
    'CredentialRefused',
    `The issuer wants a key signature Custos cannot make (${algorithms.join(', ') || 'none named'}).`,
  )
}
