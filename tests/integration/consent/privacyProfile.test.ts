import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { mortgageTerms, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import {
  evaluationOfThread,
  mortgagePolicy,
  startHolderBesideCompanies,
  type HolderBesideCompanies,
} from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'
import { dpvConsentRecordSchema } from '../../../shared/api'

// A plain Credo lender asks a node whose person set a privacy profile and a policy that shares with it.
describe('the privacy profile bounds every answer', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  let companyConnectionId: string
  beforeAll(async () => {
    holder = await startHolderBesideCompanies(samplePerson(5))
    ;({ node, companies } = holder)
    const connection = await connectToCompany(node, companies.lender)
    companyConnectionId = connection.companyConnectionId
    await apiOf(node)['consent.createPolicy'](mortgagePolicy(connection.nodeConnectionId))
  })
  afterAll(() => holder.stop())

  async function ask(terms: typeof mortgageTerms) {
    const proofId = await companies.lender.ask(companyConnectionId, undefined, terms)
    const threadId = (await companies.lender.agent.didcomm.proofs.getById(proofId)).threadId
    return { proofId, ...(await evaluationOfThread(node, threadId)) }
  }

  it('a bad profile is refused in words and the stored one stays', async () => {
    const api = apiOf(node)
    const first = await api['privacyProfile.set']({
      rules: [
        { kind: 'neverPurpose', purpose: 'dpv:Marketing' },
        { kind: 'maxRetention', category: 'financial', duration: 'P2Y' },
        { kind: 'noThirdParties' },
        { kind: 'noThirdParties' },
      ],
    })
    expect(first).toMatchObject({ version: 1 })
    expect(first.rules.map((rule) => rule.kind)).toEqual(['neverPurpose', 'maxRetention', 'noThirdParties'])
    await expect(
      api['privacyProfile.set']({ rules: [{ kind: 'neverPurpose', purpose: 'dpv:Gossip' }] }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('not a purpose Custos knows') })
    await expect(
      api['privacyProfile.set']({ rules: [{ kind: 'maxRetention', category: 'financial', duration: 'two years' }] }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(api['privacyProfile.set']({ rules: [{ kind: 'sellMyData' }] } as never)).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    expect(await api['privacyProfile.get'](undefined)).toEqual(first)
    // The same limits again: a new version, each rule keeping its id.
    const again = await api['privacyProfile.set']({ rules: first.rules.map(({ id: _id, ...rule }) => rule) })
    expect(again.version).toBe(2)
    expect(again.rules.map((rule) => rule.id)).toEqual(first.rules.map((rule) => rule.id))
  })

  it("a policy's share waits for the person when the request keeps finance data too long", async () => {
    const api = apiOf(node)
    const { evaluation, requestId } = await ask(mortgageTerms)
    expect(evaluation.outcome).toBe('ask')
    expect(evaluation.decidedBy).toBeDefined()
    expect(evaluation.reason).toContain('beyond your privacy profile')
    expect(evaluation.position?.profileVersion).toBe(2)
    const income = evaluation.position?.items.find((item) => item.categories.includes('financial'))
    expect(income).toMatchObject({ counter: 'shorten', conflicts: [{ kind: 'retention-too-long', stated: 'P7Y' }] })
    expect(evaluation.position?.counterOffer.retention).toBe('P2Y')
    expect((await api['requests.list'](undefined)).map((request) => request.id)).toContain(requestId)
    // The screen's position is the same, read again from the profile as it is now.
    const position = await api['consent.requestPosition']({ requestId })
    expect(position).toEqual(evaluation.position)
    // Nothing left: no history entry for it.
    expect(await api['disclosures.list'](undefined)).toHaveLength(0)
  })

  it('a request within the profile is answered by the policy at once', async () => {
    const { evaluation, proofId } = await ask({ ...mortgageTerms, retention: 'P18M' })
    expect(evaluation).toMatchObject({ outcome: 'share', position: { fits: true } })
    const record = await eventually(async () => {
      const found = await companies.lender.agent.didcomm.proofs.getById(proofId)
      return found.state === 'done' ? found : undefined
    })
    expect(record.isVerified).toBe(true)
    // The disclosure's receipt is carried over into a DPV consent record under the TS 27560 profile.
    const [disclosure] = await eventually(async () => {
      const found = await apiOf(node)['disclosures.list'](undefined)
      return found.length ? found : undefined
    })
    const [dpv] = await apiOf(node)['consentRecords.export']({ id: `disclosure-${disclosure.id}` })
    expect(dpvConsentRecordSchema.parse(dpv)).toMatchObject({
      'dpv:hasConsentStatus': 'dpv:ConsentGiven',
      'dpv:hasProcess': { 'dpv:hasPurpose': ['dpv:CreditChecking'] },
    })
    expect(dpv['dpv:hasProcess']['dpv:hasPersonalData']).toContain('grossYearlyIncome')
  })

  it('third parties the profile excludes stop the policy too, and say who', async () => {
    const { evaluation } = await ask({ ...mortgageTerms, retention: 'P1Y', thirdParties: ['Credit bureau'] })
    expect(evaluation.outcome).toBe('ask')
    expect(evaluation.position?.conflicts).toMatchObject([{ kind: 'third-parties', recipients: ['Credit bureau'] }])
    expect(evaluation.position?.counterOffer.noThirdParties).toBe(true)
  })
})
