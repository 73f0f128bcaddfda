import { createHash } from 'node:crypto'

import type { JsonObject } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { pinContext } from '../../../electron/node/jsonld'
import type { DidWebHost } from '../../../scripts/companies/didWebHost'
import { eventually } from '../../helpers/companies'
import { didWebIssuerBesideNode } from '../../helpers/didWebIssuer'
import {
  CITIZENSHIP_CONTEXTS,
  type FieldIssuer,
  heldAndOffered,
  waitingOffer as waitingOfferAt,
} from '../../helpers/fieldIssuer'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

/** A registry's own vocabulary, as it publishes it on its host. */
function registryContext(term = 'municipality') {
  return {
    '@context': {
      '@version': 1.1,
      relatedResource: { '@id': 'https://www.w3.org/2018/credentials#relatedResource', '@type': '@id' },
      digestSRI: 'https://www.w3.org/2018/credentials#digestSRI',
      [term]: 'https://registry.example/vocab#municipality',
    },
  }
}

const sri = (json: unknown) => `sha384-${createHash('sha384').update(JSON.stringify(json)).digest('base64')}`

describe('credentials: a context not bundled is fetched once from the issuer’s own host, when the person asks, and pinned', () => {
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
  const stored = () => heldAndOffered(node)
  async function refusedAtIssuer(exchangeId: string) {
    return eventually(async () => {
      const record = await issuer.stateOf(exchangeId)
      return record.state === 'abandoned' ? record.errorMessage : undefined
    })
  }

  /** The issuer publishes `context` at `path` and knows it itself (pinned in its own store: it signs with it). */
  async function publish(path: string, context: object) {
    host.documents.set(path, context)
    await pinContext(issuer.agent.context, `${host.origin}${path}`, Buffer.from(JSON.stringify(context)), {
      fetchedFrom: host.origin,
      issuer: did,
    })
    return `${host.origin}${path}`
  }

  function card(contextUrl: string, extra: JsonObject = {}): JsonObject {
    return {
      '@context': [...CITIZENSHIP_CONTEXTS, contextUrl],
      type: ['VerifiableCredential', 'PermanentResidentCard'],
      issuer: did,
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: { type: ['PermanentResident', 'Person'], givenName: 'ALICE', municipality: 'Utrecht' },
      ...extra,
    }
  }

  it('shows which context is unknown, fetches nothing until asked, then fetches it once and takes the credential', async () => {
    const url = await publish('/contexts/registry/v1', registryContext())
    await issuer.offer(connectionId, card(url), { proofType: 'Ed25519Signature2018' })
    const offer = await waitingOffer()
    expect(offer.unknownContexts).toEqual([url])
    expect(host.fetched.get('/contexts/registry/v1')).toBeUndefined()
    await expect(api()['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining(`names the JSON-LD context ${url}, which Custos does not have`),
    })

    const fetched = await api()['credentials.fetchContexts']({ id: offer.id })
    expect(fetched.unknownContexts).toBeUndefined()
    expect(host.fetched.get('/contexts/registry/v1')).toBe(1)
    const held = await api()['credentials.acceptOffer']({ id: offer.id })
    expect(held.claims).toMatchObject({ municipality: 'Utrecht' })
    expect(held.provenance.signature.result).toBe('valid')

    // A later offer on the same context: pinned, nothing fetched again.
    await issuer.offer(connectionId, card(url), { proofType: 'Ed25519Signature2018' })
    const again = await waitingOffer()
    expect(again.unknownContexts).toBeUndefined()
    await api()['credentials.declineOffer']({ id: again.id })
    expect(host.fetched.get('/contexts/registry/v1')).toBe(1)
  })

  it('refuses a credential that names another digest for a pinned context, in words, and keeps nothing', async () => {
    const url = `${host.origin}/contexts/registry/v1`
    const before = await stored()
    const offered = await issuer.offer(
      connectionId,
      card(url, { relatedResource: [{ id: url, digestSRI: sri(registryContext('district')) }] }),
      { proofType: 'Ed25519Signature2018' },
    )
    expect(await refusedAtIssuer(offered.id)).toContain(
      `The context ${url} has changed: the credential names the digest sha384-`,
    )
    expect(await stored()).toEqual(before)
    // And the pinned copy is never replaced by other content.
    await expect(
      pinContext(node.agent.context, url, Buffer.from(JSON.stringify(registryContext('district'))), {
        fetchedFrom: host.origin,
        issuer: did,
      }),
    ).rejects.toThrow(/now serves other content for the JSON-LD context .* than the one pinned on/)
  })

  it('fetches nothing when the host serves other content than the digest the credential names', async () => {
    const url = await publish('/contexts/registry/v2', registryContext('town'))
    await issuer.offer(
      connectionId,
      card(url, { relatedResource: [{ id: url, digestSRI: sri(registryContext('town')) }] }),
      {
        proofType: 'Ed25519Signature2018',
      },
    )
    const offer = await waitingOffer()
    expect(offer.unknownContexts).toEqual([url])
    host.documents.set('/contexts/registry/v2', registryContext('village'))
    await expect(api()['credentials.fetchContexts']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('what the issuer’s host serves has another. Nothing was pinned.'),
    })
    expect((await waitingOffer()).unknownContexts).toEqual([url])
    await api()['credentials.declineOffer']({ id: offer.id })
  })

  it('refuses an offer whose unknown context is on another host than the issuer’s', async () => {
    const elsewhere = 'https://127.0.0.1:1/contexts/v1'
    const offered = await issuer.offer(connectionId, card(elsewhere), { proofType: 'Ed25519Signature2018' })
    expect(await refusedAtIssuer(offered.id)).toContain(
      `Unknown JSON-LD context: "${elsewhere}": it is not on the issuer's own host ${host.origin}`,
    )
    expect(await api()['credentials.listOffers'](undefined)).toEqual([])
  })
})
