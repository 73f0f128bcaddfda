import path from 'node:path'

import { type JsonObject } from '@credo-ts/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { offlineDocumentLoader, UnbundledDocumentError } from '../../../electron/node/jsonld'
import { CREDENTIAL_CONTEXTS, identityClaims, incomeClaims, Issuer, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { MisbehavingJsonLdFormatService } from '../../helpers/misbehaving'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('credentials: what an issuer sends wrong is refused with a problem report, and nothing is stored', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode
  let issuer: Issuer
  let format: MisbehavingJsonLdFormatService
  let companyConnection: string
  const person = samplePerson(3)

  beforeEach(async () => {
    tmp = makeTmpDir()
    format = new MisbehavingJsonLdFormatService()
    issuer = await Issuer.start({
      name: 'Employer',
      dataDir: path.join(tmp.dir, 'employer'),
      port: await freePort(),
      jsonLdFormat: format,
    })
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
    companyConnection = (await connectToCompany(node, issuer)).companyConnectionId
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await issuer.stop().catch(() => undefined)
    tmp.cleanup()
  })

  async function stored() {
    return {
      exchanges: (await node.agent.didcomm.credentials.getAll()).map((record) => record.toJSON()),
      held: (await node.agent.w3cCredentials.getAll()).map((record) => record.toJSON()),
    }
  }

  /** The issuer's side of an exchange once the node's problem report reached it. */
  async function abandonedAtIssuer(exchangeId: string) {
    return eventually(async () => {
      const record = await issuer.agent.didcomm.credentials.getById(exchangeId)
      return record.state === 'abandoned' ? record : undefined
    })
  }

  it.each([
    [
      'issued by a did:web whose host does not answer',
      async () => ({ issuer: `did:web:127.0.0.1%3A${await freePort()}` }),
      /issuer-unresolvable: The issuer did:web:127\.0\.0\.1%3A\d+ cannot be checked: its DID does not resolve .*could not be reached/,
    ],
    [
      'expired',
      async () => ({ expirationDate: '2020-01-01T00:00:00Z' }),
      /credential-expired: .*expired on 2020-01-01/,
    ],
    [
      'malformed (no proof options, no valid issuance date)',
      async () => {
        format.mode = 'malformed-offer'
        return {}
      },
      /issuance-abandoned: Proof type undefined is not one of Ed25519Signature2018/,
    ],
  ])('an offer %s never reaches the list', async (_, options, problem) => {
    const before = await stored()
    const offered = await issuer.offer(companyConnection, {
      kind: 'IncomeCredential',
      claims: incomeClaims(person),
      ...(await options()),
    })
    expect((await abandonedAtIssuer(offered.id)).errorMessage).toMatch(problem)
    expect(await apiOf(node)['credentials.listOffers'](undefined)).toEqual([])
    expect(await stored()).toEqual(before)
  })

  it('an offer with a context that is not bundled is refused, and the context is never fetched', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const offered = await issuer.agent.didcomm.credentials.offerCredential({
      connectionId: companyConnection,
      protocolVersion: 'v2',
      credentialFormats: {
        jsonld: {
          credential: {
            '@context': [...CREDENTIAL_CONTEXTS, 'https://unknown.example/contexts/v1'],
            type: ['VerifiableCredential', 'IdentityCredential'],
            issuer: issuer.did,
            issuanceDate: new Date().toISOString(),
            credentialSubject: identityClaims(person) as JsonObject,
          },
          options: { proofType: 'Ed25519Signature2018', proofPurpose: 'assertionMethod' },
        },
      },
    })
    expect((await abandonedAtIssuer(offered.id)).errorMessage).toMatch(/Unknown JSON-LD context: "https:\/\/unknown/)
    await expect(offlineDocumentLoader(node.agent.context)('https://unknown.example/contexts/v1')).rejects.toThrow(
      UnbundledDocumentError,
    )
    await expect(offlineDocumentLoader(node.agent.context)('did:indy:sovrin:WRfXPg8dantKVubE3HX8pw')).rejects.toThrow(
      UnbundledDocumentError,
    )
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(await apiOf(node)['credentials.listOffers'](undefined)).toEqual([])
  })

  it('a credential with a broken signature is refused on arrival: acceptOffer fails typed, nothing is held', async () => {
    format.mode = 'broken-signature'
    const offered = await issuer.offer(companyConnection, { kind: 'IncomeCredential', claims: incomeClaims(person) })
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
    await expect(apiOf(node)['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringMatching(
        /The credential was refused: The signature of did:key:\S+ does not hold: Failed to validate/,
      ),
    })
    expect((await abandonedAtIssuer(offered.id)).errorMessage).toMatch(/issuance-abandoned: The credential was refused/)
    expect(await apiOf(node)['credentials.list'](undefined)).toEqual([])
    expect((await node.agent.didcomm.credentials.getById(offer.id)).state).toBe('request-sent')
  })

  it('answers unknown offers and credentials with NotFound, and checks its input', async () => {
    const api = apiOf(node)
    await expect(api['credentials.acceptOffer']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['credentials.declineOffer']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['credentials.get']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['credentials.acceptOffer']({ id: '' } as never)).rejects.toMatchObject({ code: 'InvalidInput' })
  })
})
