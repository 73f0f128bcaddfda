import { DidKey, DidResolverService, getPublicJwkFromVerificationMethod, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionRepository,
  DidCommOutOfBandRepository,
  DidCommOutOfBandRole,
  type DidCommConnectionRecord,
} from '@credo-ts/didcomm'

/**
 * The key fingerprints that speak for the other side of a connection: the recipient keys of the
 * invitation the person accepted, and the keys of the DID the other side uses on the connection.
 * An issuer's did:key must be one of them for its credentials to come through that connection.
 */
export async function keysOfConnection(agentContext: AgentContext, connectionId: string): Promise<Set<string>> {
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionRepository)
    .getById(agentContext, connectionId)
  return keysOfConnectionRecord(agentContext, connection)
}

/** keysOfConnection for a connection record the caller has read already. */
export async function keysOfConnectionRecord(
  agentContext: AgentContext,
  connection: DidCommConnectionRecord,
): Promise<Set<string>> {
  // A peer DID's keys are fixed by the DID itself, and an invitation's by its record: for the same pair
  // the answer cannot change, and it is asked on every request (who vouches for the requester).
  const fixed = connection.theirDid?.startsWith('did:peer:') ?? true
  const cacheKey = `${connection.id} ${connection.theirDid ?? ''} ${connection.outOfBandId ?? ''}`
  const known = fixed ? knownKeys.get(cacheKey) : undefined
  if (known) return new Set(known)
  const fingerprints = new Set<string>()
  if (connection.outOfBandId) {
    const oob = await agentContext.dependencyManager
      .resolve(DidCommOutOfBandRepository)
      .findById(agentContext, connection.outOfBandId)
    if (oob?.role === DidCommOutOfBandRole.Receiver) {
      for (const service of oob.outOfBandInvitation.getInlineServices()) {
        for (const key of service.recipientKeys) fingerprints.add(DidKey.fromDid(key).publicJwk.fingerprint)
      }
    }
  }
  if (connection.theirDid) {
    for (const fingerprint of await keysOfDid(agentContext, connection.theirDid)) fingerprints.add(fingerprint)
  }
  if (fixed) {
    if (knownKeys.size >= MAX_KNOWN) knownKeys.clear()
    knownKeys.set(cacheKey, new Set(fingerprints))
  }
  return fingerprints
}

const MAX_KNOWN = 1_000
const knownKeys = new Map<string, Set<string>>()

/**
 * The fingerprints of the keys a DID document lists (resolved through Credo's resolver): its verification
 * methods and those embedded in `authentication`, where did:peer documents made by Credo keep their key.
 */
export async function keysOfDid(agentContext: AgentContext, did: string): Promise<Set<string>> {
  const resolver = agentContext.dependencyManager.resolve(DidResolverService)
  const document = await resolver.resolveDidDocument(agentContext, did)
  const fingerprints = new Set<string>()
  const embedded = (document.authentication ?? []).filter((entry) => typeof entry !== 'string')
  for (const method of [...(document.verificationMethod ?? []), ...embedded]) {
    try {
      fingerprints.add(getPublicJwkFromVerificationMethod(method).fingerprint)
    } catch {
      // A key type Credo cannot read cannot have signed a credential we verify either.
    }
  }
  return fingerprints
}
