import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm'

import type { Disclosure, DisclosureNotice, DisclosurePage } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { AppDatabase } from '../db'
import { answerPeriodOf, deletionStatus } from './deletionStatus'
import { disclosureNotices, disclosures } from './disclosureTables'

type Row = typeof disclosures.$inferSelect

export function toDisclosure(
  row: Row,
  notices: DisclosureNotice[],
  answerPeriod: string,
  now = new Date(),
): Disclosure {
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
    agreementId: row.agreementId ?? undefined,
    deletion: deletionStatus(row.deletionRequestedAt, notices, answerPeriod, now),
    delivery: row.delivery,
    deliveryNote: row.deliveryNote ?? undefined,
    onBehalf: row.mandateId ? { mandateId: row.mandateId, delegate: row.mandateDelegate ?? '' } : undefined,
    notices,
  }
}

function noticeOf(row: typeof disclosureNotices.$inferSelect): DisclosureNotice {
  return { id: row.id, kind: row.kind, note: row.note ?? undefined, receivedAt: row.receivedAt, signed: row.signed }
}

function noticesOf(db: AppDatabase, disclosureId: string): DisclosureNotice[] {
  return db
    .select()
    .from(disclosureNotices)
    .where(eq(disclosureNotices.disclosureId, disclosureId))
    .orderBy(asc(disclosureNotices.receivedAt))
    .all()
    .map(noticeOf)
}

export function allDisclosures(db: AppDatabase): Disclosure[] {
  return withNotices(db, db.select().from(disclosures).orderBy(asc(disclosures.disclosedAt)).all())
}

/**
 * The history newest first, `limit` at a time: `before` is the `next` of the page before. A page is one
 * range of the (disclosed_at, id) index and one query for its notices, however long the history is.
 */
export function disclosurePage(db: AppDatabase, limit: number, before?: string): DisclosurePage {
  const cursor = before ? parseCursor(before) : undefined
  const rows = db
    .select()
    .from(disclosures)
    .where(
      cursor &&
        or(
          lt(disclosures.disclosedAt, cursor.at),
          and(eq(disclosures.disclosedAt, cursor.at), lt(disclosures.id, cursor.id)),
        ),
    )
    .orderBy(desc(disclosures.disclosedAt), desc(disclosures.id))
    .limit(limit + 1)
    .all()
  const items = withNotices(db, rows.slice(0, limit))
  const last = items.at(-1)
  return rows.length > limit && last ? { items, next: `${last.disclosedAt}|${last.id}` } : { items }
}

function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id] = cursor.split('|')
  if (!at || !id) throw new CustosError('InvalidInput', 'That is not a history page cursor.')
  return { at, id }
}

// The notices of many disclosures in one query (one per disclosure made a page of 50 cost 50 queries).
function withNotices(db: AppDatabase, rows: Row[]): Disclosure[] {
  const byDisclosure = new Map<string, DisclosureNotice[]>()
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((row) => row.id)
    const notices = db
      .select()
      .from(disclosureNotices)
      .where(inArray(disclosureNotices.disclosureId, ids))
      .orderBy(asc(disclosureNotices.receivedAt))
      .all()
    for (const row of notices) {
      const notice = noticeOf(row)
      byDisclosure.set(row.disclosureId, [...(byDisclosure.get(row.disclosureId) ?? []), notice])
    }
  }
  const period = answerPeriodOf(db)
  return rows.map((row) => toDisclosure(row, byDisclosure.get(row.id) ?? [], period))
}

export function disclosureById(db: AppDatabase, id: string): Disclosure {
  const row = db.select().from(disclosures).where(eq(disclosures.id, id)).get()
  if (!row) throw new CustosError('NotFound', `No disclosure with id ${id}.`)
  return toDisclosure(row, noticesOf(db, id), answerPeriodOf(db))
}
