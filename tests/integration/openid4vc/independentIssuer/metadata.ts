// What the independent issuer publishes (OpenID4VCI 1.0 §12.2.4 and RFC 8414), and what it issues.

export const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'
export const ALGORITHMS = ['ES256', 'EdDSA']
export const RESIDENCE_VCT = 'https://registry.example/credentials/residence'
export const RESIDENCE_CLAIMS = {
  given_name: 'Erika',
  family_name: 'Mustermann',
  birthdate: '1984-01-26',
  street_address: 'Heidestraße 17',
  locality: 'Köln',
  postal_code: '51147',
}

export interface IssuerOptions {
  /** Instances per credential request (§8.3 batch issuance); 1 issues single credentials. */
  batchSize?: number
  /** Whether the token endpoint gives a refresh token (RFC 6749 §6), which gets a new batch later. */
  refreshTokens?: boolean
  /** Whether its proofs must carry a key attestation (§F.1), which only a certified wallet app gets. */
  keyAttestation?: boolean
}

export function issuerMetadata(base: string, name: string, { batchSize = 1, keyAttestation }: IssuerOptions) {
  const jwtProofs = {
    proof_signing_alg_values_supported: ALGORITHMS,
    ...(keyAttestation ? { key_attestations_required: { key_storage: ['iso_18045_high'] } } : {}),
  }
  return {
    credential_issuer: base,
    credential_endpoint: `${base}/credential`,
    nonce_endpoint: `${base}/nonce`,
    ...(batchSize > 1 ? { batch_credential_issuance: { batch_size: batchSize } } : {}),
    display: [{ name, locale: 'en' }],
    credential_configurations_supported: {
      residence: {
        format: 'dc+sd-jwt',
        vct: RESIDENCE_VCT,
        scope: 'Residence',
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: { jwt: jwtProofs },
        credential_metadata: {
          display: [
            { name: 'Proof of residence', locale: 'en' },
            { name: 'Meldebescheinigung', locale: 'de' },
          ],
          claims: [{ path: ['locality'], display: [{ name: 'Town', locale: 'en' }] }],
        },
      },
    },
  }
}

export function authorizationServerMetadata(base: string, { refreshTokens = false }: IssuerOptions) {
  return {
    issuer: base,
    token_endpoint: `${base}/token`,
    grant_types_supported: [PRE_AUTHORIZED, ...(refreshTokens ? ['refresh_token'] : [])],
    'pre-authorized_grant_anonymous_access_supported': true,
  }
}
