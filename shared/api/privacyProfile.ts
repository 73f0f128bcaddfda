// The person's privacy profile: the standing limits they set on any use of their data, whoever asks
// (never for marketing, finance data kept at most two years, no third parties, no profiling), and the
// position a request takes against it, item by item. Policies say who is answered at once; the
// profile bounds every answer, a policy's included.
import { z } from 'zod'

import { isoDurationSchema, noInput } from './common'
import { method } from './contract'

/** Data categories a limit can name, each a W3C DPV personal-data category (dpvPersonalData). */
export const dataCategories = ['financial', 'identifying', 'contact', 'professional', 'health', 'any'] as const
export type DataCategory = (typeof dataCategories)[number]

export const dpvPersonalData: Record<DataCategory, string> = {
  financial: 'dpv-pd:Financial',
  identifying: 'dpv-pd:Identifying',
  contact: 'dpv-pd:Contact',
  professional: 'dpv-pd:Professional',
  health: 'dpv-pd:Health',
  any: 'dpv:PersonalData',
}

const dpvIdSchema = z
  .string()
  .regex(/^dpv:[A-Za-z]+$/, 'A W3C DPV purpose such as dpv:Marketing.')
  .max(100)

export const privacyRuleInputSchema = z.discriminatedUnion('kind', [
  /** Never for this purpose, nor any narrower one (dpv:Marketing covers dpv:DirectMarketing). */
  z.object({ kind: z.literal('neverPurpose'), purpose: dpvIdSchema }).strict(),
  /** Data of this category kept at most this long; a request that states no retention conflicts too. */
  z.object({ kind: z.literal('maxRetention'), category: z.enum(dataCategories), duration: isoDurationSchema }).strict(),
  /** Nobody beyond the requester itself receives the data. */
  z.object({ kind: z.literal('noThirdParties') }).strict(),
  /** No automated profiling on the data. */
  z.object({ kind: z.literal('noProfiling') }).strict(),
  /** A recipient asked to delete has this long to confirm it; after that the request is shown as overdue. */
  z.object({ kind: z.literal('answerDeletionWithin'), duration: isoDurationSchema }).strict(),
])
export type PrivacyRuleInput = z.infer<typeof privacyRuleInputSchema>
export type PrivacyRule = PrivacyRuleInput & { id: string }

export interface PrivacyProfile {
  /** Every change makes a new version; a decision names the version it was bound by. 0: never set. */
  version: number
  rules: PrivacyRule[]
  updatedAt?: string
}

export type ProfileConflictKind =
  'purpose-excluded' | 'retention-too-long' | 'retention-unstated' | 'third-parties' | 'profiling'

/** One way a request goes beyond the profile, with the rule it breaks and what the request stated. */
export interface ProfileConflict {
  kind: ProfileConflictKind
  ruleId: string
  purpose?: string
  category?: DataCategory
  stated?: string
  max?: string
  recipients?: string[]
}

export interface PositionItem {
  descriptorId: string
  categories: DataCategory[]
  optional: boolean
  conflicts: ProfileConflict[]
  /** What the counter-offer does with it: keep it as asked, leave it out, or keep it for less time. */
  counter: 'keep' | 'decline' | 'shorten'
}

/** What the node would propose instead: optional items left out, retention shortened, uses refused. */
export interface CounterOffer {
  decline: string[]
  retention?: string
  refusePurposes: string[]
  noThirdParties: boolean
  noProfiling: boolean
}

export interface Position {
  profileVersion: number
  items: PositionItem[]
  /** Conflicts of the request as a whole (its purpose, recipients, profiling). */
  conflicts: ProfileConflict[]
  fits: boolean
  /** False when accepting the counter-offer would leave the request no purpose the profile allows. */
  reachable: boolean
  counterOffer: CounterOffer
}

export const privacyProfileContract = {
  'privacyProfile.get': method<PrivacyProfile>()(noInput),
  /** Replaces the rules as a whole, as a new version. */
  'privacyProfile.set': method<PrivacyProfile>()(z.object({ rules: z.array(privacyRuleInputSchema).max(50) }).strict()),
}
