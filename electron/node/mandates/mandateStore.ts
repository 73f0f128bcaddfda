import { and, asc, eq, gt, inArray } from 'drizzle-orm'

import type { Mandate, MandateAsk, MandateAskState, MandateRole, MandateScope } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { instantBefore } from '../vocabulary'
import { mandateAsks, mandates } from './mandateTables'

type Db = Pick<AppDatabase, 'select' | 'insert' | 'update'>
export type MandateRow = typeof mandates.$inferSelect
export type AskRow = typeof mandateAsks.$inferSelect
export type Asked = Pick<MandateAsk, 'requester' | 'purpose' | 'retention' | 'items'>

export function toMandate(row: MandateRow, otherLabel?: string, now = Date.now()): Mandate {
  const scope = JSON.parse(row.scope) as MandateScope
  const until = scope.when.validUntil
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    connectionId: row.connectionId,
    otherLabel,
    scope,
    requesterLabel: row.requesterLabel ?? undefined,
    status: row.status,
    expired: until !== undefined && Date.parse(until) <= now,
    revokedBy: row.revokedBy ?? undefined,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt ?? undefined,
  }
}

export function toAsk(row: AskRow): MandateAsk {
  return {
    ...(JSON.parse(row.asked) as Asked),
    id: row.id,
    mandateId: row.mandateId,
    role: row.role,
    requestId: row.requestId ?? undefined,
    state: row.state,
    note: row.note ?? undefined,
    askedAt: row.askedAt,
    decidedAt: row.decidedAt ?? undefined,
  }
}

export const allMandates = (db: Db) => db.select().from(mandates).orderBy(asc(mandates.createdAt)).all()

export const mandateRow = (db: Db, id: string) => db.select().from(mandates).where(eq(mandates.id, id)).get()

export const askRow = (db: Db, id: string) => db.select().from(mandateAsks).where(eq(mandateAsks.id, id)).get()

export const allAsks = (db: Db) => db.select().from(mandateAsks).orderBy(asc(mandateAsks.askedAt)).all()

export function revokeRow(db: Db, id: string, by: MandateRole): void {
  db.update(mandates)
    .set({ status: 'revoked', revokedBy: by, revokedAt: new Date().toISOString() })
    .where(and(eq(mandates.id, id), eq(mandates.status, 'active')))
    .run()
}

/** Asks of a mandate still waiting for the delegate; they decide nothing now, so they are withdrawn. */
export function withdrawWaiting(db: Db, mandateId: string, note: string): AskRow[] {
  const waiting = db
    .select()
    .from(mandateAsks)
    .where(and(eq(mandateAsks.mandateId, mandateId), eq(mandateAsks.state, 'waiting')))
    .all()
  for (const ask of waiting) setAskState(db, ask.id, 'withdrawn', note)
  return waiting
}

export function setAskState(db: Db, id: string, state: MandateAskState, note?: string): void {
  db.update(mandateAsks)
    .set({ state, note: note ?? null, decidedAt: new Date().toISOString() })
    .where(eq(mandateAsks.id, id))
    .run()
}

/** Answers the mandate gave in its frequency window ending at `at` (approved and being sent, or done). */
export function usedInWindow(db: Db, mandateId: string, scope: MandateScope, at: string): number {
  const { period, maxAnswers } = scope.when
  if (!period || maxAnswers === undefined) return 0
  return db
    .select({ id: mandateAsks.id })
    .from(mandateAsks)
    .where(
      and(
        eq(mandateAsks.mandateId, mandateId),
        eq(mandateAsks.role, 'grantor'),
        inArray(mandateAsks.state, ['approved', 'done']),
        gt(mandateAsks.decidedAt, instantBefore(at, period)),
      ),
    )
    .all().length
}

/** The grantor's ask that carried (or carries) an approval for this proof request, if a delegate gave one. */
export function approvedAskFor(db: Db, requestId: string): AskRow | undefined {
  return db
    .select()
    .from(mandateAsks)
    .where(
      and(
        eq(mandateAsks.requestId, requestId),
        eq(mandateAsks.role, 'grantor'),
        inArray(mandateAsks.state, ['approved', 'done']),
      ),
    )
    .get()
}
