import { DidKey } from '@credo-ts/core'

// A did:key names its key, so its fingerprint never changes; decoding it (multibase, multicodec) was
// the largest single cost of matching a requester against the imported lists, paid for every entry of
// every list on every request. Bounded: a list of a few thousand entries fits; beyond, it starts over.
const MAX = 10_000
const known = new Map<string, string | null>()

/** The key fingerprint a did:key names, or undefined for a DID that is not a readable did:key. */
export function fingerprintOfDidKey(did: string): string | undefined {
  let fingerprint = known.get(did)
  if (fingerprint === undefined) {
    try {
      fingerprint = DidKey.fromDid(did).publicJwk.fingerprint
    } catch {
      fingerprint = null
    }
    if (known.size >= MAX) known.clear()
    known.set(did, fingerprint)
  }
  return fingerprint ?? undefined
}
