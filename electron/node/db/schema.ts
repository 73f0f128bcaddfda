import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The app database: the node's own relational data. The file is encrypted as a whole
// (SQLite3 Multiple Ciphers) with a key kept in the Askar store, so columns hold plaintext here.

/** Data the person declares about themselves (no issuer signature). */
export const selfDeclaredItems = sqliteTable('self_declared_items', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})
