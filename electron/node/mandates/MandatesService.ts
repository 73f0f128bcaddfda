import { randomUUID } from 'node:crypto'

import { injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'
import { eq } from 'drizzle-orm'
import { z } from 'zod'

import { mandateScopeSchema, type Mandate, type MandateRole, type MandateScope } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { roleOf, sendOnConnection } from '../connections'
import { connectionOf, labelOf, member, MEMBER_ROLE } from './members'
import { appDatabaseOf } from '../db'
import { allMandates, mandateRow, revokeRow, toMandate, withdrawWaiting, type MandateRow } from './mandateStore'
import { mandates } from './mandateTables'
import { MandateGrantMessage, MandateOutcomeMessage, MandateRevokeMessage } from './protocol'
import { changed, refuse } from './refusals'

const grantSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().min(1).max(200),
    scope: mandateScopeSchema,
    requester_label: z.string().max(200).optional(),
  })
  .strict()

const WITHDRAWN = 'The mandate was revoked; the request waits for the person again.'

/** Giving, receiving and revoking mandates between two members' nodes (the asks are MandateAsksService's). */
@injectable()
export class MandatesService {
  async list(agentContext: AgentContext): Promise<Mandate[]> {
    const rows = allMandates(appDatabaseOf(agentContext))
    return Promise.all(rows.map(async (row) => toMandate(row, await labelOf(agentContext, row.connectionId))))
  }

  async give(
    agentContext: AgentContext,
    input: { delegateConnectionId: string; name: string; scope: MandateScope },
  ): Promise<Mandate> {
    const connection = await member(agentContext, input.delegateConnectionId)
    if (!connection) {
      throw new CustosError(
        'InvalidInput',
        'A mandate can only be given to a member of your household; nothing was given.',
      )
    }
    const who = input.scope.who
    const requester = who.kind === 'connection' ? await connectionOf(agentContext, who.connectionId) : undefined
    if (who.kind === 'connection' && !requester)
      throw new CustosError('NotFound', `No connection with id ${who.connectionId}.`)
    const row: MandateRow = {
      id: randomUUID(),
      role: 'grantor',
      connectionId: connection.id,
      name: input.name,
      scope: JSON.stringify(input.scope),
      requesterLabel: requester?.theirLabel ?? null,
      status: 'active',
      revokedBy: null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    }
    const db = appDatabaseOf(agentContext)
    db.insert(mandates).values(row).run()
    const mandate = { id: row.id, name: row.name, scope: input.scope, requester_label: requester?.theirLabel }
    try {
      await sendOnConnection(agentContext, connection.id, new MandateGrantMessage({ mandate }))
    } catch (error) {
      db.delete(mandates).where(eq(mandates.id, row.id)).run()
      throw new CustosError(
        'PeerUnreachable',
        `The member's node could not be told, so no mandate was given: ${(error as Error).message}`,
      )
    }
    changed(agentContext, row.id)
    return toMandate(row, connection.theirLabel)
  }

  /** Revokes at once on this node, withdraws what waits under it, then tells the other node. */
  async revoke(agentContext: AgentContext, id: string): Promise<Mandate> {
    const db = appDatabaseOf(agentContext)
    const row = mandateRow(db, id)
    if (!row) throw new CustosError('NotFound', `No mandate with id ${id}.`)
    if (row.status === 'revoked') throw new CustosError('InvalidInput', 'This mandate is already revoked.')
    this.end(agentContext, row, row.role)
    await sendOnConnection(agentContext, row.connectionId, new MandateRevokeMessage({ mandate_id: id })).catch(
      (error: unknown) => agentContext.config.logger.warn('mandates: the revocation could not be told', { error }),
    )
    return toMandate(mandateRow(db, id)!, await labelOf(agentContext, row.connectionId))
  }

  /** This node left its household (or was removed): every mandate it gave or holds ends, and the other side is told. */
  async endAll(agentContext: AgentContext): Promise<void> {
    for (const row of allMandates(appDatabaseOf(agentContext)).filter((m) => m.status === 'active')) {
      await this.revoke(agentContext, row.id)
    }
  }

  async received(agentContext: AgentContext, message: MandateGrantMessage, connection: DidCommConnectionRecord) {
    if (roleOf(connection) !== MEMBER_ROLE) {
      return refuse(
        agentContext,
        connection.id,
        message.threadId,
        'Only a member of the household can give a mandate; it was not kept.',
      )
    }
    const parsed = grantSchema.safeParse(message.mandate)
    if (!parsed.success)
      return refuse(agentContext, connection.id, message.threadId, 'The mandate could not be read; it was not kept.')
    const db = appDatabaseOf(agentContext)
    if (mandateRow(db, parsed.data.id))
      return refuse(agentContext, connection.id, message.threadId, 'This mandate is known already; nothing changed.')
    const { id, name, scope, requester_label } = parsed.data
    db.insert(mandates)
      .values({
        id,
        role: 'delegate',
        connectionId: connection.id,
        name,
        scope: JSON.stringify(scope),
        requesterLabel: requester_label ?? null,
        status: 'active',
        createdAt: new Date().toISOString(),
      })
      .run()
    changed(agentContext, id)
  }

  /** The other side revoked: only the mandate's own connection may, and it takes effect at once. */
  async revoked(agentContext: AgentContext, message: MandateRevokeMessage, connection: DidCommConnectionRecord) {
    const row =
      typeof message.mandate_id === 'string' ? mandateRow(appDatabaseOf(agentContext), message.mandate_id) : undefined
    if (!row || row.connectionId !== connection.id) {
      return refuse(
        agentContext,
        connection.id,
        message.threadId,
        'No mandate between you and this member has that id; nothing changed.',
      )
    }
    if (row.status === 'active') this.end(agentContext, row, row.role === 'grantor' ? 'delegate' : 'grantor')
  }

  private end(agentContext: AgentContext, row: MandateRow, by: MandateRole): void {
    const db = appDatabaseOf(agentContext)
    revokeRow(db, row.id, by)
    const withdrawn = withdrawWaiting(db, row.id, WITHDRAWN)
    // The delegate's node learns of the revocation itself; the grantor tells it about each ask too.
    if (row.role === 'grantor') {
      for (const ask of withdrawn) {
        void sendOnConnection(
          agentContext,
          row.connectionId,
          new MandateOutcomeMessage({ askId: ask.id, state: 'withdrawn', note: WITHDRAWN }),
        ).catch(() => undefined)
      }
    }
    changed(agentContext, row.id)
  }
}
