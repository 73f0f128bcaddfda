import { type AgentContext } from '@credo-ts/core'

import type { IssuerStanding } from '../../../shared/api'
import { checkNamedDigests, contextsNotHeld, whyNotFetchable } from './contextChecks'
import { CredentialRefusal } from './CredentialRefusal'
import { issuerStanding } from './issuerStanding'

interface CredentialShape {
  '@context'?: unknown
  relatedResource?: unknown
  type?: unknown
  issuer?: unknown
  expirationDate?: unknown
  issuanceDate?: unknown
}

/** The only purpose an issuer's proof may have; RFC 0593's default when an offer names none. */
export const DEFAULT_PROOF_PURPOSE = 'assertionMethod'

/** The suites the node verifies with its bundled contexts. */
const PROOF_TYPES = ['Ed25519Signature2018', 'Ed25519Signature2020']

export function issuerOf(credential: CredentialShape): string | undefined {
  const issuer = credential.issuer
  if (typeof issuer === 'string') return issuer
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') {
    return (issuer as { id: string }).id
  }
  return undefined
}

/**
 * What the node checks on an offered and on an issued credential, before anything is stored: contexts
 * bundled or pinned (an offer may name others the person can let the node fetch from the issuer's own
 * host; a credential may not), digests the credential names, not expired, and an issuer whose DID
 * resolves. The issuer may be another party than the connection that delivers it; what trust lists say
 * of it is returned for the person to see.
 */
export async function checkCredential(
  agentContext: AgentContext,
  credential: CredentialShape,
  connectionId: string | undefined,
  stage: 'offer' | 'credential' = 'credential',
): Promise<IssuerStanding> {
  const issuer = issuerOf(credential)
  const unknown = await contextsNotHeld(agentContext, credential)
  for (const url of unknown) {
    const why =
      stage === 'credential' ? 'Custos neither ships it nor has it pinned' : whyNotFetchable(url, issuer ?? '')
    if (why) throw new CredentialRefusal(`Unknown JSON-LD context: "${url}": ${why}.`.slice(0, 500))
  }
  await checkNamedDigests(agentContext, credential)
  if (typeof credential.expirationDate === 'string' && !(Date.parse(credential.expirationDate) > Date.now())) {
    throw new CredentialRefusal(`The credential expired on ${credential.expirationDate}.`, 'credential-expired')
  }
  if (!issuer) throw new CredentialRefusal('The credential names no issuer.', 'issuer-unresolvable')
  if (!connectionId) throw new CredentialRefusal('Credentials are accepted over a connection only.')
  return issuerStanding(agentContext, issuer, credential, connectionId)
}

/**
 * An offer's RFC 0593 detail as the node can take it: Credo checks the shape loosely (a missing
 * options object or an unreadable date passes), and what the issuer would sign must be exact.
 */
export function checkOfferDetail(detail: { credential?: CredentialShape; options?: unknown }): void {
  const options = (detail.options ?? {}) as { proofType?: unknown; proofPurpose?: unknown }
  if (typeof options.proofType !== 'string' || !PROOF_TYPES.includes(options.proofType)) {
    throw new CredentialRefusal(`Proof type ${String(options.proofType)} is not one of ${PROOF_TYPES.join(', ')}.`)
  }
  // RFC 0593: proofPurpose is optional and defaults to assertionMethod (ACA-Py reads it so too).
  if (options.proofPurpose !== undefined && options.proofPurpose !== DEFAULT_PROOF_PURPOSE) {
    throw new CredentialRefusal(`Proof purpose ${String(options.proofPurpose)} is not assertionMethod.`)
  }
  const issued = detail.credential?.issuanceDate
  if (typeof issued !== 'string' || Number.isNaN(Date.parse(issued))) {
    throw new CredentialRefusal(`Issuance date ${String(issued)} is not a date.`)
  }
}
