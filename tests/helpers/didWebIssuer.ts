import { DidDocument, JsonTransformer, TypedArrayEncoder } from '@credo-ts/core'

import { newCertificateAuthority, type CertificateAuthority } from '../../scripts/companies/certificateAuthority'
import { DidWebHost } from '../../scripts/companies/didWebHost'
import { FieldIssuer } from './fieldIssuer'
import { freePort } from './freePort'
import { startNode } from './nodes'

/** The DID document of a did:web with one Ed25519 key, as a registry publishes it. */
export function didWebDocument(did: string, publicKeyBase58: string) {
  const key = `${did}#key-1`
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2018/v1'],
    id: did,
    verificationMethod: [{ id: key, type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58 }],
    assertionMethod: [key],
    authentication: [key],
  }
}

/**
 * Gives a field issuer a did:web of its own on `host`: a new key in its store, the document served at
 * /.well-known/did.json, and the same document in its own DID record, so it signs with `<did>#key-1`.
 */
export async function giveDidWeb(issuer: FieldIssuer, host: DidWebHost): Promise<string> {
  const created = await issuer.agent.kms.createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
  const x = (created.publicJwk as { x: string }).x
  const document = didWebDocument(host.did, TypedArrayEncoder.toBase58(TypedArrayEncoder.fromBase64(x)))
  host.documents.set('/.well-known/did.json', document)
  await issuer.agent.dids.import({
    did: host.did,
    didDocument: JsonTransformer.fromJSON(document, DidDocument),
    keys: [{ didDocumentRelativeKeyId: '#key-1', kmsKeyId: created.keyId }],
    overwrite: true,
  })
  issuer.verificationMethod = `${host.did}#key-1`
  return host.did
}

/**
 * A field issuer whose issuer DID is a did:web served over HTTPS on 127.0.0.1 with a certificate from a
 * CA made for the test, and a node told to trust that CA (its own option, nothing process-wide).
 */
export async function didWebIssuerBesideNode(dir: string) {
  const ca: CertificateAuthority = await newCertificateAuthority()
  const host = await DidWebHost.start(await ca.serverCertificate())
  const issuer = await FieldIssuer.start(`${dir}/issuer`)
  const did = await giveDidWeb(issuer, host)
  const node = await startNode(`${dir}/node`, {
    label: 'Alice',
    inbound: { port: await freePort() },
    issuerHosts: { extraCaCertificates: [ca.certificate], timeoutMs: 5_000 },
  })
  const connectionId = await issuer.connect(node)
  const stop = async () => {
    await node.close().catch(() => undefined)
    await issuer.stop().catch(() => undefined)
    await host.stop().catch(() => undefined)
  }
  return { ca, host, issuer, did, node, connectionId, stop }
}
