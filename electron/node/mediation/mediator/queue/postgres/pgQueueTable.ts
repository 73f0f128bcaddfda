import { bigint, bigserial, index, integer, pgSchema, primaryKey, text } from 'drizzle-orm/pg-core'

/**
 * A schema of its own: Askar puts its tables in the schema named after the role (search_path's "$user"),
 * and these must neither depend on search_path nor sit among Askar's.
 */
export const pgQueueSchema = pgSchema('custos_mediation')

/**
 * The PostgreSQL twin of queueTable.ts, for a mediator of several instances on one database: the same
 * tables and columns, so the same plain queries run on both. Times stay milliseconds in bigint (as
 * numbers: they fit in 2^53) rather than timestamps, so both twins compare them the same way.
 */
export const pgMediationQueue = pgQueueSchema.table(
  'mediation_queue',
  {
    sequence: bigserial('sequence', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    connectionId: text('connection_id').notNull(),
    payload: text('payload').notNull(),
    bytes: integer('bytes').notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
    leasedUntil: bigint('leased_until', { mode: 'number' }),
    /**
     * The instance whose delivery holds the lease. A restarting instance releases its own leases only:
     * another instance's delivery may still be waiting for its acknowledgement.
     */
    leasedBy: text('leased_by'),
  },
  (table) => [
    index('mediation_queue_connection_sequence').on(table.connectionId, table.sequence, table.leasedUntil, table.bytes),
    index('mediation_queue_received_at').on(table.receivedAt),
    index('mediation_queue_leased_by').on(table.leasedBy),
  ],
)

export const pgMediationQueueRecipients = pgQueueSchema.table(
  'mediation_queue_recipients',
  {
    sequence: bigint('sequence', { mode: 'number' })
      .notNull()
      .references(() => pgMediationQueue.sequence, { onDelete: 'cascade' }),
    recipientDid: text('recipient_did').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.recipientDid, table.sequence] }),
    index('mediation_queue_recipients_sequence').on(table.sequence),
  ],
)
