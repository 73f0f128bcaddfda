import type { Database, Statement } from 'better-sqlite3'

import type { ConsentPolicy } from '../../../shared/api'
import { instantBefore } from '../vocabulary'

// Counts a policy's taken answers in its window, but stops at its limit: the frequency clause only asks
// whether fewer than `maxAnswers` were taken, and how many when fewer. With the limit as LIMIT, SQLite
// stops reading the (policy_id, taken, evaluated_at) index there instead of counting every answer.
const CAPPED_COUNT = `SELECT count(*) FROM (
  SELECT 1 FROM consent_evaluations WHERE policy_id = ? AND taken = 1 AND evaluated_at > ? LIMIT ?
)`

// One prepared statement per connection: preparing (or drizzle building the SQL) per policy would cost
// more than the count itself.
const statements = new WeakMap<Database, Statement<[string, string, number], number>>()

function cappedCount(client: Database): Statement<[string, string, number], number> {
  let statement = statements.get(client)
  if (!statement) {
    statement = client.prepare<[string, string, number], number>(CAPPED_COUNT).pluck()
    statements.set(client, statement)
  }
  return statement
}

/**
 * The answers each policy with a frequency limit took in its window ending at `at`, exact below its
 * limit and the limit itself at or above it (what the frequency clause says is the same either way).
 * Policies without a limit are left out: they have no window to count.
 */
export function usedInWindows(client: Database, policies: ConsentPolicy[], at: string): Map<string, number> {
  const count = cappedCount(client)
  const since = new Map<string, string>()
  const used = new Map<string, number>()
  for (const { id, when } of policies) {
    if (!when.period || when.maxAnswers === undefined) continue
    const from = since.get(when.period) ?? instantBefore(at, when.period)
    since.set(when.period, from)
    used.set(id, when.maxAnswers > 0 ? (count.get(id, from, when.maxAnswers) ?? 0) : 0)
  }
  return used
}
