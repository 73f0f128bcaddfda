import type { CounterOffer, Position, PositionItem, PrivacyProfile, ProfileConflict } from '../../../shared/api'
import type { PurposeVocabulary } from '../vocabulary'
import { durationDays } from '../vocabulary'
import { categoriesOf } from '../vocabulary'

/** A request as a data list: what it states for the whole, and per item what would leave. */
export interface DataList {
  purposes: string[]
  retention?: string
  thirdParties?: string[]
  profiling?: boolean
  items: { descriptorId: string; types: string[]; claims: string[]; optional?: boolean }[]
}

/**
 * Pure: the request against the profile, item by item, and the counter-offer the node would make.
 * Conflicts of the whole request (purpose, recipients, profiling) are countered by refusing that use;
 * a retention too long for an item's category by leaving the item out when it is optional, else by
 * the shortest retention the profile allows for what stays.
 */
export function positionOf(profile: PrivacyProfile, list: DataList, vocabulary: PurposeVocabulary): Position {
  const whole: ProfileConflict[] = []
  const refusePurposes = new Set<string>()
  for (const rule of profile.rules) {
    if (rule.kind === 'neverPurpose') {
      for (const purpose of list.purposes.filter((stated) => vocabulary.covers(rule.purpose, stated))) {
        whole.push({ kind: 'purpose-excluded', ruleId: rule.id, purpose })
        refusePurposes.add(purpose)
      }
    } else if (rule.kind === 'noThirdParties' && list.thirdParties?.length) {
      whole.push({ kind: 'third-parties', ruleId: rule.id, recipients: list.thirdParties })
    } else if (rule.kind === 'noProfiling' && list.profiling) {
      whole.push({ kind: 'profiling', ruleId: rule.id })
    }
  }
  const limits = profile.rules.flatMap((rule) => (rule.kind === 'maxRetention' ? [rule] : []))
  const stated = list.retention === undefined ? undefined : durationDays(list.retention)
  const items: PositionItem[] = list.items.map((item) => {
    const categories = categoriesOf(item.types, item.claims)
    const conflicts: ProfileConflict[] = []
    for (const limit of limits.filter((rule) => rule.category === 'any' || categories.includes(rule.category))) {
      const max = durationDays(limit.duration) ?? 0
      const base = { ruleId: limit.id, category: limit.category, max: limit.duration }
      if (stated === undefined) conflicts.push({ kind: 'retention-unstated', ...base })
      else if (stated > max) conflicts.push({ kind: 'retention-too-long', ...base, stated: list.retention })
    }
    const optional = item.optional === true
    const counter = conflicts.length === 0 ? 'keep' : optional ? 'decline' : 'shorten'
    return { descriptorId: item.descriptorId, categories, optional, conflicts, counter }
  })
  const kept = items.filter((item) => item.counter !== 'decline')
  const counterOffer: CounterOffer = {
    decline: items.filter((item) => item.counter === 'decline').map((item) => item.descriptorId),
    retention: shortestAllowed(kept.flatMap((item) => item.conflicts)),
    refusePurposes: [...refusePurposes],
    noThirdParties: whole.some((conflict) => conflict.kind === 'third-parties'),
    noProfiling: whole.some((conflict) => conflict.kind === 'profiling'),
  }
  const fits = whole.length === 0 && items.every((item) => item.conflicts.length === 0)
  // Refusing every purpose the request states leaves it asking for nothing the person allows.
  const reachable = list.purposes.length === 0 || list.purposes.some((purpose) => !refusePurposes.has(purpose))
  return { profileVersion: profile.version, items, conflicts: whole, fits, reachable, counterOffer }
}

function shortestAllowed(conflicts: ProfileConflict[]): string | undefined {
  let best: { days: number; text: string } | undefined
  for (const conflict of conflicts) {
    const days = conflict.max === undefined ? undefined : durationDays(conflict.max)
    if (conflict.max && days !== undefined && (!best || days < best.days)) best = { days, text: conflict.max }
  }
  return best?.text
}
