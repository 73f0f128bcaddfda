import { and, asc, eq } from 'drizzle-orm'

import type { ConsentPolicy, PolicyInput, PolicyStatus } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { AppDatabase } from '../db'
import { consentPolicies, consentPolicyVersions } from './consentTables'
import { parsedSpec } from './parsedSpecs'

// A transaction handle has the same query surface as the database for what is done here.
type Db = Pick<AppDatabase, 'select' | 'insert' | 'update'>
type ReadDb = Pick<AppDatabase, 'select'>

function toPolicy(
  row: typeof consentPolicies.$inferSelect,
  version: typeof consentPolicyVersions.$inferSelect,
): ConsentPolicy {
  return {
    ...parsedSpec(version.spec),
    id: row.id,
    version: version.version,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: version.createdAt,
  }
}

/** Every policy in its current version, oldest first. */
export function currentPolicies(db: ReadDb): ConsentPolicy[] {
  return db
    .select()
    .from(consentPolicies)
    .innerJoin(
      consentPolicyVersions,
      and(
        eq(consentPolicyVersions.policyId, consentPolicies.id),
        eq(consentPolicyVersions.version, consentPolicies.currentVersion),
      ),
    )
    .orderBy(asc(consentPolicies.createdAt), asc(consentPolicies.id))
    .all()
    .map((row) => toPolicy(row.consent_policies, row.consent_policy_versions))
}

export function policyById(db: ReadDb, id: string): ConsentPolicy {
  const found = currentPolicies(db).find((policy) => policy.id === id)
  if (!found) throw new CustosError('NotFound', `No consent policy with id ${id}.`)
  return found
}

export function policyVersions(db: ReadDb, id: string): ConsentPolicy[] {
  const row = db.select().from(consentPolicies).where(eq(consentPolicies.id, id)).get()
  if (!row) throw new CustosError('NotFound', `No consent policy with id ${id}.`)
  return db
    .select()
    .from(consentPolicyVersions)
    .where(eq(consentPolicyVersions.policyId, id))
    .orderBy(asc(consentPolicyVersions.version))
    .all()
    .map((version) => toPolicy(row, version))
}

export function insertPolicy(db: Db, id: string, input: PolicyInput, now: string): void {
  db.insert(consentPolicies).values({ id, status: 'active', currentVersion: 1, createdAt: now }).run()
  db.insert(consentPolicyVersions)
    .values({ policyId: id, version: 1, spec: JSON.stringify(input), createdAt: now })
    .run()
}

export function addVersion(db: Db, id: string, input: PolicyInput, now: string): void {
  const current = policyById(db, id)
  if (current.status === 'revoked') throw new CustosError('InvalidInput', 'A revoked policy cannot be edited.')
  const version = current.version + 1
  db.insert(consentPolicyVersions)
    .values({ policyId: id, version, spec: JSON.stringify(input), createdAt: now })
    .run()
  db.update(consentPolicies).set({ currentVersion: version }).where(eq(consentPolicies.id, id)).run()
}

export function setStatus(db: Db, id: string, status: PolicyStatus): void {
  db.update(consentPolicies).set({ status }).where(eq(consentPolicies.id, id)).run()
}
