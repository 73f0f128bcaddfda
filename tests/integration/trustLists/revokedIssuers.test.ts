import fs from 'node:fs'

import { DidKey, Kms, TypedArrayEncoder } from '@credo-ts/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RevokedIssuer, TrustListDocument } from '../../../shared/api'
import type { CustosNode } from '../../../electron/node'
import { findResource } from '../../../electron/node/platform'
import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import type { DidWebHost } from '../../../scripts/companies/didWebHost'
import { eventually } from '../../helpers/companies'
import { didWebIssuerBesideNode } from '../../helpers/didWebIssuer'
import { residentCard, type FieldIssuer, heldAndOffered } from '../../helpers/fieldIssuer'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const publisherKey = demoPrivateKey('revoking trust list publisher')

function listRevoking(revoked: RevokedIssuer[]): TrustListDocument {
  return signTrustList(
    {
      type: 'CustosTrustList',
      version: 1,
      id: 'urn:example:registries',
      name: 'Example registries',
      publisher: didKeyOfPrivateKey(publisherKey),
      issued: new Date().toISOString(),
      entries: [],
      revoked,
    },
    publisherKey,
  )
}

describe('trust lists: an issuer a list marks revoked is refused, naming the issuer and the list', () => {
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
  afterEach(async () => {
    for (const list of await api()['trustLists.list'](undefined)) await api()['trustLists.remove']({ id: list.id })
  })
  afterAll(async () => {
    await stop()
    tmp.cleanup()
  })

  const api = () => apiOf(node)
  const stored = () => heldAndOffered(node)
  async function refusedAtIssuer(exchangeId: string) {
    return eventually(async () => {
      const record = await issuer.stateOf(exchangeId)
      return record.state === 'abandoned' ? record.errorMessage : undefined
    })
  }

  it('refuses an offer from a revoked did:web without asking its host, and keeps nothing', async () => {
    await api()['trustLists.import']({
      document: JSON.stringify(
        listRevoking([{ did, name: 'Old Registry', since: '2026-06-01T00:00:00Z', reason: 'its signing key leaked' }]),
      ),
    })
    host.fetched.clear()
    const before = await stored()
    const offered = await issuer.offer(connectionId, residentCard(did), { proofType: 'Ed25519Signature2018' })
    expect(await refusedAtIssuer(offered.id)).toContain(
      `The issuer ${did} (Old Registry) is revoked by the trust list "Example registries" since 2026-06-01T00:00:00Z: its signing key leaked.`,
    )
    expect(host.fetched.size).toBe(0)
    expect(await stored()).toEqual(before)
  })

  it('refuses the credential when the issuer was revoked by its key after the offer arrived', async () => {
    await issuer.offer(connectionId, residentCard(did), { proofType: 'Ed25519Signature2018' })
    const offer = await eventually(async () => (await api()['credentials.listOffers'](undefined))[0])
    // The list names the registry's signing key as a did:key, not its did:web.
    const document = host.documents.get('/.well-known/did.json') as {
      verificationMethod: { publicKeyBase58: string }[]
    }
    const publicKey = TypedArrayEncoder.fromBase58(document.verificationMethod[0].publicKeyBase58)
    const keyDid = new DidKey(Kms.PublicJwk.fromPublicKey({ kty: 'OKP', crv: 'Ed25519', publicKey })).did
    await api()['trustLists.import']({
      document: JSON.stringify(listRevoking([{ did: keyDid, name: 'Old Registry', since: '2026-06-01T00:00:00Z' }])),
    })
    const held = (await stored()).held
    await expect(api()['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining(
        `The issuer ${did} (Old Registry) is revoked by the trust list "Example registries"`,
      ),
    })
    expect((await stored()).held).toEqual(held)
    await api()
      ['credentials.declineOffer']({ id: offer.id })
      .catch(() => undefined)
  })

  it('keeps lists signed before revocations existed valid, and refuses a revocation added after signing', async () => {
    const demo = fs.readFileSync(`${findResource('trust-lists')}/demo.json`, 'utf8')
    expect(JSON.parse(demo)).not.toHaveProperty('revoked')
    await expect(api()['trustLists.import']({ document: demo })).resolves.toMatchObject({ name: expect.any(String) })

    const tampered = { ...listRevoking([]), revoked: [{ did, name: 'Registry', since: '2026-06-01T00:00:00Z' }] }
    await expect(api()['trustLists.import']({ document: JSON.stringify(tampered) })).rejects.toMatchObject({
      code: 'TrustListRefused',
    })
    expect((await api()['trustLists.list'](undefined)).map((list) => list.name)).toEqual([JSON.parse(demo).name])
  })
})
