import { isoDurationSchema } from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import type { CharacteristicValue, SpecCharacteristic } from './tmf644Schemas'

// TMF644 leaves the values of a privacy characteristic to the company. The node reads the common ones:
// a purpose is approved or refused (booleans, or words such as opt-in / opt-out), a retention is an
// ISO 8601 duration or a number with a unit of days, months or years. Anything else is not guessed at.

export type Choice = 'allowed' | 'refused'

const ALLOWED = new Set(['true', 'yes', 'allowed', 'allow', 'granted', 'agreed', 'accepted', 'opt-in', 'optin'])
const REFUSED = new Set([
  'false',
  'no',
  'refused',
  'refuse',
  'denied',
  'notallowed',
  'not allowed',
  'opt-out',
  'optout',
])

const refused = (what: string) => new AgreementRefusedError(`the company's data list does not hold together (${what})`)

export function choiceOf(value: CharacteristicValue['value']): Choice | undefined {
  const word = String(value).trim().toLowerCase()
  if (ALLOWED.has(word)) return 'allowed'
  if (REFUSED.has(word)) return 'refused'
  return undefined
}

const UNITS: Record<string, 'Y' | 'M' | 'D'> = { year: 'Y', years: 'Y', month: 'M', months: 'M', day: 'D', days: 'D' }

/** A retention value as an ISO 8601 duration the agreement can carry, or undefined. */
export function durationOf(value: CharacteristicValue): string | undefined {
  if (typeof value.value === 'string' && isoDurationSchema.safeParse(value.value.trim()).success) {
    return value.value.trim()
  }
  const unit = UNITS[(value.unitOfMeasure ?? '').trim().toLowerCase()]
  const amount = typeof value.value === 'string' ? Number(value.value) : value.value
  if (!unit || typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) return undefined
  const duration = `P${amount}${unit}`
  return isoDurationSchema.safeParse(duration).success ? duration : undefined
}

/** The value the company proposes: the one marked default, or the only one. Undefined when none is listed. */
export function defaultOf(characteristic: SpecCharacteristic): CharacteristicValue | undefined {
  const { values, name } = characteristic
  const defaults = values.filter((value) => value.isDefault)
  if (defaults.length > 1) throw refused(`${name} has ${defaults.length} default values`)
  if (defaults.length === 1) return defaults[0]
  if (values.length > 1) throw refused(`${name} lists ${values.length} values and none is the default`)
  return values[0]
}

/** Whether a purpose characteristic is proposed, and whether the person may refuse it. */
export function purposeChoice(characteristic: SpecCharacteristic): { proposed: boolean; optional: boolean } {
  const choices = characteristic.values.map((value) => {
    const choice = choiceOf(value.value)
    if (!choice)
      throw refused(`${characteristic.name} offers "${String(value.value)}", neither an approval nor a refusal`)
    return choice
  })
  const proposal = defaultOf(characteristic)
  // A purpose listed without values is one the company proposes with no choice offered.
  return {
    proposed: proposal === undefined || choiceOf(proposal.value) === 'allowed',
    optional: choices.includes('refused'),
  }
}

/** The retention a retention characteristic proposes, as an ISO 8601 duration. */
export function retentionOf(characteristic: SpecCharacteristic): string {
  for (const value of characteristic.values) {
    if (!durationOf(value)) {
      throw refused(`${characteristic.name} offers "${String(value.value)}", which is not a duration`)
    }
  }
  const proposal = defaultOf(characteristic)
  if (!proposal) throw refused(`${characteristic.name} states no retention`)
  return durationOf(proposal)!
}
