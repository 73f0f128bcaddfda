import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * My data's index of held credentials: what the screen shows (`summary`, the HeldCredential as JSON) in the
 * order it shows it, so a page is a range of an index whatever the store holds. Credo's records in Askar
 * stay the truth; this follows them (heldIndex/keepInStep.ts). Its words for search are in the FTS5 table
 * `held_credentials_text` (made by migration 0007, which drizzle cannot describe), whose rowid is `seq`:
 * an explicit integer key, so VACUUM keeps the two tables joined.
 */
export const heldCredentials = sqliteTable(
  'held_credentials',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    issuedAt: text('issued_at').notNull(),
    summary: text('summary').notNull(),
  },
  (table) => [index('held_credentials_issued_at').on(table.issuedAt, table.id)],
)
