import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { newCertificateAuthority } from '../../../scripts/companies/certificateAuthority'
import { DidWebHost } from '../../../scripts/companies/didWebHost'
import { eventually } from '../../helpers/companies'
import { didWebDocument, didWebIssuerBesideNode, giveDidWeb } from '../../helpers/didWebIssuer'
import {
  residentCard,
  type FieldIssuer,
  heldAndOffered,
  waitingOffer as waitingOfferAt,
} from '../../helpers/fieldIssuer'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('credentials: a did:web issuer, read over HTTPS from its own host only', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let issuer: FieldIssuer
  let host: DidWebHost
  let did: string
  let connectionId: string
  let stop: () => Promise<void>

  beforeAll(async () => {
    ;({ issuer, node, host, did, connectionId, stop } = await didWebIssuerBesideNode(tmp.dir))
  })
  afterAll(async () => {
    await stop()
    tmp.cleanup()
  })

  const api = () => apiOf(node)
  const waitingOffer = () => waitingOfferAt(node)

  async function stored() {
    return { ...(await heldAndOffered(node)), dids: (await node.agent.dids.getCreatedDids()).length }
  }

  async function refusedAtIssuer(exchangeId: string) {
    return eventually(async () => {
      const record = await issuer.stateOf(exchangeId)
      return record.state === 'abandoned' ? record.errorMessage : undefined
    })
  }

  it('verifies a citizenship credential signed by the issuer’s did:web and shows who issued and who delivered', async () => {
    host.fetched.clear()
    const offered = await issuer.offer(connectionId, residentCard(did), { proofType: 'Ed25519Signature2018' })
    const offer = await waitingOffer()
    expect(offer).toMatchObject({ issuer: did, from: 'Field registry' })
    expect(offer.standing).toEqual({ issuerIsConnection: false, listedBy: [] })
    // Read from the issuer's host, at /.well-known/did.json, and nowhere else.
    expect([...host.fetched.keys()]).toEqual(['/.well-known/did.json'])

    const held = await api()['credentials.acceptOffer']({ id: offer.id })
    expect(held.provenance).toMatchObject({
      issuer: did,
      deliveredBy: 'Field registry',
      standing: { issuerIsConnection: false, listedBy: [] },
      signature: { result: 'valid' },
    })
    expect(held.types).toContain('PermanentResidentCard')
    // The node acknowledges it, though the offer named no proofPurpose (RFC 0593's default applies there too).
    await eventually(async () => ((await issuer.stateOf(offered.id)).state === 'done' ? true : undefined))
    expect(await api()['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })

  it('refuses an offer whose host serves the document of another DID, naming the issuer, and keeps nothing', async () => {
    const real = host.documents.get('/.well-known/did.json')
    host.documents.set('/.well-known/did.json', {
      ...didWebDocument('did:web:registry.example', 'x'),
      id: 'did:web:registry.example',
    })
    try {
      const before = await stored()
      const offered = await issuer.offer(connectionId, residentCard(did), { proofType: 'Ed25519Signature2018' })
      const problem = await refusedAtIssuer(offered.id)
      expect(problem).toContain(`The issuer ${did} cannot be checked`)
      expect(problem).toContain('is the document of did:web:registry.example, not of')
      expect(await stored()).toEqual(before)
    } finally {
      host.documents.set('/.well-known/did.json', real)
    }
  })

  it('refuses a did:web whose host has a certificate from an authority the node was not told to trust', async () => {
    const stranger = await DidWebHost.start(await (await newCertificateAuthority('Another CA')).serverCertificate())
    try {
      const strangerDid = await giveDidWeb(issuer, stranger)
      const before = await stored()
      const offered = await issuer.offer(connectionId, residentCard(strangerDid), {
        proofType: 'Ed25519Signature2018',
      })
      const problem = await refusedAtIssuer(offered.id)
      expect(problem).toContain(`The issuer ${strangerDid} cannot be checked`)
      expect(problem).toContain('its certificate is not from an authority the node trusts')
      expect(await stored()).toEqual(before)
    } finally {
      await stranger.stop()
    }
  })

  it('refuses a did:web that would lead elsewhere than a host: a path, a user or a query in the DID', async () => {
    for (const bad of ['did:web:127.0.0.1%2Fevil', 'did:web:user%40127.0.0.1', 'did:web:127.0.0.1%3Fq']) {
      const offered = await issuer.offer(connectionId, residentCard(bad), { proofType: 'Ed25519Signature2018' })
      expect(await refusedAtIssuer(offered.id)).toContain(`The issuer ${bad} cannot be checked`)
    }
    expect(await api()['credentials.listOffers'](undefined)).toEqual([])
  })
})
