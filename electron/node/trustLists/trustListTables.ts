import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** An imported trust list whose publisher's signature was checked on import; the signed JSON is kept as it came. */
export const trustLists = sqliteTable('trust_lists', {
  id: text('id').primaryKey(),
  publisher: text('publisher').notNull(),
  name: text('name').notNull(),
  issued: text('issued').notNull(),
  document: text('document').notNull(),
  importedAt: text('imported_at').notNull(),
})

/** One requester a list names: its DID, its roles, and what it publishes that it needs per purpose. */
export const trustListEntries = sqliteTable('trust_list_entries', {
  listId: text('list_id')
    .notNull()
    .references(() => trustLists.id, { onDelete: 'cascade' }),
  did: text('did').notNull(),
  name: text('name').notNull(),
  /** JSON arrays: roles, and published claims per purpose. */
  roles: text('roles').notNull(),
  purposes: text('purposes').notNull(),
})
