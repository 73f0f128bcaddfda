import { DidRepository, DidsApi, injectable, type AgentContext } from '@credo-ts/core'

import { Mutex } from '../platform'

const HOLDER_TAG = 'custosHolder'

/** Serialises the first creation, so two offers accepted at once do not make two holder DIDs. */
export const HolderDidLock = Symbol('CustosHolderDidLock')

/**
 * The did:key the node's credentials are issued to and its presentations are signed with. One per
 * node: Credo presents credentials of one subject in one presentation, and a request may need several.
 */
@injectable()
export class HolderDidService {
  async holderDid(agentContext: AgentContext): Promise<string> {
    const lock = agentContext.dependencyManager.resolve<Mutex>(HolderDidLock)
    return lock.runExclusive(async () => {
      const repository = agentContext.dependencyManager.resolve(DidRepository)
      const existing = await repository.findSingleByQuery(agentContext, { [HOLDER_TAG]: true })
      if (existing) return existing.did
      const created = await agentContext.dependencyManager
        .resolve(DidsApi)
        .create({ method: 'key', options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } } })
      const did = created.didState.did
      if (!did) throw new Error(`The holder DID could not be created (${created.didState.state}).`)
      const [record] = await repository.getCreatedDids(agentContext, { did })
      record.setTag(HOLDER_TAG, true)
      await repository.update(agentContext, record)
      return did
    })
  }
}

export function newHolderDidLock(): Mutex {
  return new Mutex()
}
