import { describe, expect, it } from 'vitest'

import { readSpecification } from '../../../electron/node/tmf644'
import { dpvPurposes } from '../../../electron/node/vocabulary'

const vocabulary = dpvPurposes()
const NOW = new Date('2026-12-07T20:00:00Z')
const BASE = 'https://utility.example/tmf-api/privacyManagement/v5'

// A v5 specification: `specCharacteristic`, `characteristicValueSpecification` and `lifecycleStatus`.
const v5 = (characteristics: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  id: 'energy-contract',
  name: 'Energy contract',
  lifecycleStatus: 'Active',
  specCharacteristic: characteristics,
  ...extra,
})
const purpose = (name: string, privacyUsagePurpose: string, values?: unknown[], more: object = {}) => ({
  name,
  privacyType: 'Internal Purpose',
  privacyUsagePurpose,
  ...(values ? { characteristicValueSpecification: values } : {}),
  ...more,
})
const retention = (value: unknown, unitOfMeasure?: string) => ({
  name: 'Meter readings',
  privacyType: 'Internal Retention',
  characteristicValueSpecification: [{ value, unitOfMeasure, isDefault: true }],
})

describe('a TMF644 specification read as a data list', () => {
  it('reads v5 names, DPV labels as purposes, External purposes as third parties, a retention in years', () => {
    const { terms } = readSpecification(
      v5([
        purpose('MeterCredential.reading', 'Service Provision'),
        purpose(
          'ContactCredential.phone',
          'RESEARCH',
          [true, false].map((value) => ({ value, isDefault: value })),
        ),
        purpose('MeterCredential.reading', 'INFORMATION', [{ value: 'yes' }], {
          privacyType: 'External Purpose',
          allowedRole: [{ name: 'Grid operator' }],
        }),
        retention(3, 'years'),
      ]),
      BASE,
      vocabulary,
      NOW,
    )
    expect(terms).toMatchObject({
      revision: 1,
      purposes: ['dpv:ServiceProvision', 'dpv:ResearchAndDevelopment', 'dpv:CustomerCare'],
      retention: 'P3Y',
      third_parties: ['Grid operator'],
      profiling: false,
    })
    expect(terms.id).toMatch(/^tmf644-[0-9a-f]{12}-energy-contract$/)
    expect(terms.items).toEqual([
      { id: 'MeterCredential', types: ['MeterCredential'], claims: ['reading'], required: true },
      { id: 'ContactCredential', types: ['ContactCredential'], claims: ['phone'], required: false },
    ])
  })

  it('leaves out a use the company proposes refused, a characteristic no longer valid, and a retired specification', () => {
    const read = readSpecification(
      [
        v5([purpose('a', 'ADMIN'), retention('P1Y')], { id: 'old', lifecycleStatus: 'Retired' }),
        v5([
          purpose('email', 'MARKETING', [{ value: 'opt-out', isDefault: true }, { value: 'opt-in' }]),
          purpose('phone', 'ADMIN', undefined, { validFor: { endDateTime: '2026-06-30T00:00:00Z' } }),
          purpose('name', 'ADMIN'),
          retention('P6M'),
        ]),
      ],
      BASE,
      vocabulary,
      NOW,
    )
    expect(read.specification.id).toBe('energy-contract')
    expect(read.terms).toMatchObject({ purposes: ['dpv:CustomerManagement'], retention: 'P6M' })
    expect(read.terms.items.map((item) => item.id)).toEqual(['name'])
    expect(read.uses.map((use) => [use.characteristic.name, use.proposed])).toEqual([
      ['email', false],
      ['name', true],
    ])
  })

  it('refuses a list that contradicts itself: two defaults, every item optional, a retention in weeks', () => {
    const two = [
      { value: true, isDefault: true },
      { value: false, isDefault: true },
    ]
    const read = (characteristics: Record<string, unknown>[]) =>
      readSpecification(v5(characteristics), BASE, vocabulary, NOW)
    expect(() => read([purpose('a', 'ADMIN', two), retention('P1Y')])).toThrow(/2 default values/)
    expect(() => read([purpose('a', 'ADMIN', [{ value: true }, { value: false }]), retention('P1Y')])).toThrow(
      /none is the default/,
    )
    expect(() =>
      read([purpose('a', 'ADMIN', [{ value: true, isDefault: true }, { value: false }]), retention('P1Y')]),
    ).toThrow(/every item is optional/)
    expect(() => read([purpose('a', 'ADMIN'), retention(6, 'weeks')])).toThrow(/not a duration/)
  })
})
