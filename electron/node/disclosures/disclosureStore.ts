import { asc, eq } from 'drizzle-orm'

import type { Disclosure, DisclosureNotice } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { AppDatabase } from '../db'
import { disclosureNotices, disclosures } from './disclosureTables'

type Row = typeof disclosures.$inferSelect

export function toDisclosure(row: Row, notices: DisclosureNotice[]): Disclosure {
  const decidedBy: Disclosure['decidedBy'] =
    row.decidedBy === 'policy' && row.policyId && row.policyVersion
      ? { kind: 'policy', policyId: row.policyId, version: row.policyVersion }
      : { kind: 'person' }
  return {
    id: row.id,
    requestId: row.requestId,
    threadId: row.threadId,
    connectionId: row.connectionId,
    recipient: row.recipient,
    credentials: JSON.parse(row.credentials),
    purpose: row.purpose ?? undefined,
    purposeIds: JSON.parse(row.purposeIds),
    retention: row.retention ?? undefined,
    legalBasis: row.legalBasis ?? undefined,
    decidedBy,
    disclosedAt: row.disclosedAt,
    revokedAt: row.revokedAt ?? undefined,
    deletionRequestedAt: row.deletionRequestedAt ?? undefined,
    notices,
  }
}

function noticesOf(db: AppDatabase, disclosureId: string): DisclosureNotice[] {
  return db
    .select()
    .from(disclosureNotices)
    .where(eq(disclosureNotices.disclosureId, disclosureId))
    .orderBy(asc(disclosureNotices.receivedAt))
    .all()
    .map((row) => ({ id: row.id, kind: row.kind, note: row.note ?? undefined, receivedAt: row.receivedAt }))
}

export function allDisclosures(db: AppDatabase): Disclosure[] {
  return db
    .select()
    .from(disclosures)
    .orderBy(asc(disclosures.disclosedAt))
    .all()
    .map((row) => toDisclosure(row, noticesOf(db, row.id)))
}

export function disclosureById(db: AppDatabase, id: string): Disclosure {
  const row = db.select().from(disclosures).where(eq(disclosures.id, id)).get()
  if (!row) throw new CustosError('NotFound', `No disclosure with id ${id}.`)
  return toDisclosure(row, noticesOf(db, id))
}
