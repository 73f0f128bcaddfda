import { JsonTransformer } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { eventually } from '../../helpers/companies'
import { ED25519_2020, fieldIssuerBesideNode, type FieldIssuer, residentCard } from '../../helpers/fieldIssuer'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

/** The did:key's own verification method, as ACA-Py and Digital Bazaar name it. */
function keyMethod(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`
}

describe('credentials: a stock Credo issuer as the field runs it (standard contexts, RFC 0593 as sent)', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let issuer: FieldIssuer
  let connectionId: string

  let stop: () => Promise<void>

  beforeAll(async () => {
    ;({ issuer, node, connectionId, stop } = await fieldIssuerBesideNode(tmp.dir))
  })
  afterAll(async () => {
    await stop()
    tmp.cleanup()
  })

  async function proofOf(id: string): Promise<unknown> {
    const record = await node.agent.w3cCredentials.getById(id)
    return (JsonTransformer.toJSON(record.firstCredential) as { proof?: unknown }).proof
  }

  /** The one offer waiting (each test takes its own before the next is made). */
  async function takeOffer() {
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
    return apiOf(node)['credentials.acceptOffer']({ id: offer.id })
  }

  it('takes a PermanentResidentCard on citizenship v1 whose offer names no proofPurpose (RFC 0593: assertionMethod)', async () => {
    issuer.verificationMethod = undefined
    await issuer.offer(connectionId, residentCard(issuer.connectionDid), {
      proofType: 'Ed25519Signature2018',
    })
    const held = await takeOffer()
    expect(held.types).toEqual(['VerifiableCredential', 'PermanentResidentCard'])
    expect(held.claims).toMatchObject({ givenName: 'ALICE', birthCountry: 'Bahamas' })
    expect(held.provenance).toMatchObject({ issuer: issuer.connectionDid, signature: { result: 'valid' } })
    expect(await proofOf(held.id)).toMatchObject({ type: 'Ed25519Signature2018', proofPurpose: 'assertionMethod' })
    expect(await apiOf(node)['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })

  it('takes an Ed25519Signature2020 credential signed with the did:key (Credo describes that key as a 2018 key)', async () => {
    issuer.verificationMethod = keyMethod(issuer.connectionDid)
    // The suite's context goes into the credential, as ACA-Py and Digital Bazaar put it there.
    const credential = residentCard(issuer.connectionDid, [ED25519_2020])
    await issuer.offer(connectionId, credential, {
      proofType: 'Ed25519Signature2020',
      proofPurpose: 'assertionMethod',
    })
    const held = await takeOffer()
    expect(await proofOf(held.id)).toMatchObject({ type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod' })
    expect(held.provenance.signature.result).toBe('valid')
    expect(await apiOf(node)['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })
})
