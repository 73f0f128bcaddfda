import { randomUUID } from 'node:crypto'

import { desc } from 'drizzle-orm'

import type { PrivacyProfile, PrivacyRule, PrivacyRuleInput } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { privacyProfileVersions } from './privacyProfileTable'

/** The current profile; version 0 with no rules when the person never set one. */
export function currentProfile(db: AppDatabase): PrivacyProfile {
  const row = db.select().from(privacyProfileVersions).orderBy(desc(privacyProfileVersions.version)).limit(1).get()
  if (!row) return { version: 0, rules: [] }
  return { version: row.version, rules: JSON.parse(row.rules) as PrivacyRule[], updatedAt: row.createdAt }
}

/**
 * Writes the rules as the next version. A rule kept from the current version keeps its id (the same
 * limit, so a record naming it still finds it); duplicates are written once.
 */
export function saveProfile(db: AppDatabase, inputs: PrivacyRuleInput[], at: string): PrivacyProfile {
  return db.transaction(
    (tx) => {
      const current = currentProfile(db)
      const known = new Map(current.rules.map((rule) => [ruleKey(rule), rule.id]))
      const rules = new Map<string, PrivacyRule>()
      for (const input of inputs) {
        const key = ruleKey(input)
        // The last of two alike wins (a newer answer period), keeping the id the limit had.
        rules.set(key, { ...input, id: known.get(key) ?? rules.get(key)?.id ?? randomUUID() })
      }
      const version = current.version + 1
      const list = [...rules.values()]
      tx.insert(privacyProfileVersions)
        .values({ version, rules: JSON.stringify(list), createdAt: at })
        .run()
      return { version, rules: list, updatedAt: at }
    },
    { behavior: 'immediate' },
  )
}

function ruleKey(rule: PrivacyRuleInput): string {
  const { kind } = rule
  if (kind === 'neverPurpose') return `${kind}:${rule.purpose}`
  if (kind === 'maxRetention') return `${kind}:${rule.category}:${rule.duration}`
  // One answer period: a newer one replaces it.
  if (kind === 'answerDeletionWithin') return kind
  return kind
}
