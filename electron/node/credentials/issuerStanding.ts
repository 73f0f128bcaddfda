import { tryParseDid, type AgentContext } from '@credo-ts/core'

import type { IssuerStanding } from '../../../shared/api'
import { credentialTypes } from '../jsonld'
import { issuerRevocations, issuerVouchers, type IssuerRevocation } from '../trustLists'
import { CredentialRefusal } from './CredentialRefusal'
import { keysOfConnection, keysOfDid } from './connectionKeys'

/**
 * DID methods the node reads: did:key, did:jwk and did:peer are computed from the DID itself, did:web is
 * fetched from the issuer's own host over verified TLS (CustosWebDidResolver). Ledger methods would need
 * a ledger and are refused with a sentence.
 */
export const RESOLVED_DID_METHODS = ['key', 'jwk', 'peer', 'web']

interface IssuedShape {
  '@context'?: unknown
  type?: unknown
}

/**
 * Who stands behind `issuer`: its DID must resolve (or the credential is refused, naming it); it may be
 * the connection's own key or another party; trust lists may name it for the credential's types.
 */
export async function issuerStanding(
  agentContext: AgentContext,
  issuer: string,
  credential: IssuedShape,
  connectionId: string,
): Promise<IssuerStanding> {
  const method = tryParseDid(issuer)?.method
  if (!method) throw new CredentialRefusal(`The issuer ${issuer} is not a DID.`, 'issuer-unresolvable')
  if (!RESOLVED_DID_METHODS.includes(method)) {
    throw new CredentialRefusal(
      `The issuer ${issuer} cannot be checked: Custos reads did:${RESOLVED_DID_METHODS.join(', did:')} issuers, not did:${method}.`,
      'issuer-unresolvable',
    )
  }
  // A revoked issuer is refused before its host is even asked; by key once its DID document is read.
  refuseRevoked(issuer, issuerRevocations(agentContext, { issuer, keyFingerprints: new Set() }))
  let issuerKeys: Set<string>
  try {
    issuerKeys = await keysOfDid(agentContext, issuer)
  } catch (error) {
    throw new CredentialRefusal(
      `The issuer ${issuer} cannot be checked: its DID does not resolve (${(error as Error).message}).`.slice(0, 500),
      'issuer-unresolvable',
    )
  }
  if (issuerKeys.size === 0) {
    throw new CredentialRefusal(
      `The issuer ${issuer} lists no key a signature could be checked with.`,
      'issuer-unresolvable',
    )
  }
  refuseRevoked(issuer, issuerRevocations(agentContext, { issuer, keyFingerprints: issuerKeys }))
  const connectionKeys = await keysOfConnection(agentContext, connectionId)
  const types = await credentialTypes(agentContext, credential)
  const vouchers = issuerVouchers(agentContext, { issuer, keyFingerprints: issuerKeys, types })
  return {
    issuerIsConnection: [...issuerKeys].some((key) => connectionKeys.has(key)),
    issuerName: vouchers[0]?.name,
    listedBy: [...new Set(vouchers.map((voucher) => voucher.list))],
  }
}

function refuseRevoked(issuer: string, revocations: IssuerRevocation[]): void {
  const [revoked] = revocations
  if (!revoked) return
  throw new CredentialRefusal(
    `The issuer ${issuer} (${revoked.name}) is revoked by the trust list "${revoked.list}" since ${revoked.since}${
      revoked.reason ? `: ${revoked.reason}` : ''
    }.`.slice(0, 500),
    'issuer-revoked',
  )
}
