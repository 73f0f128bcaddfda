import type { AgentContext } from '@credo-ts/core'

import { CustosError } from '../../../shared/errors'
import { pinContext, PinnedContextChangedError } from '../jsonld'
import { checkNamedDigests, contextsNotHeld, issuerOrigin, whyNotFetchable } from './contextChecks'
import { CredentialRefusal } from './CredentialRefusal'
import { issuerOf } from './credentialChecks'
import { fetchFromIssuerHost, IssuerHostError, IssuerHostsConfig } from './issuerHosts'

interface OfferedCredential {
  '@context'?: unknown
  relatedResource?: unknown
  issuer?: unknown
}

/**
 * Fetches, once, the contexts an offer names that the node does not have, from the issuer's own host
 * (the person asked for it), and pins each by its digest. Nothing is pinned unless every one of them
 * came, is JSON-LD, and matches the digest the credential names for it.
 */
export async function fetchOfferContexts(agentContext: AgentContext, credential: OfferedCredential): Promise<string[]> {
  const issuer = issuerOf(credential) ?? ''
  const refused = (message: string) => new CustosError('CredentialRefused', message.slice(0, 500))
  let unknown: string[]
  try {
    unknown = await contextsNotHeld(agentContext, credential)
  } catch (error) {
    throw refused((error as Error).message)
  }
  const options = agentContext.dependencyManager.resolve(IssuerHostsConfig).options
  const fetched = new Map<string, Buffer>()
  for (const url of unknown) {
    const why = whyNotFetchable(url, issuer)
    if (why) throw refused(`The context ${url} is not fetched: ${why}.`)
    try {
      fetched.set(url, await fetchFromIssuerHost(new URL(url), options))
    } catch (error) {
      if (!(error instanceof IssuerHostError)) throw error
      throw new CustosError('PeerUnreachable', `The context ${url} could not be fetched: ${error.message}.`)
    }
    let json: unknown
    try {
      json = JSON.parse(fetched.get(url)?.toString('utf8') ?? '')
    } catch {
      json = undefined
    }
    if (!json || typeof json !== 'object' || !('@context' in json)) {
      throw refused(`${url} is not a JSON-LD context; nothing was pinned.`)
    }
  }
  try {
    await checkNamedDigests(agentContext, credential, fetched)
  } catch (error) {
    if (error instanceof CredentialRefusal) throw refused(`${error.message} Nothing was pinned.`)
    throw error
  }
  const fetchedFrom = issuerOrigin(issuer) ?? ''
  for (const [url, bytes] of fetched) {
    try {
      await pinContext(agentContext, url, bytes, { fetchedFrom, issuer })
    } catch (error) {
      if (error instanceof PinnedContextChangedError) throw refused(error.message)
      throw error
    }
  }
  return [...fetched.keys()]
}
