import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Every version of the person's privacy profile, kept: a decision and (later) an agreement name the
 * version that bound them, so a record still says which limits held when the profile has changed since.
 */
export const privacyProfileVersions = sqliteTable('privacy_profile_versions', {
  version: integer('version').primaryKey(),
  /** The rules, each with its id, as JSON. */
  rules: text('rules').notNull(),
  createdAt: text('created_at').notNull(),
})
