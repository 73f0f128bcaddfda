import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { mortgageDefinition, mortgageTerms, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import { startHolderBesideCompanies, type HolderBesideCompanies } from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

const remember = { who: { kind: 'connection' as const }, when: {} }

// What the screen says after an answer is what the requester did with it (a real Credo lender here).
describe('an answer says what the requester did with it; remember saves only an acknowledged answer', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    holder = await startHolderBesideCompanies(samplePerson(11))
    ;({ node, companies } = holder)
  })
  afterEach(() => holder.stop())

  it('does not send a subset the request does not allow (no submission requirements: all items needed)', async () => {
    const api = apiOf(node)
    const { companyConnectionId } = await connectToCompany(node, companies.lender)
    await companies.lender.ask(companyConnectionId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    expect(request.asked.map((item) => item.optional)).toEqual([false, false])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.items.map((item) => item.optional)).toEqual([false, false])
    await expect(api['requests.approve']({ id: request.id, omit: ['income'] })).rejects.toMatchObject({
      code: 'SubsetNotAllowed',
    })
    await expect(
      api['consent.answerAndRemember']({ requestId: request.id, action: 'share', remember, omit: ['income'] }),
    ).rejects.toMatchObject({ code: 'SubsetNotAllowed' })
    expect((await api['requests.get']({ id: request.id })).state).toBe('request-received')
    expect(await api['consent.listPolicies'](undefined)).toEqual([])
    expect(await api['disclosures.list'](undefined)).toEqual([])
  })

  it('a refusal by the requester is a refusal with its reason, lands in History, and remembers nothing', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    // The lender takes identity only from the employer: the registry's card is refused after it left.
    lender.trust('IdentityCredential', companies.employer.did)
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    const proofId = await lender.ask(companyConnectionId, mortgageDefinition, mortgageTerms, { ackOnlyTrusted: true })
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])

    // Read before it is saved: exactly this answer, this connection, this purpose, no longer than stated.
    const preview = await api['consent.previewRemember']({ requestId: request.id, action: 'share', remember })
    expect(preview).toMatchObject({
      who: { kind: 'connection', connectionId: nodeConnectionId },
      why: ['dpv:CreditChecking'],
      when: { maxRetention: 'P7Y' },
      action: 'share',
    })
    expect(preview.what.map((what) => what.type)).toEqual(['IdentityCredential', 'IncomeCredential'])
    expect(await api['consent.listPolicies'](undefined)).toEqual([])

    const { request: answered, policy } = await api['consent.answerAndRemember']({
      requestId: request.id,
      action: 'share',
      remember,
    })
    expect(answered.answer?.outcome).toBe('refused')
    expect(answered.answer?.reason).toContain('untrusted issuer')
    expect(policy).toBeUndefined()
    expect(await api['consent.listPolicies'](undefined)).toEqual([])
    expect((await outcome).state).toBe('untrusted')

    // What left is a disclosure all the same, with the requester's refusal beside it, and revocable.
    const entry = await eventually(async () => {
      const [first] = await api['disclosures.list'](undefined)
      return first?.notices.length ? first : undefined
    })
    expect(entry.credentials.map((credential) => credential.types.at(-1))).toEqual([
      'IdentityCredential',
      'IncomeCredential',
    ])
    expect(entry.notices).toEqual([expect.objectContaining({ kind: 'refused' })])
    expect(entry.notices[0].note).toContain('untrusted issuer')
    expect((await api['disclosures.revoke']({ id: entry.id })).revokedAt).toBeDefined()
  })

  it('an acknowledged answer says accepted, and so does its History entry', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    lender.trust('IdentityCredential', companies.registry.did)
    const { companyConnectionId } = await connectToCompany(node, lender)
    const proofId = await lender.ask(companyConnectionId, mortgageDefinition, mortgageTerms, { ackOnlyTrusted: true })
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const answered = await api['requests.approve']({ id: request.id })
    expect(answered.answer).toEqual({ outcome: 'accepted' })
    expect(answered.state).toBe('done')
    expect((await outcome).state).toBe('verified')
    const entry = await eventually(async () => {
      const [first] = await api['disclosures.list'](undefined)
      return first?.notices.length ? first : undefined
    })
    expect(entry.notices.map((notice) => notice.kind)).toEqual(['accepted'])
  })
})
