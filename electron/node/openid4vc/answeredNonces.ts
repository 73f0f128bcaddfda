import { createHash } from 'node:crypto'

import type { AgentContext } from '@credo-ts/core'
import { and, eq, lt } from 'drizzle-orm'

import { appDatabaseOf } from '../db'
import { answeredNonces } from './answeredNoncesTable'

// A verifier's nonce binds one answer and lives minutes; a day covers any replay of it, across restarts.
const REMEMBERED_MS = 24 * 60 * 60_000

const hashOf = (nonce: string) => createHash('sha256').update(nonce, 'utf8').digest('base64url')

/** The verifier's nonce was answered: a request carrying it again is refused, also after a restart. */
export function markAnswered(agentContext: AgentContext, clientId: string, nonce: string, now = Date.now()): void {
  const db = appDatabaseOf(agentContext)
  db.delete(answeredNonces)
    .where(lt(answeredNonces.seenAt, now - REMEMBERED_MS))
    .run()
  db.insert(answeredNonces)
    .values({ clientId, nonceHash: hashOf(nonce), seenAt: now })
    .onConflictDoUpdate({ target: [answeredNonces.clientId, answeredNonces.nonceHash], set: { seenAt: now } })
    .run()
}

export function wasAnswered(agentContext: AgentContext, clientId: string, nonce: string, now = Date.now()): boolean {
  const row = appDatabaseOf(agentContext)
    .select({ seenAt: answeredNonces.seenAt })
    .from(answeredNonces)
    .where(and(eq(answeredNonces.clientId, clientId), eq(answeredNonces.nonceHash, hashOf(nonce))))
    .get()
  return row !== undefined && now - row.seenAt < REMEMBERED_MS
}
