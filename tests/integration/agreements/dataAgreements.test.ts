import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signatureHolds, signForConnection } from '../../../electron/node/agreements'
import type { CustosNode } from '../../../electron/node'
import { AgreementParty } from '../../../scripts/companies/AgreementParty'
import { lenderTakesAYear, mortgageDataList } from '../../../scripts/companies/mortgageDataList'
import { mortgageTerms, samplePerson, type Lender } from '../../../scripts/companies'
import { AgreementOfferMessage } from '../../../electron/node/agreements'
import { sendOnConnection } from '../../../electron/node/connections'
import { dpvConsentRecordSchema, type DataAgreement } from '../../../shared/api'
import { connectToCompany, eventually } from '../../helpers/companies'
import {
  evaluationOfThread,
  startHolderBesideCompanies,
  startLender,
  type HolderBesideCompanies,
} from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

const dataList = mortgageDataList
const lenderRule = lenderTakesAYear

describe('a data agreement between a node and a plain Credo lender', () => {
  let holder: HolderBesideCompanies
  let node: CustosNode
  let lender: Lender
  let party: AgreementParty
  let companyConnectionId: string
  let agreementThread: string
  beforeAll(async () => {
    holder = await startHolderBesideCompanies(samplePerson(6))
    node = holder.node
    lender = holder.companies.lender
    party = new AgreementParty(lender.agent, lenderRule)
    companyConnectionId = (await connectToCompany(node, lender)).companyConnectionId
    await apiOf(node)['privacyProfile.set']({
      rules: [
        { kind: 'maxRetention', category: 'financial', duration: 'P2Y' },
        { kind: 'neverPurpose', purpose: 'dpv:Marketing' },
      ],
    })
  })
  afterAll(() => holder.stop())

  const agreementWhere = (check: (agreement: DataAgreement) => boolean) =>
    eventually(async () => (await apiOf(node)['agreements.list'](undefined)).find(check))

  async function ask(terms: typeof mortgageTerms) {
    const proofId = await lender.ask(companyConnectionId, undefined, terms)
    const threadId = (await lender.agent.didcomm.proofs.getById(proofId)).threadId
    return (await evaluationOfThread(node, threadId)).evaluation
  }

  it('the offer shows where it goes beyond the profile; the counter is signed by both and binds both', async () => {
    const api = apiOf(node)
    agreementThread = await party.offer(companyConnectionId, dataList('mortgage-2026'))
    const offered = await agreementWhere((agreement) => agreement.state === 'offered')
    expect(offered).toMatchObject({
      id: 'mortgage-2026',
      company: 'Lender',
      position: { fits: false, reachable: true },
    })
    expect(offered.position.counterOffer).toMatchObject({ decline: ['statements'], retention: 'P2Y' })
    await expect(api['agreements.terminate']({ id: offered.id })).rejects.toMatchObject({ code: 'AgreementRefused' })
    await expect(api['agreements.accept']({ id: 'no-such-agreement' })).rejects.toMatchObject({ code: 'NotFound' })

    const countered = await api['agreements.counter']({ id: offered.id })
    expect(countered).toMatchObject({ state: 'countered', current: { revision: 2, retention: 'P2Y' } })
    expect(countered.current.items.map((item) => item.id)).toEqual(['identity', 'income'])
    const agreed = await agreementWhere((agreement) => agreement.state === 'agreed')
    expect(party.get(agreementThread)).toMatchObject({ state: 'agreed', holderSigned: true, terms: agreed.current })
    // Both signatures cover the same terms, each by its own side's key.
    for (const signature of [agreed.holderSignature!, agreed.companySignature!]) {
      expect(await signatureHolds(node.agent.context, agreed.current, signature)).toBe(true)
      expect(await signatureHolds(node.agent.context, agreed.offered, signature)).toBe(false)
    }
    expect(agreed.holderSignature!.signer).not.toBe(agreed.companySignature!.signer)
  })

  it('a request within the agreement goes on to consent; one beyond it is refused', async () => {
    const within = await ask({ ...mortgageTerms, retention: 'P1Y', agreement: 'mortgage-2026' })
    expect(within.outcome).toBe('none')
    const beyond = await ask({ ...mortgageTerms, retention: 'P7Y', agreement: 'mortgage-2026' })
    expect(beyond).toMatchObject({ outcome: 'refuse', reason: expect.stringContaining('P7Y') })
    const marketing = await ask({
      ...mortgageTerms,
      dpvPurpose: 'dpv:Marketing',
      retention: 'P1Y',
      agreement: 'mortgage-2026',
    })
    expect(marketing).toMatchObject({ outcome: 'refuse', reason: expect.stringContaining('dpv:Marketing') })
  })

  it('terminated by the person: the company is told, signed, and a later request under it is refused and counted', async () => {
    const api = apiOf(node)
    const ended = await api['agreements.terminate']({ id: 'mortgage-2026', reason: 'I chose another bank.' })
    expect(ended).toMatchObject({ state: 'terminated', endedBy: 'holder' })
    await eventually(async () => (party.get(agreementThread).state === 'terminated' ? true : undefined))
    const after = await ask({ ...mortgageTerms, retention: 'P1Y', agreement: 'mortgage-2026' })
    expect(after).toMatchObject({ outcome: 'refuse', reason: expect.stringContaining('terminated') })
    expect((await api['agreements.get']({ id: 'mortgage-2026' })).usedAfterEnd).toBe(1)
  })

  it('an offer signed by another key, or a list that contradicts itself, is refused and nothing is kept', async () => {
    const api = apiOf(node)
    const before = await api['agreements.list'](undefined)
    const impostor = await startLender(holder.dir, 'Impostor')
    try {
      const { companyConnectionId: theirs } = await connectToCompany(node, impostor)
      const terms = dataList('forged')
      const connection = await impostor.agent.didcomm.connections.getById(theirs)
      const forged = new AgreementOfferMessage({
        terms,
        signature: await signForConnection(impostor.agent.context, connection, terms),
      })
      const twice = dataList('twice')
      twice.items.push({ ...twice.items[0] })
      const ownConnection = await lender.agent.didcomm.connections.getById(companyConnectionId)
      const selfContradicting = new AgreementOfferMessage({
        terms: twice,
        signature: await signForConnection(lender.agent.context, ownConnection, twice),
      })
      // The company's side keeps both threads, to hear the node's reject on each.
      for (const [message, offered] of [
        [forged, terms],
        [selfContradicting, twice],
      ] as const) {
        party.agreements.set(message.id, {
          threadId: message.id,
          connectionId: companyConnectionId,
          state: 'offered',
          terms: offered,
          holderSigned: false,
        })
        await sendOnConnection(lender.agent.context, companyConnectionId, message)
      }
      await eventually(async () => (party.get(forged.id).state === 'rejected' ? true : undefined))
      await eventually(async () => (party.get(selfContradicting.id).state === 'rejected' ? true : undefined))
      expect(party.get(forged.id).reason).toContain('not the company’s')
      expect(party.get(selfContradicting.id).reason).toContain('listed twice')
      expect(await api['agreements.list'](undefined)).toEqual(before)
    } finally {
      await impostor.stop()
    }
  })

  it('every agreement and refusal is a DPV consent record under the ISO/IEC TS 27560 profile, and a Kantara receipt', async () => {
    const api = apiOf(node)
    const records = await api['consentRecords.export']({})
    for (const record of records) expect(dpvConsentRecordSchema.safeParse(record).error).toBeUndefined()
    const agreement = records.find((record) => record['dct:identifier'] === 'agreement-mortgage-2026-r2')
    expect(agreement?.['custos:history'].map((entry) => entry['custos:status'])).toEqual([
      'dpv:ConsentRequested',
      'dpv:ConsentGiven',
      'dpv:ConsentWithdrawn',
    ])
    expect(agreement?.['dpv:hasProcess']['dpv:hasStorageCondition']).toEqual([
      { '@type': 'dpv:StorageDuration', 'dpv:hasDuration': 'P2Y' },
    ])
    const refusals = records.filter((record) => record['dpv:hasConsentStatus'] === 'dpv:ConsentRefused')
    // Beyond the retention, beyond the purpose, after the end (the two forged offers were never stored).
    expect(refusals).toHaveLength(3)
    expect(refusals.every((record) => record['dpv:hasDataController'][0]['foaf:name'] === 'Lender')).toBe(true)
    // The context travels with the record: nothing to fetch.
    expect(agreement?.['@context']).toMatchObject({ dpv: 'https://w3id.org/dpv#' })
    const one = await api['consentRecords.export']({ id: 'agreement-mortgage-2026-r2' })
    expect(one).toEqual([agreement])
    await expect(api['consentRecords.export']({ id: 'no-such-record' })).rejects.toMatchObject({ code: 'NotFound' })
    const kantara = await api['consentRecords.exportKantara']({})
    expect(kantara).toHaveLength(records.length)
    expect(kantara.every((receipt) => receipt.version === 'KI-CR-v1.1.0')).toBe(true)
    // The shape catches a record without a controller or without a status.
    const { ['dpv:hasDataController']: _controller, ...withoutController } = agreement!
    expect(dpvConsentRecordSchema.safeParse(withoutController).success).toBe(false)
    expect(dpvConsentRecordSchema.safeParse({ ...agreement, 'dpv:hasConsentStatus': 'dpv:Maybe' }).success).toBe(false)
  })
})
