import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import {
  homeInsuranceSpecification,
  policyRecordsSevenYears,
  Tmf644Insurer,
  withinOfferedValues,
} from '../../../scripts/companies'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// An insurer that keeps policy records at least seven years, whatever its data list offers.
const sevenYears = policyRecordsSevenYears

type Characteristic = Record<string, unknown>
const valuesOf = (characteristics: unknown) =>
  Object.fromEntries((characteristics as Characteristic[]).map((c) => [c.name as string, c.value]))

describe('a data agreement through a company’s TMF644 Privacy Management API', () => {
  let node: CustosNode
  let cleanup: () => void
  let accepting: Tmf644Insurer
  let refusing: Tmf644Insurer
  beforeAll(async () => {
    const tmp = makeTmpDir()
    cleanup = tmp.cleanup
    node = await startNode(tmp.dir)
    accepting = await Tmf644Insurer.start(withinOfferedValues)
    refusing = await Tmf644Insurer.start(sevenYears)
    await apiOf(node)['privacyProfile.set']({
      rules: [
        { kind: 'maxRetention', category: 'financial', duration: 'P2Y' },
        { kind: 'neverPurpose', purpose: 'dpv:Marketing' },
      ],
    })
  })
  afterAll(async () => {
    await Promise.all([accepting?.stop(), refusing?.stop()])
    await node?.close()
    cleanup?.()
  })

  it('reads the data list, and its position shows the marketing use and the retention beyond the profile', async () => {
    const api = apiOf(node)
    const offered = await api['tmf644.fetchSpecification']({ baseUrl: accepting.baseUrl })
    expect(offered).toMatchObject({
      state: 'offered',
      connectionId: `tmf644:${accepting.baseUrl}`,
      offered: { purposes: ['dpv:CustomerManagement', 'dpv:Marketing'], retention: 'P10Y', third_parties: [] },
      position: { fits: false, reachable: true },
    })
    expect(offered.offered.items.map((item) => [item.id, item.claims, item.required])).toEqual([
      ['IdentityCredential', ['name', 'address'], true],
      ['BankAccountCredential', ['iban'], true],
      ['ContactCredential', ['email'], false],
    ])
    expect(offered.position.conflicts).toMatchObject([{ kind: 'purpose-excluded', purpose: 'dpv:Marketing' }])
    const bank = offered.position.items.find((item) => item.descriptorId === 'BankAccountCredential')
    expect(bank).toMatchObject({ counter: 'shorten', conflicts: [{ kind: 'retention-too-long', max: 'P2Y' }] })
    expect(offered.position.counterOffer).toMatchObject({ refusePurposes: ['dpv:Marketing'], retention: 'P2Y' })
    expect((await api['agreements.list'](undefined)).map((agreement) => agreement.id)).toEqual([offered.id])
  })

  it('the counter-offer is posted back; the insurer approves it and holds the profile and the agreement', async () => {
    const api = apiOf(node)
    const [{ id }] = await api['agreements.list'](undefined)
    const agreed = await api['tmf644.agree']({ id, counter: true })
    expect(agreed).toMatchObject({
      state: 'agreed',
      current: { revision: 2, purposes: ['dpv:CustomerManagement'], retention: 'P2Y' },
    })
    // The e-mail address was only for marketing, so the counter leaves it out.
    expect(agreed.current.items.map((item) => item.id)).toEqual(['IdentityCredential', 'BankAccountCredential'])
    const [posted] = [...accepting.agreements.values()]
    expect(posted).toMatchObject({ status: 'approved', body: { agreementType: 'privacy' } })
    const [profileRef] = posted.body.partyPrivacyProfile as Characteristic[]
    const profile = accepting.profiles.get(profileRef.id as string)!
    expect(profile.agreedByParty).toEqual(profile.applicableForParty)
    expect(profile).toMatchObject({ partyPrivacyProfileSpecification: { id: 'home-insurance-2026' } })
    expect(valuesOf(profile.partyPrivacyProfileCharacteristic)).toEqual({
      'IdentityCredential.name': 'Opt-in',
      'IdentityCredential.address': 'Opt-in',
      'BankAccountCredential.iban': 'Opt-in',
      'ContactCredential.email': 'Opt-out',
      'Policy records': 'P2Y',
    })
    expect(valuesOf(posted.body.partyPrivacyProfileCharacteristic)).toEqual(
      valuesOf(profile.partyPrivacyProfileCharacteristic),
    )
    // Agreed is agreed: neither a second answer nor a fresh read of the list changes it.
    await expect(api['tmf644.agree']({ id, counter: false })).rejects.toMatchObject({ code: 'AgreementRefused' })
    await expect(api['tmf644.fetchSpecification']({ baseUrl: accepting.baseUrl })).rejects.toMatchObject({
      code: 'AgreementRefused',
    })
    expect((await api['agreements.get']({ id })).state).toBe('agreed')
  })

  it('an insurer whose rule refuses the counter-offer: rejected, in the insurer’s words', async () => {
    const api = apiOf(node)
    const offered = await api['tmf644.fetchSpecification']({ baseUrl: refusing.baseUrl })
    const ended = await api['tmf644.agree']({ id: offered.id, counter: true })
    expect(ended).toMatchObject({
      state: 'rejected',
      endedBy: 'company',
      reason: expect.stringContaining('seven years'),
      current: { retention: 'P2Y' },
    })
    expect([...refusing.agreements.values()].map((agreement) => agreement.status)).toEqual(['rejected'])
  })

  it('a list changed since it was read, or a company that does not answer: nothing posted; the person can still decline', async () => {
    const api = apiOf(node)
    const moving = await Tmf644Insurer.start(withinOfferedValues)
    const offered = await api['tmf644.fetchSpecification']({ baseUrl: moving.baseUrl })
    const [spec] = moving.specification as ReturnType<typeof homeInsuranceSpecification>[]
    spec.partyPrivacyProfileSpecCharacteristic[4].partyPrivacyProfileSpecCharacteristicValue[0].value = 'P12Y'
    await expect(api['tmf644.agree']({ id: offered.id, counter: true })).rejects.toMatchObject({
      code: 'AgreementRefused',
      message: expect.stringContaining('changed its data list'),
    })
    await moving.stop()
    await expect(api['tmf644.agree']({ id: offered.id, counter: true })).rejects.toMatchObject({
      code: 'PeerUnreachable',
    })
    expect(moving.profiles.size + moving.agreements.size).toBe(0)
    expect(await api['agreements.get']({ id: offered.id })).toMatchObject({
      state: 'offered',
      current: offered.offered,
    })
    // Declining needs the company no more than reading did.
    const declined = await api['tmf644.reject']({ id: offered.id, reason: 'Too long for me.' })
    expect(declined).toMatchObject({ state: 'rejected', endedBy: 'holder', reason: 'Too long for me.' })
    await expect(api['tmf644.reject']({ id: offered.id })).rejects.toMatchObject({ code: 'AgreementRefused' })
  })

  it('a payload that does not parse or contradicts itself is refused in words, and nothing is stored', async () => {
    const api = apiOf(node)
    const broken = await Tmf644Insurer.start(withinOfferedValues)
    try {
      const before = await api['agreements.list'](undefined)
      const spec = () => homeInsuranceSpecification(broken.baseUrl)
      const characteristics = (change: (list: Characteristic[]) => void) => {
        const changed = spec()
        change(changed.partyPrivacyProfileSpecCharacteristic as Characteristic[])
        return [changed]
      }
      const values = (value: unknown) => [{ value, isDefault: true }]
      const cases: [unknown, string][] = [
        ['{"id": "home-insurance-2026", ', 'not JSON'],
        [[{ id: 'home-insurance-2026', name: 'Home insurance' }], 'does not hold together'],
        [characteristics((list) => (list[0].privacyType = 'Sometimes')), 'privacy type "Sometimes"'],
        [characteristics((list) => delete list[0].privacyUsagePurpose), 'names no purpose'],
        [characteristics((list) => (list[0].privacyUsagePurpose = 'FUN')), 'the purpose "FUN"'],
        [characteristics((list) => (list[3].partyPrivacyProfileSpecCharacteristicValue = values('maybe'))), '"maybe"'],
        [characteristics((list) => list.push({ ...list[0] })), 'listed twice'],
        [
          characteristics((list) => (list[4].partyPrivacyProfileSpecCharacteristicValue = values('forever'))),
          'not a duration',
        ],
        [characteristics((list) => list.splice(4, 1)), 'states no retention'],
        [[{ ...spec(), status: 'Retired' }], 'no privacy specification in force'],
        [`[${'"x",'.repeat(90_000)}"x"]`, 'larger than 256 KiB'],
      ]
      for (const [payload, words] of cases) {
        broken.specification = payload
        await expect(api['tmf644.fetchSpecification']({ baseUrl: broken.baseUrl })).rejects.toMatchObject({
          code: 'AgreementRefused',
          message: expect.stringContaining(words),
        })
      }
      await expect(
        api['tmf644.fetchSpecification']({ baseUrl: 'http://insurer.example/tmf-api' }),
      ).rejects.toMatchObject({ code: 'InvalidInput' })
      expect(await api['agreements.list'](undefined)).toEqual(before)
      expect(broken.profiles.size + broken.agreements.size).toBe(0)
    } finally {
      await broken.stop()
    }
  })
})
