import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Messages a mediator holds for the nodes it serves. In the app database (payloads are encrypted DIDComm
 * envelopes already; the file is encrypted as a whole too) so taking and counting are indexed queries
 * rather than a load of every record. Plain columns only, so a PostgreSQL twin can follow.
 */
export const mediationQueue = sqliteTable(
  'mediation_queue',
  {
    // Arrival order; the DIDComm message id below is what recipients acknowledge.
    sequence: integer('sequence').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    connectionId: text('connection_id').notNull(),
    /** JSON array of the recipient DIDs (keys) the forward named. */
    recipientDids: text('recipient_dids').notNull(),
    payload: text('payload').notNull(),
    bytes: integer('bytes').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** Handed out and not yet acknowledged until this time (ms); null when available. */
    leasedUntil: integer('leased_until'),
  },
  (table) => [
    // Covers take, count and the quota check of every forward, so none of them reads the payload pages
    // of rows it does not return: their cost stays flat as the queue grows.
    index('mediation_queue_connection_sequence').on(table.connectionId, table.sequence, table.leasedUntil, table.bytes),
    index('mediation_queue_received_at').on(table.receivedAt),
  ],
)
