import type { Server } from 'node:http'

import { Kms, X509KeyUsage, type Agent, type X509Certificate } from '@credo-ts/core'
import { OpenId4VcModule } from '@credo-ts/openid4vc'
import express from 'express'

import { freePort } from '../../helpers/freePort'
import { LENDER_TERMS } from './lenderRequest'
import { accountQuery, plainAgent } from './plainAgents'

/** A certificate authority made in the agent's store, and a leaf it issues for `localhost` (the verifier's DNS name). */
async function caAndLeaf(agent: Pick<Agent, 'kms' | 'x509'>, caName: string) {
  const caKey = await agent.kms.createKey({ type: { kty: 'EC', crv: 'P-256' } })
  const leafKey = await agent.kms.createKey({ type: { kty: 'EC', crv: 'P-256' } })
  const ca = await agent.x509.createCertificate({
    issuer: { commonName: caName, countryName: 'NL' },
    authorityKey: Kms.PublicJwk.fromPublicJwk(caKey.publicJwk),
    extensions: {
      basicConstraints: { ca: true, pathLenConstraint: 0 },
      keyUsage: { usages: [X509KeyUsage.KeyCertSign] },
    },
  })
  const leaf = await agent.x509.createCertificate({
    issuer: { commonName: caName, countryName: 'NL' },
    subject: { commonName: 'Example Lender', countryName: 'NL' },
    authorityKey: Kms.PublicJwk.fromPublicJwk(caKey.publicJwk),
    subjectPublicKey: Kms.PublicJwk.fromPublicJwk(leafKey.publicJwk),
    extensions: { subjectAlternativeName: { name: [{ type: 'dns', value: 'localhost' }] } },
  })
  return { ca, leaf }
}

/**
 * A plain Credo 0.6.3 verifier at http://localhost (listening on 127.0.0.1 only) that names itself by a
 * certificate (`x509_san_dns:localhost`), with two chains: one from a CA a trust list will name, one from
 * a CA no list names. `tap` sees every form body posted to it.
 */
export async function startX509Verifier(dir: string, tap: (body: Record<string, unknown>) => void) {
  const app = express()
  app.use(express.urlencoded({ extended: false }), (req, _res, next) => {
    if (req.method === 'POST' && req.body) tap(req.body as Record<string, unknown>)
    next()
  })
  const port = await freePort()
  const agent = await plainAgent(dir, 'x509-lender', {
    openid4vc: new OpenId4VcModule({ app, verifier: { baseUrl: `http://localhost:${port}/oid4vp` } }),
  })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const verifier = await agent.openid4vc.verifier.createVerifier({ clientMetadata: { client_name: 'Example Lender' } })
  const listed = await caAndLeaf(agent, 'Example Lenders CA')
  const unlisted = await caAndLeaf(agent, 'Unknown CA')
  /** A DCQL request for `claims`, its object signed by the leaf of `chain` (client id by DNS name or certificate hash), stating the lender's terms. */
  const ask = (
    chain: { ca: X509Certificate; leaf: X509Certificate },
    claims: string[],
    clientIdPrefix: 'x509_san_dns' | 'x509_hash' = 'x509_san_dns',
  ) =>
    agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifierId,
      requestSigner: { method: 'x5c', x5c: [chain.leaf, chain.ca], clientIdPrefix },
      dcql: { query: accountQuery(claims) },
      verifierInfo: [LENDER_TERMS],
      responseMode: 'direct_post',
      version: 'v1',
    })
  return {
    agent,
    listed,
    unlisted,
    ask,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}
