import type { AgreementTerms } from '../../../shared/api'
import { choiceOf, type Choice } from './characteristicValues'
import type { PurposeUse, ReadSpecification } from './readSpecification'

// The person's answer as TMF644 resources: a PartyPrivacyProfile instantiating the company's specification
// with the value chosen for each characteristic, and a PartyPrivacyAgreement approving it. Field names of v4,
// the version whose resources both v4 and v5 servers read alike for what is posted here.

/** The person as the company sees them: a party id of their own for this company, nothing else. */
export function personParty(partyId: string) {
  return { id: partyId, '@referredType': 'Individual', role: 'customer' }
}

/** Whether the agreed terms allow a use: its datum kept, its purpose agreed, third parties only if agreed. */
export function allows(terms: AgreementTerms, use: PurposeUse): boolean {
  return (
    use.proposed &&
    terms.items.some((item) => item.id === use.itemId) &&
    terms.purposes.includes(use.purpose) &&
    (!use.external || terms.third_parties.length > 0)
  )
}

/** The value in the company's own words when it listed one (true, "Opt-in"…), else a boolean. */
function valueFor(use: PurposeUse, choice: Choice): string | number | boolean {
  const listed = use.characteristic.values.find((value) => choiceOf(value.value) === choice)?.value
  return listed ?? choice === 'allowed'
}

export function chosenCharacteristics(read: ReadSpecification, terms: AgreementTerms) {
  return [
    ...read.uses.map((use) => ({
      id: use.characteristic.id,
      name: use.characteristic.name,
      privacyUsagePurpose: use.characteristic.privacyUsagePurpose,
      value: valueFor(use, allows(terms, use) ? 'allowed' : 'refused'),
      '@type': 'PartyPrivacyProfileCharacteristic',
    })),
    ...read.retentions.map((characteristic) => ({
      id: characteristic.id,
      name: characteristic.name,
      value: terms.retention,
      valueType: 'ISO 8601 duration',
      '@type': 'PartyPrivacyProfileCharacteristic',
    })),
  ]
}

export function partyPrivacyProfile(read: ReadSpecification, terms: AgreementTerms, partyId: string, at: string) {
  const { specification } = read
  return {
    '@type': 'PartyPrivacyProfile',
    name: `Privacy profile for ${specification.name ?? specification.id}`,
    status: 'agreed',
    creationDate: at,
    agreedByParty: personParty(partyId),
    // The person answers for themselves; a minor's or a represented person's profile is not made here.
    applicableForParty: personParty(partyId),
    partyPrivacyProfileSpecification: {
      id: specification.id,
      href: specification.href,
      name: specification.name,
      '@referredType': 'PartyPrivacyProfileSpecification',
    },
    partyPrivacyProfileCharacteristic: chosenCharacteristics(read, terms),
    validFor: { startDateTime: at },
  }
}

/** The terms in sentences, as the agreement's terms and conditions. */
function conditions(terms: AgreementTerms): string[] {
  return [
    `Used only for: ${terms.purposes.join(', ')}`,
    `Kept at most ${terms.retention}`,
    terms.third_parties.length ? `Passed on to: ${terms.third_parties.join(', ')}` : 'Passed on to no third party',
    terms.profiling ? 'Profiling allowed' : 'No profiling',
    ...terms.items.map((item) => `${item.id}: ${item.claims.join(', ')}`),
  ]
}

export function partyPrivacyAgreement(
  read: ReadSpecification,
  terms: AgreementTerms,
  partyId: string,
  profile: { id: string; href?: string },
  at: string,
) {
  return {
    '@type': 'PartyPrivacyAgreement',
    name: `Privacy agreement for ${read.specification.name ?? read.specification.id}`,
    agreementType: 'privacy',
    status: 'in process',
    initialDate: at,
    agreementPeriod: { startDateTime: at },
    engagedPartyRole: [personParty(partyId)],
    agreementItem: [
      { termOrCondition: conditions(terms).map((description, index) => ({ id: String(index + 1), description })) },
    ],
    agreementAuthorization: [{ date: at, state: 'approved' }],
    partyPrivacyProfile: [{ id: profile.id, href: profile.href, '@referredType': 'PartyPrivacyProfile' }],
    partyPrivacyProfileCharacteristic: chosenCharacteristics(read, terms),
  }
}
