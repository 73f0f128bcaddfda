import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { signForConnection } from '../../../electron/node/agreements'
import { sendOnConnection } from '../../../electron/node/connections'
import { DataNoticeMessage, noticeSigned } from '../../../electron/node/disclosures'
import { AgreementParty } from '../../../scripts/companies/AgreementParty'
import { mortgageDataList } from '../../../scripts/companies/mortgageDataList'
import { mortgageTerms, samplePerson, type Lender } from '../../../scripts/companies'
import type { AgreementTerms, Disclosure } from '../../../shared/api'
import { connectToCompany, eventually } from '../../helpers/companies'
import { evaluationOfThread, startHolderBesideCompanies, type HolderBesideCompanies } from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

// Identity and income, two years: the list a counter-offer leaves of the sample one.
const full = mortgageDataList('mortgage-deletion')
const terms: AgreementTerms = { ...full, retention: 'P2Y', items: full.items.filter((item) => item.required) }

// A plain Credo lender that signs its acknowledgements; a revoke or the end of an agreement asks it, signed.
describe('closing the loop on deletion', () => {
  let holder: HolderBesideCompanies
  let node: CustosNode
  let lender: Lender
  let companyConnectionId: string
  let party: AgreementParty
  beforeAll(async () => {
    holder = await startHolderBesideCompanies(samplePerson(7))
    node = holder.node
    lender = holder.companies.lender
    party = new AgreementParty(lender.agent, () => undefined)
    companyConnectionId = (await connectToCompany(node, lender)).companyConnectionId
  })
  afterAll(() => holder.stop())

  async function shareAnswer(agreement?: string): Promise<Disclosure> {
    const proofId = await lender.ask(companyConnectionId, undefined, { ...mortgageTerms, retention: 'P1Y', agreement })
    const threadId = (await lender.agent.didcomm.proofs.getById(proofId)).threadId
    const { requestId } = await evaluationOfThread(node, threadId)
    await apiOf(node)['requests.approve']({ id: requestId })
    return eventually(async () =>
      (await apiOf(node)['disclosures.list'](undefined)).find((disclosure) => disclosure.requestId === requestId),
    )
  }

  const disclosure = (id: string) => apiOf(node)['disclosures.get']({ id })

  it('ending an agreement asks, signed and naming it, to delete what left under it; the signed answer is kept', async () => {
    const api = apiOf(node)
    await party.offer(companyConnectionId, terms)
    await eventually(async () => (await api['agreements.list'](undefined)).find((a) => a.state === 'offered'))
    expect(await api['agreements.accept']({ id: terms.id })).toMatchObject({ state: 'agreed' })

    const shared = await shareAnswer(terms.id)
    expect(shared).toMatchObject({ agreementId: terms.id, deletion: undefined })
    await api['agreements.terminate']({ id: terms.id })
    const answered = await eventually(async () => {
      const now = await disclosure(shared.id)
      return now.deletion?.acknowledgedAt ? now : undefined
    })
    expect(lender.deletionRequests).toEqual([
      { grantThreadId: shared.threadId, agreementId: terms.id, signedByHolder: true },
    ])
    expect(answered.revokedAt).toBeDefined()
    expect(answered.deletion).toMatchObject({ signed: true, overdue: false })
    expect(answered.notices.find((notice) => notice.kind === 'deleted')).toMatchObject({ signed: true })
    await expect(api['disclosures.remind']({ id: shared.id })).rejects.toMatchObject({ code: 'InvalidInput' })
  })

  it('a recipient that does not confirm within the period is overdue, and can be reminded', async () => {
    const api = apiOf(node)
    await api['privacyProfile.set']({ rules: [{ kind: 'answerDeletionWithin', duration: 'P0D' }] })
    lender.ignoresDeletionRequests = true
    const shared = await shareAnswer()
    await api['disclosures.revoke']({ id: shared.id })
    await eventually(async () =>
      lender.deletionRequests.some((r) => r.grantThreadId === shared.threadId) ? true : undefined,
    )
    const overdue = await disclosure(shared.id)
    expect(overdue.deletion).toMatchObject({ overdue: true, signed: false })
    expect(overdue.deletion?.acknowledgedAt).toBeUndefined()
    await api['disclosures.remind']({ id: shared.id })
    await eventually(async () =>
      lender.deletionRequests.filter((r) => r.grantThreadId === shared.threadId).length === 2 ? true : undefined,
    )
    // A period the person sets longer makes it due later, not overdue.
    await api['privacyProfile.set']({ rules: [{ kind: 'answerDeletionWithin', duration: 'P30D' }] })
    expect((await disclosure(shared.id)).deletion?.overdue).toBe(false)

    // An acknowledgement for a grant this connection never received, and one signed by no key of it: neither is kept.
    const connection = await lender.agent.didcomm.connections.getById(companyConnectionId)
    const unknown = new DataNoticeMessage({ grantThreadId: 'no-such-thread', kind: 'deleted' })
    unknown.signature = await signForConnection(lender.agent.context, connection, noticeSigned(unknown))
    const forged = new DataNoticeMessage({ grantThreadId: shared.threadId, kind: 'deleted' })
    forged.signature = await signForConnection(lender.agent.context, connection, { something: 'else' })
    const before = JSON.stringify(await api['disclosures.list'](undefined))
    await sendOnConnection(lender.agent.context, companyConnectionId, unknown)
    await sendOnConnection(lender.agent.context, companyConnectionId, forged)
    // A third, good one shows the first two were read and dropped in order.
    const good = new DataNoticeMessage({ grantThreadId: shared.threadId, kind: 'used', note: 'read' })
    good.signature = await signForConnection(lender.agent.context, connection, noticeSigned(good))
    await sendOnConnection(lender.agent.context, companyConnectionId, good)
    const after = await eventually(async () => {
      const found = await disclosure(shared.id)
      return found.notices.some((notice) => notice.kind === 'used') ? found : undefined
    })
    expect(after.notices.filter((notice) => notice.kind === 'deleted')).toEqual([])
    expect(after.deletion?.acknowledgedAt).toBeUndefined()
    expect(before).not.toContain('no-such-thread')
  })
})
