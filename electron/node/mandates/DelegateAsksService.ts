import { EventEmitter, injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'
import { z } from 'zod'

import type { MandateAsk } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { roleOf, sendOnConnection } from '../connections'
import { appDatabaseOf } from '../db'
import { askRow, mandateRow, setAskState, toAsk } from './mandateStore'
import { mandateAsks } from './mandateTables'
import { MEMBER_ROLE } from './members'
import { MandateEventTypes, type MandateRefusedEvent } from './MandatesEvents'
import { MandateDecisionMessage, type MandateAskMessage, type MandateOutcomeMessage } from './protocol'
import { changed, refuse } from './refusals'

const name = z.string().max(200)
const askedSchema = z
  .object({
    requester: name,
    purpose: z.string().max(1000).optional(),
    retention: name.optional(),
    items: z
      .array(
        z
          .object({
            descriptorId: name,
            name: name.optional(),
            types: z.array(name).max(20),
            claims: z.array(name).max(100),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict()
const outcomeSchema = z.object({
  state: z.enum(['done', 'declined', 'refused', 'withdrawn']),
  note: z.string().max(1000).optional(),
})

/**
 * The delegate's node: an ask under a mandate it holds waits for the delegate, who approves or declines;
 * the person's node carries the decision out (or refuses it in words) and says how it ended.
 */
@injectable()
export class DelegateAsksService {
  /** On the delegate's node: an ask under a mandate this member gave it, over that member's connection only. */
  async received(agentContext: AgentContext, message: MandateAskMessage, connection: DidCommConnectionRecord) {
    const db = appDatabaseOf(agentContext)
    const row = typeof message.mandate_id === 'string' ? mandateRow(db, message.mandate_id) : undefined
    const asked = askedSchema.safeParse(message.asked)
    if (
      !row ||
      row.role !== 'delegate' ||
      row.connectionId !== connection.id ||
      row.status !== 'active' ||
      roleOf(connection) !== MEMBER_ROLE ||
      !asked.success
    ) {
      return refuse(
        agentContext,
        connection.id,
        message.id,
        'You hold no live mandate from this member for that request; it is not shown.',
      )
    }
    if (askRow(db, message.id)) return
    db.insert(mandateAsks)
      .values({
        id: message.id,
        mandateId: row.id,
        role: 'delegate',
        asked: JSON.stringify(asked.data),
        state: 'waiting',
        askedAt: new Date().toISOString(),
      })
      .run()
    changed(agentContext, row.id, message.id)
  }

  /** The delegate decides on their own node; the person's node carries it out, or refuses in words. */
  async decide(agentContext: AgentContext, askId: string, approve: boolean): Promise<MandateAsk> {
    const db = appDatabaseOf(agentContext)
    const ask = askRow(db, askId)
    if (!ask || ask.role !== 'delegate') throw new CustosError('NotFound', `No request put to you with id ${askId}.`)
    if (ask.state !== 'waiting')
      throw new CustosError('InvalidInput', 'This request was decided already, or withdrawn.')
    const mandate = mandateRow(db, ask.mandateId)!
    if (mandate.status !== 'active')
      throw new CustosError('InvalidInput', 'The mandate was revoked; it decides nothing.')
    const items = toAsk(ask).items.map((item) => item.descriptorId)
    // Marked before it leaves: the person's node may answer before the send returns, and its outcome is
    // taken only for an ask that awaits one.
    setAskState(db, askId, approve ? 'approved' : 'declined')
    try {
      await sendOnConnection(
        agentContext,
        mandate.connectionId,
        new MandateDecisionMessage({ askId, mandate_id: mandate.id, approve, items }),
      )
    } catch (error) {
      setAskState(db, askId, 'waiting')
      throw new CustosError(
        'PeerUnreachable',
        `The decision could not be sent; decide again: ${(error as Error).message}`,
      )
    }
    changed(agentContext, mandate.id, askId)
    return toAsk(askRow(db, askId)!)
  }

  /** The grantor's node says how an ask ended; only the mandate's own connection can say it. */
  async ended(agentContext: AgentContext, message: MandateOutcomeMessage, connection: DidCommConnectionRecord) {
    const db = appDatabaseOf(agentContext)
    const parsed = outcomeSchema.safeParse(message)
    const ask = askRow(db, message.threadId)
    const mandate = ask && mandateRow(db, ask.mandateId)
    if (!parsed.success) return
    // Only the answer to a decision this node sent moves an ask (or a withdrawal of one still waiting): a
    // refusal of a forged or replayed decision leaves the delegate's own asks as they are.
    const { state, note } = parsed.data
    const awaited =
      ask?.state === 'approved' || ask?.state === 'declined' || (ask?.state === 'waiting' && state === 'withdrawn')
    if (awaited && ask.role === 'delegate' && mandate?.connectionId === connection.id) {
      setAskState(db, ask.id, state, note)
      changed(agentContext, ask.mandateId, ask.id)
    }
    if (state === 'refused') {
      agentContext.dependencyManager.resolve(EventEmitter).emit<MandateRefusedEvent>(agentContext, {
        type: MandateEventTypes.MandateRefused,
        payload: {
          connectionId: connection.id,
          threadId: message.threadId,
          reason: note ?? '',
          by: 'the other node',
        },
      })
    }
  }
}
