import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Messages a mediator holds for the nodes it serves. In the app database (payloads are encrypted DIDComm
 * envelopes already; the file is encrypted as a whole too) so taking and counting are indexed queries
 * rather than a load of every record. Plain columns and plain SQL only (no JSON functions, no rowid
 * tricks), so a PostgreSQL twin (issue 14) can declare the same tables with pgTable and run the same queries.
 */
export const mediationQueue = sqliteTable(
  'mediation_queue',
  {
    // Arrival order; the id below is what recipients acknowledge.
    sequence: integer('sequence').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    connectionId: text('connection_id').notNull(),
    payload: text('payload').notNull(),
    bytes: integer('bytes').notNull(),
    receivedAt: integer('received_at').notNull(),
    /**
     * Handed out and not yet acknowledged (pickup v2) or not yet sent (pickup v1) until this time, in ms;
     * null when available. On disk, so a reservation outlives a slow acknowledgement, not a restart.
     */
    leasedUntil: integer('leased_until'),
  },
  (table) => [
    // Covers take, count and the quota check of every forward, so none of them reads the payload pages
    // of rows it does not return: their cost stays flat as the queue grows.
    index('mediation_queue_connection_sequence').on(table.connectionId, table.sequence, table.leasedUntil, table.bytes),
    index('mediation_queue_received_at').on(table.receivedAt),
  ],
)

/**
 * The recipient keys (as did:key) a queued message was forwarded to. Pickup v2 asks per key (status and
 * delivery requests, and every live delivery after a forward), so the key is an index, not JSON to scan.
 */
export const mediationQueueRecipients = sqliteTable(
  'mediation_queue_recipients',
  {
    sequence: integer('sequence')
      .notNull()
      .references(() => mediationQueue.sequence, { onDelete: 'cascade' }),
    recipientDid: text('recipient_did').notNull(),
  },
  (table) => [
    // Walked in arrival order for one key: a take stops after its limit, whatever else is queued.
    primaryKey({ columns: [table.recipientDid, table.sequence] }),
    // The cascade from a deleted message finds its rows by this.
    index('mediation_queue_recipients_sequence').on(table.sequence),
  ],
)
