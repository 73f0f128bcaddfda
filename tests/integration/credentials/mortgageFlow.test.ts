import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { bankAccountClaims, identityClaims, incomeClaims, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, startCompanies, type Companies } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('W3C JSON-LD credentials between real agents: registry and employer issue, the lender verifies', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    tmp = makeTmpDir()
    companies = await startCompanies(`${tmp.dir}/companies`)
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await companies.stop()
    tmp.cleanup()
  })

  it('stores both credentials with provenance and answers the mortgage request with exactly them', async () => {
    const api = apiOf(node)
    const person = samplePerson(7)
    const timings: Record<string, number> = {}
    const started = Date.now()

    for (const [issuer, kind, claims] of [
      [companies.registry, 'IdentityCredential', identityClaims(person)],
      [companies.employer, 'IncomeCredential', incomeClaims(person)],
      [companies.bank, 'BankAccountCredential', bankAccountClaims(person, 'Sample Bank')],
    ] as const) {
      const t0 = Date.now()
      const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, issuer)
      const offered = await issuer.offer(companyConnectionId, { kind, claims })
      const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
      expect(offer).toMatchObject({ connectionId: nodeConnectionId, issuer: issuer.did, format: 'ldp_vc' })
      expect(offer.types).toContain(kind)
      const offerMessage = await node.agent.didcomm.credentials.findOfferMessage(offer.id)
      expect(offerMessage?.formats.map((format) => format.format)).toEqual(['aries/ld-proof-vc-detail@v1.0'])
      const held = await api['credentials.acceptOffer']({ id: offer.id })
      expect(held.claims).toEqual(claims)
      expect(held.provenance).toMatchObject({
        issuer: issuer.did,
        connectionId: nodeConnectionId,
        exchangeId: offer.id,
        format: 'ldp_vc',
        signature: { result: 'valid' },
      })
      expect(await api['credentials.listOffers'](undefined)).toEqual([])
      const issuerSide = await eventually(async () => {
        const record = await issuer.agent.didcomm.credentials.getById(offered.id)
        return record.state === 'done' ? record : undefined
      })
      expect(issuerSide.state).toBe('done')
      timings[kind] = Date.now() - t0
    }
    expect(await api['credentials.list'](undefined)).toHaveLength(3)

    const t1 = Date.now()
    companies.lender.trust('IdentityCredential', companies.registry.did)
    companies.lender.trust('IncomeCredential', companies.employer.did)
    const { companyConnectionId: lenderConnection } = await connectToCompany(node, companies.lender)
    const proofId = await companies.lender.ask(lenderConnection)
    const outcome = companies.lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    expect(request).toMatchObject({
      requester: 'Lender',
      purpose: 'mortgage application',
      retention: 'P7Y',
      legalBasis: expect.stringContaining('contract'),
    })
    expect(request.asked.map((item) => [item.descriptorId, item.types, item.claims])).toEqual([
      ['identity', ['IdentityCredential'], ['name', 'dateOfBirth', 'address']],
      ['income', ['IncomeCredential'], ['grossYearlyIncome', 'employedSince']],
    ])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.satisfiable).toBe(true)
    expect(proposal.missing).toEqual([])
    expect(proposal.items.map((item) => item.claimsAsked)).toEqual([
      ['name', 'dateOfBirth', 'address'],
      ['grossYearlyIncome', 'employedSince'],
    ])
    // Ed25519Signature2018 signs whole credentials: what leaves is every claim of each, and the proposal says so.
    expect(proposal.items[0].claimsLeaving).toEqual(identityClaims(person))
    // The bank account credential is held but not asked for, so it is not part of the answer.
    expect(proposal.items.flatMap((item) => item.types)).not.toContain('BankAccountCredential')

    const answered = await api['requests.approve']({ id: request.id })
    // Approve returns once the lender acknowledged the presentation: the answer says so.
    expect(answered).toMatchObject({ state: 'done', answer: { outcome: 'accepted' } })
    const verified = await outcome
    expect(verified.state).toBe('verified')
    if (verified.state !== 'verified') return
    expect(verified.credentials.map((c) => [c.issuer, c.types.at(-1)])).toEqual([
      [companies.registry.did, 'IdentityCredential'],
      [companies.employer.did, 'IncomeCredential'],
    ])
    expect(verified.credentials[1].claims).toMatchObject({ grossYearlyIncome: person.grossYearlyIncome })
    const presentation = await companies.lender.agent.didcomm.proofs.findPresentationMessage(proofId)
    expect(presentation?.formats.map((format) => format.format)).toEqual(['dif/presentation-exchange/submission@v1.0'])
    expect(await api['requests.list'](undefined)).toEqual([])
    timings.presentation = Date.now() - t1
    timings.total = Date.now() - started
    console.info('mortgage flow timings (ms)', timings)
  })
})
