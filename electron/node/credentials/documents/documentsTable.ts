import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Documents that came with held credentials (statement PDFs), keyed by the digest the issuer signed in
 * the credential: the credential says which document it binds, this table only keeps the bytes. The
 * app database is encrypted as a whole, so the bytes are encrypted at rest with it.
 */
export const documents = sqliteTable('documents', {
  digestSri: text('digest_sri').primaryKey(),
  mediaType: text('media_type').notNull(),
  name: text('name'),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  storedAt: text('stored_at').notNull(),
})
