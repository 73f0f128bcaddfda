import { createHash } from 'node:crypto'

import { agreementTermsSchema, type AgreementTerms } from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import { durationDays, type PurposeVocabulary } from '../vocabulary'
import { purposeChoice, retentionOf } from './characteristicValues'
import { specificationListSchema, type SpecCharacteristic, type Specification, type TimePeriod } from './tmf644Schemas'
import { dpvPurposeOf, privacyTypeOf } from './tmfPurposes'

/** A purpose characteristic as the agreement reads it: which datum, for what, and whether it may be refused. */
export interface PurposeUse {
  characteristic: SpecCharacteristic
  itemId: string
  purpose: string
  external: boolean
  proposed: boolean
}

export interface ReadSpecification {
  specification: Specification
  terms: AgreementTerms
  uses: PurposeUse[]
  retentions: SpecCharacteristic[]
}

const refused = (what: string) => new AgreementRefusedError(`the company's data list does not hold together (${what})`)
const inForce = (period: TimePeriod | undefined, now: Date) =>
  (!period?.startDateTime || Date.parse(period.startDateTime) <= now.getTime()) &&
  (!period?.endDateTime || Date.parse(period.endDateTime) > now.getTime())
const WITHDRAWN = /design|reject|retire|obsolete|suspend/i

/** `IdentityCredential.address` names a claim of a credential type; any other name is a datum of its own. */
function datumOf(name: string): { type: string; claim: string } {
  const match = /^([A-Za-z][\w-]*)\.([\w.-]+)$/.exec(name)
  return match ? { type: match[1], claim: match[2] } : { type: name, claim: name }
}

/**
 * Pure: a company's `GET /partyPrivacyProfileSpecification` answer as the data list of an agreement.
 * Purpose characteristics name the data (items) and what it is used for (purposes, External ones to
 * third parties); retention characteristics the time it is kept (the longest proposed, for the whole
 * list). A payload that does not parse, or contradicts itself, is refused in words.
 */
export function readSpecification(
  payload: unknown,
  base: string,
  vocabulary: PurposeVocabulary,
  now: Date,
): ReadSpecification {
  const parsed = specificationListSchema.safeParse(payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw refused(`${issue?.path.join('.') || 'the answer'}: ${issue?.message}`)
  }
  const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data]
  const specification = list.find((spec) => !WITHDRAWN.test(spec.status ?? '') && inForce(spec.validFor, now))
  if (!specification) throw new AgreementRefusedError('the company publishes no privacy specification in force')
  const uses: PurposeUse[] = []
  const retentions: SpecCharacteristic[] = []
  const seen = new Set<string>()
  for (const characteristic of specification.characteristics.filter((c) => inForce(c.validFor, now))) {
    const { kind, external } = privacyTypeOf(characteristic.privacyType, characteristic.name)
    const key = `${characteristic.name}|${characteristic.privacyType}|${characteristic.privacyUsagePurpose ?? ''}`
    if (seen.has(key.toLowerCase())) throw refused(`${characteristic.name} is listed twice`)
    seen.add(key.toLowerCase())
    if (kind === 'retention') {
      retentionOf(characteristic)
      retentions.push(characteristic)
      continue
    }
    const purpose = dpvPurposeOf(characteristic.privacyUsagePurpose, characteristic.name, vocabulary)
    const { proposed } = purposeChoice(characteristic)
    uses.push({ characteristic, itemId: datumOf(characteristic.name).type, purpose, external, proposed })
  }
  const terms = termsOf(specification, uses, retentions, base)
  const checked = agreementTermsSchema.safeParse(terms)
  if (!checked.success) throw refused(checked.error.issues[0]?.message ?? 'it is not a data list')
  return { specification, terms: checked.data, uses, retentions }
}

function termsOf(spec: Specification, uses: PurposeUse[], retentions: SpecCharacteristic[], base: string) {
  const proposed = uses.filter((use) => use.proposed)
  const items = new Map<string, AgreementTerms['items'][number]>()
  for (const use of proposed) {
    const { type, claim } = datumOf(use.characteristic.name)
    const item = items.get(use.itemId) ?? { id: use.itemId, types: [type], claims: [], required: false }
    if (!item.claims.includes(claim)) item.claims.push(claim)
    item.required ||= !purposeChoice(use.characteristic).optional
    items.set(use.itemId, item)
  }
  const longest = retentions.map(retentionOf).sort((a, b) => (durationDays(b) ?? 0) - (durationDays(a) ?? 0))[0]
  if (!longest) throw refused('it states no retention')
  const recipients = proposed
    .filter((use) => use.external)
    .flatMap((use) => use.characteristic.allowedRole?.flatMap((role) => (role.name ? [role.name] : [])) ?? [])
  const external = proposed.some((use) => use.external)
  return {
    id: `tmf644-${createHash('sha256').update(base).digest('hex').slice(0, 12)}-${spec.id}`,
    revision: 1,
    purposes: [...new Set(proposed.map((use) => use.purpose))],
    retention: longest,
    third_parties: external ? [...new Set(recipients.length ? recipients : ['recipients outside the company'])] : [],
    profiling: false,
    items: [...items.values()],
  }
}
