import { X509Service, type AgentContext } from '@credo-ts/core'
import type { OpenId4VpResolvedAuthorizationRequest } from '@credo-ts/openid4vc'

import { anchorDer, importedX509Anchors, type ImportedX509Anchor } from '../trustLists'

/**
 * The certificates Credo checks an `x509_san_dns` / `x509_hash` verifier against, per request: the X.509
 * anchors of the imported trust lists. With none imported, undefined, so Credo's own X509 configuration
 * (empty in the node) applies and such a verifier is refused in words (verifierResponse.untrustedCertificate).
 */
export function trustedCertificatesFor(agentContext: AgentContext): string[] | undefined {
  const anchors = importedX509Anchors(agentContext).map((anchor) => anchorDer(anchor.certificate))
  return anchors.length > 0 ? [...new Set(anchors)] : undefined
}

/**
 * The imported anchors the verifier's certificate chain ends at: Credo has checked the chain against all
 * of them together; this says which ones vouch, so the verifier gets their roles and no other list's.
 */
export async function certifyingAnchors(
  agentContext: AgentContext,
  resolved: OpenId4VpResolvedAuthorizationRequest,
): Promise<ImportedX509Anchor[]> {
  const signer = resolved.signedAuthorizationRequest?.signer
  if (signer?.method !== 'x5c') return []
  const vouching: ImportedX509Anchor[] = []
  for (const anchor of importedX509Anchors(agentContext)) {
    try {
      await X509Service.validateCertificateChain(agentContext, {
        certificateChain: signer.x5c,
        trustedCertificates: [anchorDer(anchor.certificate)],
      })
      vouching.push(anchor)
    } catch {
      // Not this anchor's chain.
    }
  }
  return vouching
}
