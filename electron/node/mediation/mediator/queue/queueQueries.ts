import { and, eq, inArray, isNotNull, isNull, lte, or, sql, type InferInsertModel, type SQL } from 'drizzle-orm'

import type { AppDatabase } from '../../../db'
import { mediationQueue as q, mediationQueueRecipients as r } from './queueTable'

/** The app database or a transaction on it: both offer the same query builders. */
export type Queryable = Pick<AppDatabase, 'select' | 'update' | 'delete' | 'insert'>

export interface Scope {
  connectionId: string
  recipientDid?: string
  now: number
}

const free = (now: number): SQL | undefined => or(isNull(q.leasedUntil), lte(q.leasedUntil, now))

const queued = { sequence: q.sequence, id: q.id, payload: q.payload, receivedAt: q.receivedAt }

/**
 * Available messages in arrival order. With a recipient key the walk starts from that key's index, so a
 * take stops after its limit whatever the connection holds for its other keys; otherwise it walks the
 * connection's index. Neither reads a payload it does not return.
 */
export function selectAvailable(db: Queryable, { connectionId, recipientDid, now }: Scope, limit?: number) {
  const query = recipientDid
    ? db
        .select(queued)
        .from(r)
        .innerJoin(q, eq(q.sequence, r.sequence))
        .where(and(eq(r.recipientDid, recipientDid), eq(q.connectionId, connectionId), free(now)))
        .orderBy(r.sequence)
    : db
        .select(queued)
        .from(q)
        .where(and(eq(q.connectionId, connectionId), free(now)))
        .orderBy(q.sequence)
  return limit === undefined ? query.all() : query.limit(limit).all()
}

export function countAvailable(db: Queryable, { connectionId, recipientDid, now }: Scope): number {
  const count = { count: sql<number>`count(*)` }
  const [row] = recipientDid
    ? db
        .select(count)
        .from(r)
        .innerJoin(q, eq(q.sequence, r.sequence))
        .where(and(eq(r.recipientDid, recipientDid), eq(q.connectionId, connectionId), free(now)))
        .all()
    : db
        .select(count)
        .from(q)
        .where(and(eq(q.connectionId, connectionId), free(now)))
        .all()
  return row.count
}

/** What a connection (or the node) holds, handed-out messages included: what quotas are measured against. */
export function held(db: Queryable, connectionId?: string): { count: number; bytes: number } {
  const [row] = db
    .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${q.bytes}), 0)` })
    .from(q)
    .where(connectionId === undefined ? undefined : eq(q.connectionId, connectionId))
    .all()
  return row
}

/** When the oldest message held for a connection arrived: the first in arrival order, found by its index. */
export function oldestReceivedAt(db: Queryable, connectionId: string): number | undefined {
  const [row] = db
    .select({ receivedAt: q.receivedAt })
    .from(q)
    .where(eq(q.connectionId, connectionId))
    .orderBy(q.sequence)
    .limit(1)
    .all()
  return row?.receivedAt
}

/**
 * Deletes the given message ids of one connection only: ids come from a recipient's messages-received,
 * and one recipient must not drop another's messages. Looked up by the unique id index first, so the
 * planner never walks the connection's whole range instead. Recipient rows go by the foreign key cascade.
 */
export function deleteOwned(db: Queryable, connectionId: string, ids: string[]): number {
  if (ids.length === 0) return 0
  const owned = db
    .select({ sequence: q.sequence, connectionId: q.connectionId })
    .from(q)
    .where(inArray(q.id, ids))
    .all()
    .filter((row) => row.connectionId === connectionId)
    .map((row) => row.sequence)
  if (owned.length === 0) return 0
  return db.delete(q).where(inArray(q.sequence, owned)).run().changes
}

/** Makes the given ids of one connection available again (a delivery that failed gives its lease back). */
export function releaseOwned(db: Queryable, connectionId: string, ids: string[]): void {
  if (ids.length > 0)
    db.update(q)
      .set({ leasedUntil: null })
      .where(and(eq(q.connectionId, connectionId), inArray(q.id, ids)))
      .run()
}

/** Every message of one connection handed out and not yet acknowledged becomes available again. */
export function releaseConnection(db: Queryable, connectionId: string): void {
  db.update(q)
    .set({ leasedUntil: null })
    .where(and(eq(q.connectionId, connectionId), isNotNull(q.leasedUntil)))
    .run()
}

export function deleteConnection(db: Queryable, connectionId: string): number {
  return db.delete(q).where(eq(q.connectionId, connectionId)).run().changes
}

export function releaseLeases(db: Queryable): void {
  db.update(q).set({ leasedUntil: null }).where(isNotNull(q.leasedUntil)).run()
}

export function lease(db: Queryable, rows: Array<{ sequence: number }>, until: number | null): void {
  const sequences = rows.map((row) => row.sequence)
  if (sequences.length > 0) db.update(q).set({ leasedUntil: until }).where(inArray(q.sequence, sequences)).run()
}

export function insertMessage(db: Queryable, row: InferInsertModel<typeof q>, recipientDids: string[]): void {
  const [{ sequence }] = db.insert(q).values(row).returning({ sequence: q.sequence }).all()
  const dids = [...new Set(recipientDids)]
  if (dids.length > 0)
    db.insert(r)
      .values(dids.map((recipientDid) => ({ sequence, recipientDid })))
      .run()
}

/** Recipient rows go by the foreign key cascade, as for every delete here. */
export function deleteReceivedBefore(db: Queryable, cutoff: number): number {
  return db.delete(q).where(lte(q.receivedAt, cutoff)).run().changes
}
