import path from 'node:path'

import type { DifPresentationExchangeDefinitionV1, DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { Lender } from '../../../scripts/companies'
import { connectToCompany, eventually } from '../../helpers/companies'
import { FieldIssuer, residentCard } from '../../helpers/fieldIssuer'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const SCHEMA_ID = 'https://registry.example/schemas/permanent-resident-card.json'

/** A PE v1 request for one credential by `schema` alone, as ACA-Py and other PE v1 verifiers send it. */
function askBySchema(uri: string): DifPresentationExchangeDefinitionV2 {
  const definition: DifPresentationExchangeDefinitionV1 = {
    id: `resident-by-${uri.length}`,
    input_descriptors: [
      {
        id: 'resident',
        name: 'Permanent resident card',
        schema: [{ uri }],
        constraints: { fields: [{ path: ['$.credentialSubject.familyName'] }] },
      },
    ],
  }
  // Lender.ask is typed for v2; Credo sends and checks either version as it is.
  return definition as unknown as DifPresentationExchangeDefinitionV2
}

describe('requests: PE v1 schema entries in each form a verifier writes them', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let issuer: FieldIssuer
  let lender: Lender
  let lenderConnection: string

  beforeAll(async () => {
    issuer = await FieldIssuer.start(`${tmp.dir}/issuer`)
    lender = await Lender.start({ name: 'Lender', dataDir: path.join(tmp.dir, 'lender'), port: await freePort() })
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
    const issuerConnection = await issuer.connect(node)
    const credentialSchema = { id: SCHEMA_ID, type: 'JsonSchemaValidator2018' }
    await issuer.offer(issuerConnection, residentCard(issuer.connectionDid, [], { credentialSchema }), {
      proofType: 'Ed25519Signature2018',
    })
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
    await apiOf(node)['credentials.acceptOffer']({ id: offer.id })
    lenderConnection = (await connectToCompany(node, lender)).companyConnectionId
  })
  afterAll(async () => {
    await node.close().catch(() => undefined)
    await Promise.all([issuer.stop(), lender.stop()].map((stop) => stop.catch(() => undefined)))
    tmp.cleanup()
  })

  it.each([
    [
      'the full type IRI (expanded through the credential’s context)',
      'https://w3id.org/citizenship#PermanentResidentCard',
    ],
    ['the short type', 'PermanentResidentCard'],
    ['the credentialSchema id', SCHEMA_ID],
    ['the context', 'https://w3id.org/citizenship/v1'],
  ])('is satisfied by %s, and the verifier verifies the answer', async (_, uri) => {
    const proofId = await lender.ask(lenderConnection, askBySchema(uri))
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await apiOf(node)['requests.list'](undefined))[0])
    const proposal = await apiOf(node)['requests.propose']({ id: request.id })
    expect(proposal.satisfiable).toBe(true)
    expect(proposal.items[0].types).toEqual(['VerifiableCredential', 'PermanentResidentCard'])
    await apiOf(node)['requests.approve']({ id: request.id })
    const verified = await outcome
    expect(verified.state).toBe('verified')
  })

  it('is not satisfied by the same short name in another vocabulary', async () => {
    await lender.ask(lenderConnection, askBySchema('https://other.example/vocab#PermanentResidentCard'))
    const request = await eventually(async () => (await apiOf(node)['requests.list'](undefined))[0])
    const proposal = await apiOf(node)['requests.propose']({ id: request.id })
    expect(proposal.satisfiable).toBe(false)
    expect(proposal.missing.map((item) => item.descriptorId)).toEqual(['resident'])
    await apiOf(node)['requests.decline']({ id: request.id })
  })
})
