import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { POLICY_REFUSAL } from '../../../electron/node/consent'
import { mortgageDefinition, samplePerson } from '../../../scripts/companies'
import { consentReceiptSchema } from '../../../shared/api'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import { startHolderBesideCompanies, type HolderBesideCompanies, mortgagePolicy } from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

/** The mortgage request whose submission requirements take either item alone (one of the two, at least). */
const eitherItem = {
  ...mortgageDefinition,
  id: 'identity-or-income',
  submission_requirements: [{ rule: 'pick' as const, min: 1, from: 'any' }],
  input_descriptors: mortgageDefinition.input_descriptors.map((descriptor) => ({ ...descriptor, group: ['any'] })),
}

describe('the disclosure history: revocation, notices and receipts, with the real lender', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    holder = await startHolderBesideCompanies(samplePerson(5))
    ;({ node, companies } = holder)
  })
  afterEach(() => holder.stop())

  it('records a policy disclosure, its notices, refuses at once after revoking and asks the lender to delete', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    const policy = await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    const proofId = await lender.ask(companyConnectionId)
    expect((await lender.outcome(proofId)).state).toBe('verified')

    const [entry] = await eventually(async () => {
      const list = await api['disclosures.list'](undefined)
      return list.length > 0 ? list : undefined
    })
    const thread = (await lender.agent.didcomm.proofs.getById(proofId)).threadId
    expect(entry).toMatchObject({
      connectionId: nodeConnectionId,
      recipient: 'Lender',
      threadId: thread,
      purpose: 'mortgage application',
      purposeIds: ['dpv:CreditChecking'],
      retention: 'P7Y',
      decidedBy: { kind: 'policy', policyId: policy.id, version: 1 },
    })
    expect(entry.credentials.map((c) => [c.types.at(-1), c.issuer])).toEqual([
      ['IdentityCredential', companies.registry.did],
      ['IncomeCredential', companies.employer.did],
    ])
    expect(entry.credentials[0].claims).toEqual(['name', 'dateOfBirth', 'address', 'age_over_18'])

    await lender.notifyUsed(proofId)
    await eventually(async () => ((await api['disclosures.get']({ id: entry.id })).notices.length ? true : undefined))

    const revoked = await api['disclosures.revoke']({ id: entry.id })
    expect(revoked.revokedAt).toBeDefined()
    expect(revoked.deletionRequestedAt).toBeDefined()
    expect((await api['consent.listPolicies'](undefined))[0].status).toBe('revoked')

    // At once: the next request under it is refused with a problem report, not left waiting.
    const after = await lender.ask(companyConnectionId)
    expect(await lender.outcome(after)).toMatchObject({ state: 'refused' })
    const refusedRecord = await lender.agent.didcomm.proofs.getById(after)
    expect(refusedRecord.errorMessage ?? '').toContain(POLICY_REFUSAL.slice(0, 20))

    // The lender got the deletion request, deleted, and said so.
    const done = await eventually(async () => {
      const current = await api['disclosures.get']({ id: entry.id })
      return current.notices.some((notice) => notice.kind === 'deleted') ? current : undefined
    })
    expect(lender.deleted).toEqual([thread])
    expect(await lender.agent.didcomm.proofs.findAllByQuery({ threadId: thread })).toEqual([])
    // The lender's ack and its 'used' notice leave it together; either may come first.
    expect(done.notices.map((notice) => notice.kind).sort()).toEqual(['accepted', 'deleted', 'used'])

    const receipts = await api['disclosures.receipts']({})
    expect(receipts).toHaveLength(1)
    const receipt = consentReceiptSchema.parse(receipts[0])
    expect(receipt).toMatchObject({
      record_id: entry.id,
      consent_type: 'standing-policy',
      policy: { id: policy.id, version: 1 },
      state: 'withdrawn',
      delivery: { thread_id: thread },
    })
    expect(receipt.purposes[0]).toMatchObject({ retention_period: 'P7Y', purpose_ids: ['dpv:CreditChecking'] })
    expect(receipt.events.map((event) => event.type)).toEqual([
      'given',
      'recipient-used',
      'withdrawn',
      'deletion-requested',
      'recipient-deleted',
    ])
    expect(receipt.pii_principal.id).toMatch(/^did:key:/)
  })

  it('a disclosure the person approved: revoking it makes a refusing policy and asks for deletion', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { companyConnectionId } = await connectToCompany(node, lender)
    const proofId = await lender.ask(companyConnectionId)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    expect((await api['requests.approve']({ id: request.id })).answer).toEqual({ outcome: 'accepted' })
    expect((await outcome).state).toBe('verified')
    const [entry] = await eventually(async () => {
      const list = await api['disclosures.list'](undefined)
      return list.length > 0 ? list : undefined
    })
    expect(entry.decidedBy).toEqual({ kind: 'person' })
    const revoked = await api['disclosures.revoke']({ id: entry.id })
    expect(revoked.revokedAt).toBeDefined()
    const [refusing] = await api['consent.listPolicies'](undefined)
    expect(refusing).toMatchObject({ action: 'refuse', who: { kind: 'connection', connectionId: entry.connectionId } })
    const after = await lender.ask(companyConnectionId)
    expect(await lender.outcome(after)).toMatchObject({ state: 'refused' })
    await eventually(async () => (lender.deleted.length > 0 ? true : undefined))
    const [receipt] = await api['disclosures.receipts']({ id: entry.id })
    expect(consentReceiptSchema.parse(receipt)).toMatchObject({ consent_type: 'expressed-by-person', policy: null })
    await expect(api['disclosures.revoke']({ id: 'no-such-disclosure' })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('the person approves a subset: only that leaves and the history says so', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { companyConnectionId } = await connectToCompany(node, lender)
    const proofId = await lender.ask(companyConnectionId, eitherItem)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    await expect(api['requests.approve']({ id: request.id, omit: ['identity', 'income'] })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(api['requests.approve']({ id: request.id, omit: ['passport'] })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    expect((await api['requests.get']({ id: request.id })).state).toBe('request-received')
    await api['requests.approve']({ id: request.id, omit: ['income'] })
    const [entry] = await eventually(async () => {
      const list = await api['disclosures.list'](undefined)
      return list.length > 0 ? list : undefined
    })
    expect(entry.credentials.map((credential) => credential.types.at(-1))).toEqual(['IdentityCredential'])
    // The lender asked for both and got only what the person approved; what it makes of that is its call.
    const received = await outcome
    if (received.state === 'refused') throw new Error(`the lender refused: ${received.reason}`)
    expect(received.credentials.map((credential) => credential.types.at(-1))).toEqual(['IdentityCredential'])
  })
  it('answers a subset and remembers it: the policy names only what was kept and answers the like request', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { companyConnectionId } = await connectToCompany(node, lender)
    const proofId = await lender.ask(companyConnectionId, eitherItem)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const remember = { who: { kind: 'connection' as const }, when: {} }
    // Leaving everything out is refused before a policy is made: none is left behind.
    await expect(
      api['consent.answerAndRemember']({
        requestId: request.id,
        action: 'share',
        remember,
        omit: ['identity', 'income'],
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('Approving nothing') })
    expect(await api['consent.listPolicies'](undefined)).toEqual([])

    const { request: answered, policy } = await api['consent.answerAndRemember']({
      requestId: request.id,
      action: 'share',
      remember,
      omit: ['identity'],
    })
    expect(answered.answer).toEqual({ outcome: 'accepted' })
    if (!policy) throw new Error('the acknowledged answer saved no policy')
    expect(policy.what.map((what) => what.type)).toEqual(['IncomeCredential'])
    const received = await outcome
    if (received.state === 'refused') throw new Error(`the lender refused: ${received.reason}`)
    expect(received.credentials.map((credential) => credential.types.at(-1))).toEqual(['IncomeCredential'])

    // The lender's next request asks only for what the person let go: the policy answers it.
    const incomeOnly = { ...mortgageDefinition, input_descriptors: [mortgageDefinition.input_descriptors[1]] }
    expect((await lender.outcome(await lender.ask(companyConnectionId, incomeOnly))).state).toBe('verified')
    const [decision] = await eventually(async () => {
      const decisions = await api['consent.decisions']({ limit: 5 })
      return decisions.length > 0 ? decisions : undefined
    })
    expect(decision).toMatchObject({
      outcome: 'shared',
      policyId: policy.id,
      policyName: policy.name,
      requester: 'Lender',
    })
  })
})
