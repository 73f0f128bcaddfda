import type { AgentContext } from '@credo-ts/core'
import { and, eq, isNull, type SQL } from 'drizzle-orm'

import type { Disclosure, PolicyInput } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { disclosures } from './disclosureTables'
import { DidCommConnectionService } from '@credo-ts/didcomm'

import { signForConnection } from '../agreements'
import { sendOnConnection } from '../connections'
import { DeletionRequestMessage, deletionRequestSigned } from './protocol'

export type DisclosureRow = typeof disclosures.$inferSelect

/** Conditional and synchronous: each disclosure is marked revoked once, by whichever path comes first. */
export function markRevoked(db: AppDatabase, which: SQL): DisclosureRow[] {
  return db
    .update(disclosures)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(which, isNull(disclosures.revokedAt)))
    .returning()
    .all()
}

/** Asks the recipient to delete what it received on the disclosure's thread; false when it could not be sent. */
export async function requestDeletion(
  agentContext: AgentContext,
  db: AppDatabase,
  row: DisclosureRow,
): Promise<boolean> {
  try {
    const message = new DeletionRequestMessage({
      grantThreadId: row.threadId,
      reason: 'The person revoked their consent. Delete what you received under this grant.',
      agreementId: row.agreementId ?? undefined,
    })
    // Signed with this side's key of the connection, so the recipient can keep it as proof it was asked.
    const connection = await agentContext.dependencyManager
      .resolve(DidCommConnectionService)
      .getById(agentContext, row.connectionId)
    message.signature = await signForConnection(agentContext, connection, deletionRequestSigned(message))
    await sendOnConnection(agentContext, row.connectionId, message)
    db.update(disclosures)
      .set({ deletionRequestedAt: new Date().toISOString() })
      .where(eq(disclosures.id, row.id))
      .run()
    return true
  } catch (error) {
    // The revocation stands; only the request to the recipient is missing, and the entry shows it.
    agentContext.config.logger.warn('disclosures: the deletion request could not be sent', {
      error: (error as Error).message,
    })
    return false
  }
}

/**
 * For a disclosure the person approved: a policy that refuses the same credentials to the same
 * connection, for any purpose, so later requests under that grant are refused.
 */
export function refusingPolicyFor(disclosure: Disclosure): PolicyInput {
  return {
    name: `Refuse ${disclosure.recipient} after revoking a disclosure`,
    who: { kind: 'connection', connectionId: disclosure.connectionId },
    what: disclosure.credentials.map((credential) => ({
      type: credential.types.at(-1) ?? 'VerifiableCredential',
      claims: credential.claims.length > 0 ? credential.claims : ['id'],
    })),
    why: ['dpv:Purpose'],
    when: {},
    action: 'refuse',
    beyond: 'refuse',
  }
}
