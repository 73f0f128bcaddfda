import { JsonTransformer } from '@credo-ts/core'
import {
  DidCommMessageSender,
  DidCommOutboundMessageContext,
  DidCommProofState,
  DidCommRequestPresentationV2Message,
  type DidCommMessage,
} from '@credo-ts/didcomm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { POLICY_REFUSAL } from '../../../electron/node/consent'
import { sendOnConnection } from '../../../electron/node/connections'
import { DataNoticeMessage } from '../../../electron/node/disclosures'
import { samplePerson, type Lender } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import {
  startHolderBesideCompanies,
  type HolderBesideCompanies,
  evaluationOfThread,
  mortgagePolicy,
  startLender,
} from '../../helpers/consent'
import { apiOf, logText, PASS } from '../../helpers/nodes'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends `message` as it is (same @id and thread) over `connectionId` of `from`: a replay. */
async function replay(from: Lender, connectionId: string, message: DidCommMessage) {
  const agentContext = from.agent.context
  const connection = await from.agent.didcomm.connections.getById(connectionId)
  await from.agent.dependencyManager
    .resolve(DidCommMessageSender)
    .sendMessage(new DidCommOutboundMessageContext(message, { agentContext, connection }))
}

async function requestMessageOf(lender: Lender, proofId: string): Promise<DidCommRequestPresentationV2Message> {
  const message = await lender.agent.didcomm.proofs.findRequestMessage(proofId)
  if (!message) throw new Error('the lender has no request message')
  // A copy, so the lender's own record is not touched.
  return JsonTransformer.fromJSON(JsonTransformer.toJSON(message), DidCommRequestPresentationV2Message)
}

describe('security properties of standing consent', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    holder = await startHolderBesideCompanies(samplePerson(21))
    ;({ node, companies } = holder)
  })
  afterEach(() => holder.stop())

  it('a request replayed on another connection, and replays on the trusted one, get no automatic answer', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const trusted = await connectToCompany(node, lender)
    await api['consent.createPolicy'](mortgagePolicy(trusted.nodeConnectionId, { maxAnswers: 1, period: 'P1D' }))
    const proofId = await lender.ask(trusted.companyConnectionId)
    expect((await lender.outcome(proofId)).state).toBe('verified')
    const original = await requestMessageOf(lender, proofId)

    // The impostor, who saw the lender's request, sends it word for word over its own connection.
    const impostor = await startLender(holder.dir, 'Lender')
    try {
      const other = await connectToCompany(node, impostor)
      await replay(impostor, other.companyConnectionId, original)
      const fresh = await requestMessageOf(lender, proofId)
      fresh.id = fresh.generateId()
      fresh.setThread({ threadId: fresh.id })
      await replay(impostor, other.companyConnectionId, fresh)
      // The lender replays its own request, as it is and as a new thread, on the trusted connection.
      await replay(lender, trusted.companyConnectionId, original)
      const again = await requestMessageOf(lender, proofId)
      again.id = again.generateId()
      again.setThread({ threadId: again.id })
      await replay(lender, trusted.companyConnectionId, again)

      const onImpostor = await eventually(async () => {
        const records = await node.agent.didcomm.proofs.findAllByQuery({ connectionId: other.nodeConnectionId })
        return records.length >= 1 ? records : undefined
      })
      for (const record of onImpostor) {
        const { evaluation } = await evaluationOfThread(node, record.threadId)
        expect(evaluation.outcome).toBe('none')
      }
      const { evaluation } = await evaluationOfThread(node, again.threadId)
      expect(evaluation.outcome).toBe('none')
      expect(evaluation.considered[0].clauses.find((c) => c.clause === 'frequency')).toMatchObject({ ok: false })
      await pause(1500)
      expect(await impostor.agent.didcomm.proofs.getAll()).toEqual([])
      expect(await api['disclosures.list'](undefined)).toHaveLength(1)
      const sent = await node.agent.didcomm.proofs.findAllByQuery({ state: DidCommProofState.PresentationSent })
      const done = await node.agent.didcomm.proofs.findAllByQuery({ state: DidCommProofState.Done })
      expect(sent.length + done.length).toBe(1)
    } finally {
      await impostor.stop()
    }
  })

  it('nothing is shared while locked; the request that came meanwhile is decided after unlock', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    await node.lock()
    const proofId = await lender.ask(companyConnectionId)
    const outcome = lender.outcome(proofId, 60_000)
    let answered = false
    void outcome.then(() => (answered = true)).catch(() => undefined)
    await pause(2000)
    expect(answered).toBe(false)
    const unlockedAt = new Date().toISOString()
    await node.unlock(PASS)
    expect((await outcome).state).toBe('verified')
    const { evaluation } = await evaluationOfThread(node, (await lender.agent.didcomm.proofs.getById(proofId)).threadId)
    expect(evaluation.outcome).toBe('share')
    expect(evaluation.evaluatedAt >= unlockedAt).toBe(true)
  })

  it('revoking a policy takes effect at once and asks the recipient to delete', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    const policy = await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    const first = await lender.ask(companyConnectionId)
    expect((await lender.outcome(first)).state).toBe('verified')
    await eventually(async () => ((await api['disclosures.list'](undefined)).length === 1 ? true : undefined))
    await api['consent.revokePolicy']({ id: policy.id })
    const next = await lender.ask(companyConnectionId)
    expect(await lender.outcome(next)).toMatchObject({ state: 'refused' })
    await eventually(async () => (lender.deleted.length === 1 ? true : undefined))
    const [entry] = await api['disclosures.list'](undefined)
    expect(entry.revokedAt).toBeDefined()
    await eventually(async () =>
      (await api['disclosures.get']({ id: entry.id })).notices.some((n) => n.kind === 'deleted') ? true : undefined,
    )
    await expect(api['consent.resumePolicy']({ id: policy.id })).rejects.toMatchObject({ code: 'InvalidInput' })
  })

  it('a policy never releases more than it names: the request waits, or is refused, as the policy says', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    // It names the claims the lender asks, but the identity credential also holds age_over_18.
    const narrow = {
      ...mortgagePolicy(nodeConnectionId),
      what: [
        { type: 'IdentityCredential', claims: ['name', 'dateOfBirth', 'address'] },
        { type: 'IncomeCredential', claims: ['employer', 'grossYearlyIncome', 'currency', 'employedSince'] },
      ],
    }
    const policy = await api['consent.createPolicy'](narrow)
    const waits = await lender.ask(companyConnectionId)
    const { evaluation, requestId } = await evaluationOfThread(
      node,
      (await lender.agent.didcomm.proofs.getById(waits)).threadId,
    )
    expect(evaluation.outcome).toBe('ask')
    expect(evaluation.considered[0].clauses.find((c) => c.clause === 'what')?.reason).toContain('age_over_18')
    expect((await api['requests.list'](undefined)).map((request) => request.id)).toEqual([requestId])

    await api['consent.updatePolicy']({ id: policy.id, policy: { ...narrow, beyond: 'refuse' } })
    const refused = await lender.ask(companyConnectionId)
    expect(await lender.outcome(refused)).toMatchObject({ state: 'refused' })
    expect((await lender.agent.didcomm.proofs.getById(refused)).errorMessage ?? '').toContain(
      POLICY_REFUSAL.slice(0, 20),
    )
    const decided = await evaluationOfThread(node, (await lender.agent.didcomm.proofs.getById(refused)).threadId)
    expect(decided.evaluation.decidedBy).toEqual({ policyId: policy.id, version: 2 })
    await pause(500)
    expect(await api['disclosures.list'](undefined)).toEqual([])
    expect(await lender.agent.didcomm.proofs.findAllByQuery({ state: DidCommProofState.Done })).toEqual([])
  })

  it('a notice speaks only for its own connection: another requester cannot write into the history', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
    await api['consent.createPolicy'](mortgagePolicy(nodeConnectionId))
    const proofId = await lender.ask(companyConnectionId)
    expect((await lender.outcome(proofId)).state).toBe('verified')
    const [entry] = await eventually(async () => {
      const list = await api['disclosures.list'](undefined)
      return list.length > 0 ? list : undefined
    })
    const impostor = await startLender(holder.dir, 'Lender')
    try {
      const other = await connectToCompany(node, impostor)
      const forged = new DataNoticeMessage({ grantThreadId: entry.threadId, kind: 'deleted', note: 'forged' })
      await sendOnConnection(impostor.agent.context, other.companyConnectionId, forged)
      await pause(1000)
      // The lender's own notice, sent after the forged one, is recorded; the forged one never is.
      await lender.notifyUsed(proofId)
      const current = await eventually(async () => {
        const got = await api['disclosures.get']({ id: entry.id })
        return got.notices.length > 0 ? got : undefined
      })
      await pause(500)
      expect((await api['disclosures.get']({ id: entry.id })).notices.map((n) => n.kind).sort()).toEqual([
        'accepted',
        'used',
      ])
      expect(current.notices[0].note).not.toBe('forged')
      expect(logText(node)).toContain('a notice named no disclosure of its connection')
    } finally {
      await impostor.stop()
    }
  })
})
