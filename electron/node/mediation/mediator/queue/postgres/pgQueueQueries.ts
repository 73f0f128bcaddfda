import { and, eq, inArray, isNull, lte, or, sql, type InferInsertModel, type SQL } from 'drizzle-orm'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'

import { pgMediationQueue as q, pgMediationQueueRecipients as r } from './pgQueueTable'

/** The queue database or a transaction on it: both offer the same query builders. */
export type PgQueryable = Pick<NodePgDatabase, 'select' | 'update' | 'delete' | 'insert' | 'execute'>

export interface PgScope {
  connectionId: string
  recipientDid?: string
  now: number
}

/** Advisory lock namespace of this queue ("cus"): instance locks, and the per-connection insert lock. */
export const LOCK_NAMESPACE = 0x637573
const INSERT_NAMESPACE = LOCK_NAMESPACE + 1
export const NOTIFY_CHANNEL = 'custos_mediation_queue'

/**
 * Free: never leased, lease run out, or leased by an instance that is gone. A live instance holds an
 * advisory lock on its id for as long as its listening session lasts, so a lease whose owner holds none
 * belongs to a crashed instance and is offered again at once rather than after the lease time.
 */
const free = (now: number): SQL | undefined =>
  or(
    isNull(q.leasedUntil),
    lte(q.leasedUntil, now),
    sql`not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2
      and l.classid = ${sql.raw(String(LOCK_NAMESPACE))} and l.objid = hashtext(${q.leasedBy})::oid)`,
  )

const queued = { sequence: q.sequence, id: q.id, payload: q.payload, receivedAt: q.receivedAt }

/**
 * Available messages in arrival order, locked for this transaction. SKIP LOCKED lets a concurrent take
 * (another instance, another socket of the same recipient) pass rows this one is leasing instead of
 * waiting for them and handing them out a second time. No OF: PostgreSQL wants it unqualified, drizzle
 * writes it with the schema; locking the recipient rows of the same messages as well changes nothing.
 */
export function selectAvailable(db: PgQueryable, { connectionId, recipientDid, now }: PgScope, limit?: number) {
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
  return (limit === undefined ? query : query.limit(limit)).for('update', { skipLocked: true })
}

export async function countAvailable(db: PgQueryable, { connectionId, recipientDid, now }: PgScope): Promise<number> {
  const count = { count: sql<number>`count(*)`.mapWith(Number) }
  const [row] = recipientDid
    ? await db
        .select(count)
        .from(r)
        .innerJoin(q, eq(q.sequence, r.sequence))
        .where(and(eq(r.recipientDid, recipientDid), eq(q.connectionId, connectionId), free(now)))
    : await db
        .select(count)
        .from(q)
        .where(and(eq(q.connectionId, connectionId), free(now)))
  return row.count
}

export async function held(db: PgQueryable, connectionId?: string): Promise<{ count: number; bytes: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)`.mapWith(Number),
      bytes: sql<number>`coalesce(sum(${q.bytes}), 0)`.mapWith(Number),
    })
    .from(q)
    .where(connectionId === undefined ? undefined : eq(q.connectionId, connectionId))
  return row
}

/** When the oldest message held for a connection arrived, on every instance. */
export async function oldestReceivedAt(db: PgQueryable, connectionId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ receivedAt: q.receivedAt })
    .from(q)
    .where(eq(q.connectionId, connectionId))
    .orderBy(q.sequence)
    .limit(1)
  return row?.receivedAt
}

/**
 * Forwards for one connection insert one at a time across all instances (a lock held to the commit), so
 * its quota is not overrun by two instances at once and arrival order is commit order: a take never sees
 * a later message of the connection before an earlier one.
 */
export async function lockConnectionForInsert(db: PgQueryable, connectionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(INSERT_NAMESPACE))}, hashtext(${connectionId}))`)
}

export async function deleteOwned(db: PgQueryable, connectionId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0
  const result = await db.delete(q).where(and(inArray(q.id, ids), eq(q.connectionId, connectionId)))
  return result.rowCount ?? 0
}

export async function deleteConnection(db: PgQueryable, connectionId: string): Promise<number> {
  return (await db.delete(q).where(eq(q.connectionId, connectionId))).rowCount ?? 0
}

/** Only this instance's: another instance's delivery may still be waiting for its acknowledgement. */
export async function releaseLeasesOf(db: PgQueryable, instanceId: string): Promise<void> {
  await db.update(q).set({ leasedUntil: null, leasedBy: null }).where(eq(q.leasedBy, instanceId))
}

/** This instance's leases of one connection, whose socket here is gone. */
export async function releaseConnectionOf(db: PgQueryable, connectionId: string, instanceId: string): Promise<void> {
  await db
    .update(q)
    .set({ leasedUntil: null, leasedBy: null })
    .where(and(eq(q.connectionId, connectionId), eq(q.leasedBy, instanceId)))
}

export async function lease(db: PgQueryable, rows: Array<{ sequence: number }>, until: number, by: string) {
  const sequences = rows.map((row) => row.sequence)
  if (sequences.length > 0)
    await db.update(q).set({ leasedUntil: until, leasedBy: by }).where(inArray(q.sequence, sequences))
}

export async function insertMessage(db: PgQueryable, row: InferInsertModel<typeof q>, recipientDids: string[]) {
  const [{ sequence }] = await db.insert(q).values(row).returning({ sequence: q.sequence })
  const dids = [...new Set(recipientDids)]
  if (dids.length > 0) await db.insert(r).values(dids.map((recipientDid) => ({ sequence, recipientDid })))
}

/** Sent at commit, to every instance listening (this one included; it skips its own). */
export async function notifyQueued(db: PgQueryable, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`)
}

export async function deleteReceivedBefore(db: PgQueryable, cutoff: number): Promise<number> {
  return (await db.delete(q).where(lte(q.receivedAt, cutoff))).rowCount ?? 0
}
