import type { PublishedPurpose, RequestWarning, TrustListEntry } from '../../../shared/api'

export interface WarningInput {
  /** The claims the request names, per descriptor. */
  asked: string[]
  /** Every claim that would leave with the proposed answer (whole credentials). */
  leaving: string[]
  /** Entries of imported trust lists whose DID speaks for the requester's connection. */
  listed: TrustListEntry[]
  purposeId?: string
  /** Every claim of every held credential, to see whether a derived one is at hand. */
  held: string[]
}

const NATIONAL_IDS = ['nationalId', 'bsn', 'ssn', 'socialSecurityNumber', 'passportNumber', 'taxId']
const FULL_ADDRESS = ['address']
const ADDRESS_PARTS = ['street', 'postcode', 'city']
// Combinations that identify a person almost always (name with date of birth; date of birth with postcode).
const COMBINATIONS: string[][] = [
  ['name', 'dateOfBirth'],
  ['dateOfBirth', 'postcode'],
  ['name', 'address'],
]
const DERIVED: Record<string, string> = { dateOfBirth: 'age_over_18' }

/** Warnings for a request waiting for the person; pure, so the same request always reads the same. */
export function requestWarnings(input: WarningInput): RequestWarning[] {
  const warnings: RequestWarning[] = []
  const leaving = new Set(input.leaving)
  if (input.listed.length === 0) {
    warnings.push({
      kind: 'untrusted-requester',
      message: 'No trust list you imported lists this requester; its name is only what it says about itself.',
      claims: [],
    })
  }
  const identifying = [
    ...NATIONAL_IDS.filter((claim) => leaving.has(claim)),
    ...FULL_ADDRESS.filter((claim) => leaving.has(claim)),
    ...(ADDRESS_PARTS.every((claim) => leaving.has(claim)) ? ADDRESS_PARTS : []),
  ]
  const combined = COMBINATIONS.filter((combination) => combination.every((claim) => leaving.has(claim)))
  if (identifying.length > 0 || combined.length > 0) {
    const names = [...new Set([...identifying, ...combined.flat()])]
    warnings.push({ kind: 'identifying', message: `Together these identify you: ${names.join(', ')}.`, claims: names })
  }
  const published = publishedFor(input.listed, input.purposeId)
  if (published) {
    const needed = new Set([...published.required, ...published.optional])
    const extra = input.asked.filter((claim) => !needed.has(claim))
    if (extra.length > 0) {
      warnings.push({
        kind: 'beyond-purpose',
        message: `For ${published.purpose} the requester publishes that it needs ${[...needed].join(', ') || 'nothing'}; it also asks ${extra.join(', ')}.`,
        claims: extra,
      })
    }
  }
  const unasked = input.leaving.filter((claim) => !input.asked.includes(claim))
  if (unasked.length > 0) {
    warnings.push({
      kind: 'beyond-request',
      message: `The credentials are signed whole, so these leave too though not asked: ${unasked.join(', ')}.`,
      claims: unasked,
    })
  }
  for (const [claim, derived] of Object.entries(DERIVED)) {
    if (!input.asked.includes(claim) || !input.held.includes(derived)) continue
    if (published?.required.includes(claim)) continue
    warnings.push({
      kind: 'derived-would-do',
      message: `It asks ${claim}; if the purpose needs only your age, ${derived} would do.`,
      claims: [claim],
    })
  }
  return warnings
}

function publishedFor(listed: TrustListEntry[], purposeId?: string): PublishedPurpose | undefined {
  if (!purposeId) return undefined
  return listed.flatMap((entry) => entry.purposes).find((purpose) => purpose.purpose === purposeId)
}
