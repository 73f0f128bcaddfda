import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Every disclosure: what left, to whom, why, for how long, decided by which policy version or the person. */
export const disclosures = sqliteTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull().unique(),
    threadId: text('thread_id').notNull(),
    connectionId: text('connection_id').notNull(),
    recipient: text('recipient').notNull(),
    /** JSON: [{ credentialId, types, issuer, claims: [names] }] */
    credentials: text('credentials').notNull(),
    purpose: text('purpose'),
    /** JSON array of DPV purpose ids. */
    purposeIds: text('purpose_ids').notNull(),
    retention: text('retention'),
    legalBasis: text('legal_basis'),
    decidedBy: text('decided_by', { enum: ['policy', 'person'] }).notNull(),
    policyId: text('policy_id'),
    policyVersion: integer('policy_version'),
    disclosedAt: text('disclosed_at').notNull(),
    revokedAt: text('revoked_at'),
    deletionRequestedAt: text('deletion_requested_at'),
    /** The data agreement the request named, which a deletion request names in turn. */
    agreementId: text('agreement_id'),
    /**
     * Written 'pending' before the answer leaves, completed after: 'sent', or 'not-sent' (it never left),
     * or 'uncertain' (the app stopped while sending and nothing records whether it left). `delivery_note`
     * says why in words.
     */
    delivery: text('delivery', { enum: ['pending', 'sent', 'not-sent', 'uncertain'] })
      .notNull()
      .default('sent'),
    deliveryNote: text('delivery_note'),
    /** Approved by a member under a mandate (issue 23): its id and the delegate's name as the connection gave it. */
    mandateId: text('mandate_id'),
    mandateDelegate: text('mandate_delegate'),
  },
  // The history is read newest first, a page at a time (disclosures.page): a page is a range of this index.
  (table) => [index('disclosures_disclosed_at').on(table.disclosedAt, table.id)],
)

/** What a recipient said it did with the data (used, deleted), against the disclosure it names. */
export const disclosureNotices = sqliteTable(
  'disclosure_notices',
  {
    id: text('id').primaryKey(),
    disclosureId: text('disclosure_id')
      .notNull()
      .references(() => disclosures.id),
    // accepted/refused: the requester's answer to the presentation itself; used/deleted: data-notices.
    kind: text('kind', { enum: ['accepted', 'refused', 'used', 'deleted'] }).notNull(),
    messageId: text('message_id').notNull(),
    note: text('note'),
    receivedAt: text('received_at').notNull(),
    /** The recipient signed it with a key of the connection (a signed acknowledgement of a deletion). */
    signed: integer('signed', { mode: 'boolean' }).notNull().default(false),
  },
  // Every disclosure shown reads its notices; without this each read scanned the whole table.
  (table) => [index('disclosure_notices_disclosure').on(table.disclosureId)],
)

/** A history row as a protocol describes it before it is saved. */
export type NewDisclosure = typeof disclosures.$inferInsert

/** Disclosures over OpenID4VP carry this before the verifier's state in `threadId`; they have no connection. */
export const OPENID4VP_THREAD_PREFIX = 'openid4vp:'
