import { durationDays } from '../../electron/node/vocabulary'

// The insurer's data list for home insurance as a TMF644 v4 PartyPrivacyProfileSpecification: who the
// customer is and how they pay, for administering the policy (no way to refuse those), an e-mail address
// for marketing the customer may opt out of, and policy records kept ten years unless agreed shorter.

const optIn = (name: string, purpose: string, criticalityLevel: string, refusable: boolean) => ({
  id: name,
  name,
  privacyType: 'Internal Purpose',
  privacyUsagePurpose: purpose,
  criticalityLevel,
  partyPrivacyProfileSpecCharacteristicValue: [
    { value: 'Opt-in', valueType: 'string', isDefault: true },
    ...(refusable ? [{ value: 'Opt-out', valueType: 'string', isDefault: false }] : []),
  ],
})

export function homeInsuranceSpecification(baseUrl: string) {
  return {
    id: 'home-insurance-2026',
    href: `${baseUrl}/partyPrivacyProfileSpecification/home-insurance-2026`,
    name: 'Home insurance',
    description: 'The personal data our home insurance needs, what for, and how long we keep it.',
    version: '1.0',
    status: 'Active',
    validFor: { startDateTime: '2026-01-01T00:00:00Z' },
    partyPrivacyProfileSpecCharacteristic: [
      optIn('IdentityCredential.name', 'ADMIN', 'high', false),
      optIn('IdentityCredential.address', 'ADMIN', 'high', false),
      optIn('BankAccountCredential.iban', 'ADMIN', 'high', false),
      optIn('ContactCredential.email', 'MARKETING', 'low', true),
      {
        id: 'policy-records',
        name: 'Policy records',
        privacyType: 'Internal Retention',
        partyPrivacyProfileSpecCharacteristicValue: [
          { value: 'P10Y', valueType: 'duration', isDefault: true },
          { value: 'P7Y', valueType: 'duration', isDefault: false },
          { value: 'P2Y', valueType: 'duration', isDefault: false },
        ],
      },
    ],
    '@type': 'PartyPrivacyProfileSpecification',
  }
}

/**
 * The insurer's usual rule: it takes any choice among the values it listed for a characteristic, so long
 * as what it cannot do without (the characteristics without an opt-out) is opted in.
 */
export function withinOfferedValues(choices: Map<string, unknown>, specification: unknown): string | undefined {
  const [spec] = specification as ReturnType<typeof homeInsuranceSpecification>[]
  for (const characteristic of spec.partyPrivacyProfileSpecCharacteristic) {
    const offered = characteristic.partyPrivacyProfileSpecCharacteristicValue.map((value) => value.value)
    const chosen = choices.get(characteristic.name)
    if (chosen === undefined) return `The profile leaves out ${characteristic.name}.`
    if (!offered.includes(chosen as string))
      return `${String(chosen)} is not a value we offer for ${characteristic.name}.`
    if (offered.length === 1 && chosen !== offered[0]) return `We cannot insure a home without ${characteristic.name}.`
  }
  return undefined
}

/** An insurer that keeps policy records for seven years whatever it offered: it refuses a shorter time. */
export function policyRecordsSevenYears(choices: Map<string, unknown>): string | undefined {
  return (durationDays(String(choices.get('Policy records'))) ?? 0) >= 7 * 365
    ? undefined
    : 'We keep policy records for seven years, as tax law asks.'
}
