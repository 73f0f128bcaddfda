import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A standing consent policy: its identity and state; what it says lives in its versions. */
export const consentPolicies = sqliteTable('consent_policies', {
  id: text('id').primaryKey(),
  status: text('status', { enum: ['active', 'paused', 'revoked'] }).notNull(),
  currentVersion: integer('current_version').notNull(),
  createdAt: text('created_at').notNull(),
})

/** Every version of a policy; an edit adds one, so an evaluation can always name the version that decided. */
export const consentPolicyVersions = sqliteTable(
  'consent_policy_versions',
  {
    policyId: text('policy_id')
      .notNull()
      .references(() => consentPolicies.id),
    version: integer('version').notNull(),
    /** The policy's input (name, who, what, why, when, action, beyond) as JSON. */
    spec: text('spec').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.policyId, table.version] })],
)

/**
 * What the node decided for each proof request and why. A row that decided to share is also the
 * frequency limit's counter (`taken`), written in the same transaction that counted.
 */
export const consentEvaluations = sqliteTable(
  'consent_evaluations',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    evaluatedAt: text('evaluated_at').notNull(),
    outcome: text('outcome', { enum: ['share', 'ask', 'refuse', 'none'] }).notNull(),
    policyId: text('policy_id'),
    policyVersion: integer('policy_version'),
    taken: integer('taken', { mode: 'boolean' }).notNull(),
    /** The considered policies and their clauses, as JSON. */
    trace: text('trace').notNull(),
  },
  // The frequency limit counts a policy's taken answers in a window of time: with `taken` in the index
  // that count reads the index alone (with it only in the row, 500 policies took ~1 s at 100,000 rows).
  (table) => [
    index('consent_evaluations_policy_taken_at').on(table.policyId, table.taken, table.evaluatedAt),
    index('consent_evaluations_request').on(table.requestId),
  ],
)
