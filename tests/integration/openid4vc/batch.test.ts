import { MdocRepository, SdJwtVcRepository } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { startFormatsIssuer } from './formatsIssuer'

/**
 * Batch issuance (OpenID4VCI 1.0 §8.3): an issuer that issues several instances of one credential, each
 * bound to its own new key, so that answers to different verifiers need not show the same signature and
 * key. The node keeps them as one credential with several instances (Credo's record), listed once.
 */
describe('a Custos node takes a batch of instances of one credential', () => {
  const tmp = makeTmpDir('custos-oid4vc-batch-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`, 3)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    tmp.cleanup()
  })

  it('keeps three SD-JWT VC instances on three keys as one credential', async () => {
    const { credentialOffer } = await issuer.offer('account')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    const taken = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(taken).toHaveLength(1)
    const record = await node.agent.dependencyManager
      .resolve(SdJwtVcRepository)
      .getById(node.agent.context, taken[0].id)
    expect(record.credentialInstances).toHaveLength(3)
    const keys = record.credentialInstances.map((instance) => instance.kmsKeyId)
    expect(new Set(keys).size).toBe(3)
    const signatures = record.credentialInstances.map((instance) => instance.compactSdJwtVc.split('~')[0].split('.')[2])
    expect(new Set(signatures).size).toBe(3)
    expect((await api['credentials.list'](undefined)).map((credential) => credential.id)).toEqual([taken[0].id])
  })

  it('keeps three mdoc instances on three device keys as one credential', async () => {
    const { credentialOffer } = await issuer.offer('licence')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    const [held] = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    const record = await node.agent.dependencyManager.resolve(MdocRepository).getById(node.agent.context, held.id)
    expect(new Set(record.credentialInstances.map((instance) => instance.kmsKeyId)).size).toBe(3)
  })
})
