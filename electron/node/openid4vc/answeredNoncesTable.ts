import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The verifier nonces this node answered (OpenID4VP): a request carrying one again is a replay. Only a
 * hash of the nonce is kept (it says nothing about the person), with the verifier's client id and when;
 * rows older than a day are pruned (verifiers' nonces live minutes).
 */
export const answeredNonces = sqliteTable(
  'openid4vp_answered_nonces',
  {
    nonceHash: text('nonce_hash').notNull(),
    clientId: text('client_id').notNull(),
    /** Milliseconds since the epoch. */
    seenAt: integer('seen_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.nonceHash] }),
    index('openid4vp_answered_nonces_seen').on(table.seenAt),
  ],
)
