import { DidKey, type AgentContext } from '@credo-ts/core'
import type { OpenId4VpResolvedAuthorizationRequest } from '@credo-ts/openid4vc'

import type { TrustListEntry, TrustListVoucher, VerifierIdentity } from '../../../shared/api'
import { anchorEntry, TrustListsService } from '../trustLists'
import { certifyingAnchors } from './verifierCertificates'

// Prefixes under which Credo has checked that the request object's signature is made by a key the client
// id names (the DID's verification method, the certificate for the DNS name or its hash).
const PROVING_PREFIXES = new Set(['decentralized_identifier', 'x509_san_dns', 'x509_hash', 'verifier_attestation'])

/** The did:key a DID-prefixed client id names, when it is one (trust lists list did:key DIDs). */
function didKeyOf(resolved: OpenId4VpResolvedAuthorizationRequest): DidKey | undefined {
  const signer = resolved.signedAuthorizationRequest?.signer
  if (signer?.method !== 'did') return undefined
  try {
    return DidKey.fromDid(signer.didUrl.split('#')[0])
  } catch {
    return undefined
  }
}

/** The trust-list entries that list the verifier's proved did:key, or the X.509 anchors its certificate chains to. */
export async function listedEntries(
  agentContext: AgentContext,
  resolved: OpenId4VpResolvedAuthorizationRequest,
): Promise<TrustListEntry[]> {
  const anchors = (await certifyingAnchors(agentContext, resolved)).map(anchorEntry)
  const didKey = didKeyOf(resolved)
  if (!didKey) return anchors
  const fingerprints = new Set([didKey.publicJwk.fingerprint])
  return [...agentContext.resolve(TrustListsService).entriesForKeys(agentContext, fingerprints), ...anchors]
}

/** The imported lists that vouch for the verifier's proved did:key or certificate, as a DIDComm requester's are shown. */
async function vouchersOf(
  agentContext: AgentContext,
  resolved: OpenId4VpResolvedAuthorizationRequest,
): Promise<TrustListVoucher[]> {
  const anchors = (await certifyingAnchors(agentContext, resolved)).map(({ list, name, roles }) => ({
    list,
    name,
    roles,
  }))
  const didKey = didKeyOf(resolved)
  if (!didKey) return anchors
  const fingerprints = new Set([didKey.publicJwk.fingerprint])
  return [...agentContext.resolve(TrustListsService).vouchersForKeys(agentContext, fingerprints), ...anchors]
}

/**
 * Who asks, as far as the request proves it: a signed request object under a client id prefix that binds
 * the signing key. A `redirect_uri` client id, or an unsigned request, proves nothing (any site can name
 * any address), so such a request is never answered by a policy.
 */
export async function verifierIdentity(
  agentContext: AgentContext,
  resolved: OpenId4VpResolvedAuthorizationRequest,
): Promise<VerifierIdentity> {
  const prefix = String(resolved.verifier.clientIdPrefix)
  const proved = Boolean(resolved.signedAuthorizationRequest) && PROVING_PREFIXES.has(prefix)
  const metadata = resolved.authorizationRequestPayload.client_metadata as { client_name?: unknown } | undefined
  const statedName = typeof metadata?.client_name === 'string' ? metadata.client_name.slice(0, 200) : undefined
  const roles = proved ? (await listedEntries(agentContext, resolved)).flatMap((entry) => entry.roles) : []
  return {
    clientId: String(resolved.verifier.effectiveClientId),
    prefix,
    proved,
    statedName,
    roles: [...new Set(roles)].sort(),
    vouchedBy: proved ? await vouchersOf(agentContext, resolved) : [],
  }
}
