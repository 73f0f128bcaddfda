import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Data the person declares about themselves (no issuer signature). */
export const selfDeclaredItems = sqliteTable('self_declared_items', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})
