import fs from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'

import { AppDatabaseMigrationFailedError, StoreCorruptError } from '../../../shared/errors'
import { findResource } from '../platform/resources'
import * as schema from './schema'

// With its better-sqlite3 connection, for the few hot reads that run a prepared statement directly.
export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenedAppDatabase {
  db: AppDatabase
  close(): void
  /**
   * A consistent copy of the whole file, still encrypted under its key, for a backup. Synchronous on
   * purpose: no write of this process can fall between the checkpoint and the copy.
   */
  copyTo(destination: string): void
  /** Rows per table, for a backup's manifest (drizzle's own bookkeeping left out). */
  rowCounts(): Record<string, number>
}

/**
 * Opens (or creates) the encrypted app database and applies drizzle-kit's migrations.
 * `keyHex` is 32 random bytes that live only in the Askar store.
 */
export function openAppDatabase(
  file: string,
  keyHex: string,
  migrationsFolder = findResource(path.join('db', 'migrations')),
): OpenedAppDatabase {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('app database key must be 32 bytes of hex')
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const sqlite = new Database(file)
  try {
    sqlite.pragma(`cipher = 'chacha20'`)
    sqlite.pragma(`hexkey = '${keyHex}'`)
    // Reading the schema is the first access that needs the key; a wrong key or a damaged file fails here.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
  } catch (error) {
    sqlite.close()
    throw new StoreCorruptError(file, (error as Error).message, { cause: error })
  }
  const db = drizzle(sqlite, { schema })
  try {
    // drizzle runs all pending migrations in one transaction, so a failure leaves the schema as it was.
    migrate(db, { migrationsFolder })
  } catch (error) {
    sqlite.close()
    throw new AppDatabaseMigrationFailedError(file, describe(error), { cause: error })
  }
  return {
    db,
    close: () => sqlite.close(),
    copyTo: (destination) => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
      fs.copyFileSync(file, destination)
    },
    rowCounts: () => {
      const tables = sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`,
        )
        .pluck()
        .all() as string[]
      return Object.fromEntries(
        tables.map((name) => [name, sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
      )
    },
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause
  return (cause instanceof Error ? cause : (error as Error)).message.slice(0, 200)
}
