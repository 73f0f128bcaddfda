import type { Server } from 'node:http'

import { Kms, W3cCredential, W3cCredentialSubject, type X509Certificate } from '@credo-ts/core'
import { OpenId4VcModule, type OpenId4VciCredentialRequestToCredentialMapper } from '@credo-ts/openid4vc'
import express from 'express'

import { freePort } from '../../helpers/freePort'
import { accountConfiguration, accountMapper, makeDidKey, plainAgent } from './plainAgents'

export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL'
export const MDL_NAMESPACE = 'org.iso.18013.5.1'
export const LICENCE = { given_name: 'Erika', family_name: 'Mustermann', document_number: 'B1234567' }
export const EMPLOYMENT = { employer: 'Example GmbH', employedSince: '2019-04-01' }

const proofTypes = accountConfiguration.proof_types_supported

/** A W3C VC signed as a JWT (`jwt_vc_json`, bound to a holder DID) and an mDL (`mso_mdoc`, X.509 issuer). */
const configurations = {
  account: accountConfiguration,
  employment: {
    format: 'jwt_vc_json' as const,
    cryptographic_binding_methods_supported: ['did:key'],
    proof_types_supported: proofTypes,
    credential_definition: { type: ['VerifiableCredential', 'EmploymentCredential'] as [string, ...string[]] },
    credential_metadata: {
      display: [
        { name: 'Employment', locale: 'en' },
        { name: 'Beschäftigung', locale: 'de' },
      ],
    },
  },
  licence: {
    format: 'mso_mdoc' as const,
    doctype: MDL_DOCTYPE,
    cryptographic_binding_methods_supported: ['cose_key'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: [Kms.KnownJwaSignatureAlgorithms.ES256] } },
    credential_metadata: { display: [{ name: 'Driving licence', locale: 'en' }] },
  },
}

function mapper(issuer: () => { kid: string; did: string; certificate: X509Certificate }) {
  const map: OpenId4VciCredentialRequestToCredentialMapper = async (options) => {
    const { holderBinding, credentialConfiguration } = options
    const { kid, did, certificate } = issuer()
    if (credentialConfiguration.format === 'dc+sd-jwt') return accountMapper(() => kid)(options)
    if (credentialConfiguration.format === 'mso_mdoc') {
      return {
        type: 'credentials',
        format: 'mso_mdoc',
        credentials: holderBinding.keys.map((holder) => {
          if (holder.method !== 'jwk') throw new Error('an mDL binds to a device key')
          return {
            docType: MDL_DOCTYPE,
            namespaces: { [MDL_NAMESPACE]: LICENCE },
            issuerCertificate: certificate,
            holderKey: holder.jwk,
          }
        }),
      }
    }
    return {
      type: 'credentials',
      format: 'jwt_vc',
      credentials: holderBinding.keys.map((holder) => ({
        verificationMethod: kid,
        credential: new W3cCredential({
          type: ['VerifiableCredential', 'EmploymentCredential'],
          issuer: did,
          issuanceDate: new Date().toISOString(),
          credentialSubject: new W3cCredentialSubject({
            id: holder.method === 'did' ? holder.didUrl.split('#')[0] : undefined,
            claims: EMPLOYMENT,
          }),
        }),
      })),
    }
  }
  return map
}

/**
 * A plain Credo 0.6.3 issuer of both formats (and the SD-JWT VC account), its mDL signed under a
 * self-signed X.509 certificate; with `batchSize`, it issues that many instances of a credential at once.
 */
export async function startFormatsIssuer(dir: string, batchSize?: number) {
  const app = express()
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const signer: { current?: { kid: string; did: string; certificate: X509Certificate } } = {}
  const agent = await plainAgent(dir, 'formats-issuer', {
    openid4vc: new OpenId4VcModule({
      app,
      issuer: { baseUrl: `${baseUrl}/oid4vci`, credentialRequestToCredentialMapper: mapper(() => signer.current!) },
    }),
  })
  const { did, kid } = await makeDidKey(agent.context)
  const key = await agent.kms.createKey({ type: { kty: 'EC', crv: 'P-256' } })
  const certificate = await agent.x509.createCertificate({
    issuer: { commonName: 'Example Road Authority', countryName: 'DE' },
    authorityKey: Kms.PublicJwk.fromPublicJwk(key.publicJwk),
  })
  signer.current = { did, kid, certificate }
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const issuer = await agent.openid4vc.issuer.createIssuer({
    credentialConfigurationsSupported: configurations,
    display: [{ name: 'Example Authority', locale: 'en' }],
    batchCredentialIssuance: batchSize ? { batchSize } : undefined,
  })
  const offer = (configuration: keyof typeof configurations) =>
    agent.openid4vc.issuer.createCredentialOffer({
      issuerId: issuer.issuerId,
      credentialConfigurationIds: [configuration],
      preAuthorizedCodeFlowConfig: {},
      version: 'v1',
    })
  return {
    agent,
    certificate,
    offer,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}
