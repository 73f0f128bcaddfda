import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import {
  startHolderBesideCompanies,
  type HolderBesideCompanies,
  evaluationOfThread,
  mortgagePolicy,
  startLender,
} from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

async function threadOf(
  lender: { agent: { didcomm: { proofs: { getById(id: string): Promise<{ threadId: string }> } } } },
  id: string,
) {
  return (await lender.agent.didcomm.proofs.getById(id)).threadId
}

describe('standing consent policies between real agents', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    holder = await startHolderBesideCompanies(samplePerson(3))
    ;({ node, companies } = holder)
  })
  afterEach(() => holder.stop())

  it('answers the trusted connection at once, keeps a copied label waiting, and explains both', async () => {
    const api = apiOf(node)
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, companies.lender)
    const policy = await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    expect(policy).toMatchObject({ version: 1, status: 'active' })

    const proofId = await companies.lender.ask(companyConnectionId)
    const outcome = await companies.lender.outcome(proofId)
    expect(outcome.state).toBe('verified')
    const { evaluation } = await evaluationOfThread(node, await threadOf(companies.lender, proofId))
    expect(evaluation).toMatchObject({ outcome: 'share', decidedBy: { policyId: policy.id, version: 1 } })
    expect(evaluation.considered[0].clauses.every((clause) => clause.ok)).toBe(true)
    expect(await api['requests.list'](undefined)).toEqual([])

    // Same label, same request, another connection (another key): it waits for the person.
    const impostor = await startLender(holder.dir, 'Lender')
    try {
      const copied = await connectToCompany(node, impostor)
      const copiedProof = await impostor.ask(copied.companyConnectionId)
      const waiting = await evaluationOfThread(node, await threadOf(impostor, copiedProof))
      expect(waiting.evaluation.outcome).toBe('none')
      expect(waiting.evaluation.considered[0].clauses.find((c) => c.clause === 'who')).toMatchObject({ ok: false })
      expect((await api['requests.list'](undefined)).map((request) => request.id)).toEqual([waiting.requestId])
      expect((await api['requests.get']({ id: waiting.requestId })).requester).toBe('Lender')
    } finally {
      await impostor.stop()
    }

    // "Try it" evaluates and shares nothing.
    const tried = await api['consent.tryIt']({
      connectionId: nodeConnectionId,
      purposes: ['Credit Checking'],
      retention: 'P7Y',
      items: [{ types: ['IdentityCredential'], claims: ['name', 'nationalId'] }],
    })
    expect(tried.outcome).toBe('ask')
    expect(tried.considered[0].clauses.find((c) => c.clause === 'what')?.reason).toContain('nationalId')
  })

  it('an edit makes a new version; pause and resume; a bad policy changes nothing', async () => {
    const api = apiOf(node)
    const { nodeConnectionId: lender } = await connectToCompany(node, companies.lender)
    await expect(api['consent.createPolicy'](mortgagePolicy('no-such-connection'))).rejects.toMatchObject({
      code: 'NotFound',
    })
    const created = await api['consent.createPolicy'](mortgagePolicy(lender))
    const edited = await api['consent.updatePolicy']({
      id: created.id,
      policy: { ...mortgagePolicy(lender), name: 'Edited' },
    })
    expect(edited).toMatchObject({ id: created.id, version: 2, name: 'Edited' })
    expect((await api['consent.policyHistory']({ id: created.id })).map((p) => [p.version, p.name])).toEqual([
      [1, 'Mortgage lender'],
      [2, 'Edited'],
    ])
    expect((await api['consent.pausePolicy']({ id: created.id })).status).toBe('paused')
    await expect(api['consent.pausePolicy']({ id: created.id })).rejects.toMatchObject({ code: 'InvalidInput' })
    expect((await api['consent.resumePolicy']({ id: created.id })).status).toBe('active')
    await expect(
      api['consent.createPolicy']({ ...mortgagePolicy(lender), why: ['dpv:NotAPurpose'] }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(
      api['consent.createPolicy']({ ...mortgagePolicy(lender), when: { maxAnswers: 3 } }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(
      api['consent.updatePolicy']({ id: 'no-such-policy', policy: mortgagePolicy(lender) }),
    ).rejects.toMatchObject({
      code: 'NotFound',
    })
    await expect(api['consent.tryIt']({ connectionId: 'c', items: [], purposes: [] } as never)).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(
      api['consent.createPolicy']({ ...mortgagePolicy(lender), when: { maxRetention: 'seven years' } }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(await api['consent.listPolicies'](undefined)).toHaveLength(1)
    expect((await api['consent.policyHistory']({ id: created.id })).length).toBe(2)
    await api['consent.revokePolicy']({ id: created.id })
    await expect(api['consent.updatePolicy']({ id: created.id, policy: mortgagePolicy(lender) })).rejects.toMatchObject(
      {
        code: 'InvalidInput',
      },
    )
    expect((await api['consent.policyHistory']({ id: created.id })).length).toBe(2)
  })

  it('the frequency limit holds when requests come at the same moment, and for a replay of the request', async () => {
    const api = apiOf(node)
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, companies.lender)
    await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId, { maxAnswers: 1, period: 'P1D' }))
    const ids = await Promise.all([1, 2, 3].map(() => companies.lender.ask(companyConnectionId)))
    const evaluations = await Promise.all(
      ids.map(async (id) => (await evaluationOfThread(node, await threadOf(companies.lender, id))).evaluation),
    )
    expect(evaluations.map((e) => e.outcome).sort()).toEqual(['none', 'none', 'share'])
    const sharedId = ids[evaluations.findIndex((e) => e.outcome === 'share')]
    // Shared before anyone listened for it: read the lender's record rather than wait for its event.
    const received = await eventually(async () => {
      const record = await companies.lender.agent.didcomm.proofs.getById(sharedId)
      return record.state === 'done' ? record : undefined
    })
    expect(received.isVerified).toBe(true)
    expect(await api['requests.list'](undefined)).toHaveLength(2)
    // The same request again later, on the trusted connection: still over the limit.
    const again = await companies.lender.ask(companyConnectionId)
    expect((await evaluationOfThread(node, await threadOf(companies.lender, again))).evaluation).toMatchObject({
      outcome: 'none',
    })
  })
})
