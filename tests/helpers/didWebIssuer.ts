import { newCertificateAuthority, type CertificateAuthority } from '../../scripts/companies/certificateAuthority'
import { DidWebHost } from '../../scripts/companies/didWebHost'
import { serveOwnDidWeb } from '../../scripts/companies/ownDidWeb'
import { FieldIssuer } from './fieldIssuer'
import { freePort } from './freePort'
import { startNode } from './nodes'

export { didWebDocument } from '../../scripts/companies/ownDidWeb'

/** Gives a field issuer a did:web of its own on `host`, and has it sign with that DID's key from now on. */
export async function giveDidWeb(issuer: FieldIssuer, host: DidWebHost): Promise<string> {
  issuer.verificationMethod = await serveOwnDidWeb(issuer.agent, host)
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
