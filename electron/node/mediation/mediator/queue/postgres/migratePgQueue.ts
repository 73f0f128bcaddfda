import path from 'node:path'

import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'

import { findResource } from '../../../../platform/resources'
import {
  describePostgres,
  postgresError,
  PostgresSchemaMismatchError,
  type PostgresConnection,
} from '../../../../postgres'
import { LOCK_NAMESPACE } from './pgQueueQueries'

const MIGRATIONS = { migrationsSchema: 'drizzle', migrationsTable: 'custos_mediation_queue_migrations' }
// Key 0 of the namespace: instances take their own ids' hashes, which are never meant to be 0.
const MIGRATION_LOCK = sql`select pg_advisory_lock(${sql.raw(String(LOCK_NAMESPACE))}, 0)`
const MIGRATION_UNLOCK = sql`select pg_advisory_unlock(${sql.raw(String(LOCK_NAMESPACE))}, 0)`

/**
 * Brings the queue's tables up to this version, on one connection under an advisory lock so instances
 * starting together do not both create them. A database whose migration record holds a migration this
 * version does not know (a newer Custos, or another schema) is refused before anything is changed.
 */
export async function migratePgQueue(
  client: pg.PoolClient,
  where: string,
  migrationsFolder = findResource(path.join('db', 'pg-migrations')),
): Promise<void> {
  const db = drizzle(client)
  await db.execute(MIGRATION_LOCK)
  try {
    await refuseUnknownMigrations(db, where, migrationsFolder)
    try {
      await migrate(db, { migrationsFolder, ...MIGRATIONS })
    } catch (error) {
      const cause = (error as { cause?: { message?: unknown } }).cause
      const detail = typeof cause?.message === 'string' ? cause.message : (error as Error).message
      throw new PostgresSchemaMismatchError(where, `migration failed: ${detail.split('\n')[0]}`)
    }
  } finally {
    await db.execute(MIGRATION_UNLOCK)
  }
}

/**
 * The same refusal before the node opens (or creates) its Askar store in that database, so a database of
 * another schema version is left exactly as it was, store included.
 */
export async function checkPgQueueSchema(
  connection: PostgresConnection,
  migrationsFolder = findResource(path.join('db', 'pg-migrations')),
): Promise<void> {
  const client = new pg.Client({ connectionString: connection.url, connectionTimeoutMillis: 5_000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await refuseUnknownMigrations(drizzle(client), describePostgres(connection), migrationsFolder)
  } catch (error) {
    // No database yet: nothing in it to refuse.
    if ((error as { code?: unknown }).code !== '3D000') throw postgresError(connection, error)
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function refuseUnknownMigrations(db: NodePgDatabase, where: string, folder: string) {
  const table = `${MIGRATIONS.migrationsSchema}.${MIGRATIONS.migrationsTable}`
  const exists = await db.execute<{ found: string | null }>(sql`select to_regclass(${table}::text)::text as found`)
  if (!exists.rows[0]?.found) return
  const known = new Set(readMigrationFiles({ migrationsFolder: folder }).map((migration) => migration.hash))
  const applied = await db.execute<{ hash: string; created_at: string }>(
    sql`select hash, created_at from ${sql.identifier(MIGRATIONS.migrationsSchema)}.${sql.identifier(MIGRATIONS.migrationsTable)}`,
  )
  const unknown = applied.rows.find((row) => !known.has(row.hash))
  if (unknown) {
    const when = new Date(Number(unknown.created_at)).toISOString()
    throw new PostgresSchemaMismatchError(
      where,
      `it has migration ${unknown.hash.slice(0, 12)} of ${when}, unknown here`,
    )
  }
}
