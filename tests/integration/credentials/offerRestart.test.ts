import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { identityClaims, Issuer, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode, type TestNodeOptions } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('credential offers survive a restart of the node', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let registry: Issuer
  let node: CustosNode
  let options: TestNodeOptions
  beforeEach(async () => {
    tmp = makeTmpDir()
    registry = await Issuer.start({
      name: 'Population Registry',
      dataDir: path.join(tmp.dir, 'registry'),
      port: await freePort(),
    })
    // A fixed port: the registry reaches the node after the restart where its DID document says.
    options = { label: 'Alice', inbound: { port: await freePort() } }
    node = await startNode(`${tmp.dir}/node`, options)
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await registry.stop().catch(() => undefined)
    tmp.cleanup()
  })

  it('an offer that arrived before the node stopped is listed after it started again, and can be accepted and declined', async () => {
    const person = samplePerson(11)
    const { companyConnectionId } = await connectToCompany(node, registry)
    await registry.offer(companyConnectionId, { kind: 'IdentityCredential', claims: identityClaims(person) })
    const second = await registry.offer(companyConnectionId, {
      kind: 'IdentityCredential',
      claims: { ...identityClaims(person), name: 'Someone Else' },
    })
    const before = await eventually(async () => {
      const offers = await apiOf(node)['credentials.listOffers'](undefined)
      return offers.length === 2 ? offers : undefined
    })

    await node.close()
    node = await startNode(`${tmp.dir}/node`, options)
    const api = apiOf(node)
    expect(await api['credentials.listOffers'](undefined)).toEqual(before)

    const kept = before.find((offer) => offer.claims.name === person.name)
    const unwanted = before.find((offer) => offer.claims.name === 'Someone Else')
    if (!kept || !unwanted) throw new Error('both offers should be listed')
    const held = await api['credentials.acceptOffer']({ id: kept.id })
    expect(held.provenance).toMatchObject({ issuer: registry.did, signature: { result: 'valid' } })
    expect(await api['credentials.declineOffer']({ id: unwanted.id, reason: 'That is not me.' })).toEqual({
      declined: true,
    })
    const declinedAtIssuer = await eventually(async () => {
      const record = await registry.agent.didcomm.credentials.getById(second.id)
      return record.state === 'abandoned' ? record : undefined
    })
    expect(declinedAtIssuer.errorMessage).toMatch(/That is not me\./)
    expect(await api['credentials.listOffers'](undefined)).toEqual([])
    expect((await api['credentials.list'](undefined)).map((credential) => credential.id)).toEqual([held.id])

    // Checked again later: the result and the time are recorded with the credential.
    const rechecked = await api['credentials.verify']({ id: held.id })
    expect(rechecked.provenance.signature.result).toBe('valid')
    expect(rechecked.provenance.signature.checkedAt >= held.provenance.signature.checkedAt).toBe(true)
  })
})
