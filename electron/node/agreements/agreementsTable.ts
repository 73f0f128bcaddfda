import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * One data agreement per thread with a company: what it offered, what is on the table, each side's
 * signature over the current terms, and how it ended. Terms and signatures are kept as they travelled.
 */
export const dataAgreements = sqliteTable('data_agreements', {
  id: text('id').primaryKey(),
  connectionId: text('connection_id').notNull(),
  threadId: text('thread_id').notNull().unique(),
  state: text('state', { enum: ['offered', 'countered', 'agreed', 'rejected', 'terminated'] }).notNull(),
  offered: text('offered').notNull(),
  current: text('current').notNull(),
  companySignature: text('company_signature'),
  holderSignature: text('holder_signature'),
  endedBy: text('ended_by', { enum: ['company', 'holder'] }),
  reason: text('reason'),
  usedAfterEnd: integer('used_after_end').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export type DataAgreementRow = typeof dataAgreements.$inferSelect

/** The prefix of `connectionId` for an agreement reached through a company's TMF644 API (its base URL follows). */
export const TMF644_CHANNEL = 'tmf644:'
