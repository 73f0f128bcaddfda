import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { identityClaims, incomeClaims, Issuer, Lender, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { MalformedRequestFormatService } from '../../helpers/misbehaving'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('proof requests: what the node cannot or may not answer leaves nothing but a problem report', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode
  let registry: Issuer
  let lender: Lender
  let format: MalformedRequestFormatService
  let lenderConnection: string

  beforeEach(async () => {
    tmp = makeTmpDir()
    format = new MalformedRequestFormatService()
    registry = await Issuer.start({
      name: 'Population Registry',
      dataDir: path.join(tmp.dir, 'r'),
      port: await freePort(),
    })
    lender = await Lender.start({
      name: 'Lender',
      dataDir: path.join(tmp.dir, 'l'),
      port: await freePort(),
      presentationExchangeFormat: format,
    })
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
    // The node holds an identity credential only: no income.
    const { companyConnectionId } = await connectToCompany(node, registry)
    await registry.offer(companyConnectionId, { kind: 'IdentityCredential', claims: identityClaims(samplePerson(9)) })
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
    await apiOf(node)['credentials.acceptOffer']({ id: offer.id })
    lenderConnection = (await connectToCompany(node, lender)).companyConnectionId
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await Promise.all([registry.stop(), lender.stop()].map((stop) => stop.catch(() => undefined)))
    tmp.cleanup()
  })

  it('a request for what the node does not hold: the proposal names it, approve sends nothing, decline says what is missing', async () => {
    const api = apiOf(node)
    const proofId = await lender.ask(lenderConnection)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.satisfiable).toBe(false)
    expect(proposal.missing).toEqual([expect.objectContaining({ descriptorId: 'income' })])
    expect(proposal.items.find((item) => item.descriptorId === 'income')).toMatchObject({ candidates: [] })

    await expect(api['requests.approve']({ id: request.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
      message: expect.stringContaining('Not held: Income (grossYearlyIncome, employedSince)'),
    })
    expect((await lender.agent.didcomm.proofs.getById(proofId)).state).toBe('request-sent')
    expect((await node.agent.didcomm.proofs.getById(request.id)).state).toBe('request-received')

    const declined = await api['requests.decline']({ id: request.id })
    expect(declined.state).toBe('declined')
    expect(await outcome).toEqual({
      state: 'refused',
      reason: 'abandoned: Not held: Income (grossYearlyIncome, employedSince).',
    })
    // Nothing but the problem report reached the lender: no presentation is stored with its exchange.
    expect((await lender.agent.didcomm.proofs.getFormatData(proofId)).presentation).toBeUndefined()
    expect(await api['requests.list'](undefined)).toEqual([])
  })

  it('a held credential that expired since is not proposed: the request then asks for what the node does not hold', async () => {
    const api = apiOf(node)
    const [connection] = await registry.agent.didcomm.connections.getAll()
    const expiresAt = new Date(Date.now() + 3_000).toISOString()
    await registry.offer(connection.id, {
      kind: 'IncomeCredential',
      claims: incomeClaims(samplePerson(9)),
      expirationDate: expiresAt,
    })
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    const held = await api['credentials.acceptOffer']({ id: offer.id })
    expect(held.provenance.expiresAt).toBe(expiresAt)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expiresAt) - Date.now() + 50)))

    await lender.ask(lenderConnection)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.missing.map((item) => item.descriptorId)).toEqual(['income'])
    await expect(api['requests.approve']({ id: request.id })).rejects.toMatchObject({ code: 'RequestNotSatisfiable' })
  })

  it('a malformed request (no input descriptors) is answered with a problem report and never listed', async () => {
    format.malformed = true
    const proofId = await lender.ask(lenderConnection)
    const outcome = await lender.outcome(proofId)
    expect(outcome).toMatchObject({ state: 'refused', reason: expect.stringMatching(/The request cannot be read/) })
    expect(await apiOf(node)['requests.list'](undefined)).toEqual([])
    expect(await node.agent.didcomm.proofs.getAll()).toEqual([])
  })

  it('unknown request ids are NotFound', async () => {
    const api = apiOf(node)
    await expect(api['requests.propose']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['requests.approve']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['requests.decline']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
  })
})
