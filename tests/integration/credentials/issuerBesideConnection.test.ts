import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import { eventually } from '../../helpers/companies'
import {
  fieldIssuerBesideNode,
  type FieldIssuer,
  residentCard,
  heldAndOffered,
  waitingOffer as waitingOfferAt,
} from '../../helpers/fieldIssuer'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const RESIDENT_CARD_IRI = 'https://w3id.org/citizenship#PermanentResidentCard'

describe('credentials: the issuer signs with its own DID, the connection only delivers', () => {
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

  const api = () => apiOf(node)
  const waitingOffer = () => waitingOfferAt(node)

  const stored = () => heldAndOffered(node)

  async function refusedAtIssuer(exchangeId: string) {
    return eventually(async () => {
      const record = await issuer.stateOf(exchangeId)
      return record.state === 'abandoned' ? record.errorMessage : undefined
    })
  }

  it('takes a credential from an issuer no trust list names, says so, and records who issued and who delivered', async () => {
    const own = await issuer.newDidKey()
    issuer.verificationMethod = undefined
    await issuer.offer(connectionId, residentCard(own), { proofType: 'Ed25519Signature2018' })
    const offer = await waitingOffer()
    expect(offer).toMatchObject({ issuer: own, from: 'Field registry' })
    expect(offer.standing).toEqual({ issuerIsConnection: false, listedBy: [] })

    const held = await api()['credentials.acceptOffer']({ id: offer.id })
    expect(held.provenance).toMatchObject({
      issuer: own,
      deliveredBy: 'Field registry',
      standing: { issuerIsConnection: false, listedBy: [] },
      signature: { result: 'valid' },
    })
    expect((await api()['credentials.get']({ id: held.id })).provenance.deliveredBy).toBe('Field registry')
  })

  it('names the issuer as a trust list names it for the type (full type IRI), and verifies a did:jwk issuer', async () => {
    const own = await issuer.newDidJwk()
    const publisherKey = demoPrivateKey('field trust list publisher')
    const list = signTrustList(
      {
        type: 'CustosTrustList',
        version: 1,
        id: 'urn:example:registries',
        name: 'Example registries',
        publisher: didKeyOfPrivateKey(publisherKey),
        issued: new Date().toISOString(),
        entries: [
          { did: own, name: 'Population Registry', roles: ['registry'], purposes: [], issues: [RESIDENT_CARD_IRI] },
        ],
      },
      publisherKey,
    )
    await api()['trustLists.import']({ document: JSON.stringify(list) })
    issuer.verificationMethod = `${own}#0`
    await issuer.offer(connectionId, residentCard(own), { proofType: 'Ed25519Signature2018' })
    const offer = await waitingOffer()
    expect(offer.standing).toEqual({
      issuerIsConnection: false,
      issuerName: 'Population Registry',
      listedBy: ['Example registries'],
    })
    const held = await api()['credentials.acceptOffer']({ id: offer.id })
    expect(held.provenance).toMatchObject({ issuer: own, standing: { issuerName: 'Population Registry' } })
    expect(await api()['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })

  it.each([
    ['a DID method the node does not read', 'did:sov:WRfXPg8dantKVubE3HX8pw', /issuer did:sov:\S+ cannot be checked/],
    [
      'a did:key that is no key',
      'did:key:z6MkNotAKey',
      /issuer did:key:z6MkNotAKey cannot be checked: its DID does not/,
    ],
  ])('refuses an offer whose issuer is %s, naming it, and keeps nothing', async (_, did, problem) => {
    const before = await stored()
    const offered = await issuer.offer(connectionId, residentCard(did), { proofType: 'Ed25519Signature2018' })
    expect(await refusedAtIssuer(offered.id)).toMatch(problem)
    expect(await stored()).toEqual(before)
  })

  it('refuses a credential whose signature is not the issuer’s, naming the issuer, and keeps nothing', async () => {
    const named = await issuer.newDidKey()
    const signer = await issuer.newDidKey()
    // Signed with another key of the same agent: the proof holds, but not for the issuer it names.
    issuer.verificationMethod = `${signer}#${signer.slice('did:key:'.length)}`
    const offered = await issuer.offer(connectionId, residentCard(named), { proofType: 'Ed25519Signature2018' })
    const offer = await waitingOffer()
    const before = await stored()
    await expect(api()['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining(`The signature of ${named} does not hold`),
    })
    expect(await refusedAtIssuer(offered.id)).toContain(`The signature of ${named} does not hold`)
    expect((await stored()).held).toEqual(before.held)
    await api()
      ['credentials.declineOffer']({ id: offer.id })
      .catch(() => undefined)
  })
})
