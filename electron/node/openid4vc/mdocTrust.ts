import { AsyncLocalStorage } from 'node:async_hooks'

import { Mdoc, X509ModuleConfig, type AgentContext } from '@credo-ts/core'

/** Set while the node takes credentials from an OpenID4VCI issuer (and only then). */
const taking = new AsyncLocalStorage<true>()
const hooked = new WeakSet<X509ModuleConfig>()

/**
 * Credo checks an mdoc's issuer signature against trusted X.509 certificates, and Custos has no list of
 * them yet (trust lists carry DIDs). While an OpenID4VCI offer is taken, an mdoc's own certificate chain
 * is taken as given: its last certificate is the anchor, so the signature, the chain and the data's
 * digests are still checked; the record is marked as named by no trust list. Every other X.509 check
 * (a verifier's certificate, anything outside a receipt) keeps the configuration as it was.
 */
export function withMdocChainAsGiven<T>(agentContext: AgentContext, task: () => Promise<T>): Promise<T> {
  const config = agentContext.resolve(X509ModuleConfig)
  if (!hooked.has(config)) {
    hooked.add(config)
    const before = config.getTrustedCertificatesForVerification
    config.setTrustedCertificatesForVerification(async (context, verification) => {
      if (taking.getStore() && verification.verification.type === 'credential') {
        const { credential } = verification.verification
        if (credential instanceof Mdoc) {
          const chain = verification.certificateChain
          return [chain[chain.length - 1].toString('base64')]
        }
      }
      return before ? before(context, verification) : config.trustedCertificates
    })
  }
  return taking.run(true, task)
}
