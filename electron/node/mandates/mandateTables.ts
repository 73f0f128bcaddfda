import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * A mandate, on both nodes under the same id: the grantor's node (its person is acted for) checks every
 * use against `scope`; the delegate's node keeps it to show and to revoke. Only the person's view and the
 * grantor's checks query it, so it is an app-database table, not a Credo record.
 */
export const mandates = sqliteTable('mandates', {
  id: text('id').primaryKey(),
  role: text('role', { enum: ['grantor', 'delegate'] }).notNull(),
  /** The connection to the other member's node; the only one a mandate message is taken from. */
  connectionId: text('connection_id').notNull(),
  name: text('name').notNull(),
  /** The clauses (who, what, why, when) as JSON, as a consent policy states them. */
  scope: text('scope').notNull(),
  requesterLabel: text('requester_label'),
  status: text('status', { enum: ['active', 'revoked'] }).notNull(),
  revokedBy: text('revoked_by', { enum: ['grantor', 'delegate'] }),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
})

/**
 * A request put to the delegate: on the grantor's node with the proof request it is about; on the
 * delegate's with what is asked (kinds of data and claim names, never values). A done row on the
 * grantor's node is also the mandate's frequency counter.
 */
export const mandateAsks = sqliteTable(
  'mandate_asks',
  {
    /** The ask message's id, the thread its decision and outcome answer on. */
    id: text('id').primaryKey(),
    mandateId: text('mandate_id')
      .notNull()
      .references(() => mandates.id),
    role: text('role', { enum: ['grantor', 'delegate'] }).notNull(),
    requestId: text('request_id'),
    /** Requester, purpose, retention and items as JSON. */
    asked: text('asked').notNull(),
    state: text('state', { enum: ['waiting', 'approved', 'declined', 'done', 'refused', 'withdrawn'] }).notNull(),
    note: text('note'),
    askedAt: text('asked_at').notNull(),
    decidedAt: text('decided_at'),
  },
  (table) => [
    index('mandate_asks_mandate_state').on(table.mandateId, table.state, table.decidedAt),
    index('mandate_asks_request').on(table.requestId),
  ],
)
