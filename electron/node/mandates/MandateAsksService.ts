import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'

import type { MandateAsk } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { sendOnConnection } from '../connections'
import { gatherFacts } from '../consent'
import { appDatabaseOf } from '../db'
import { RequestsService } from '../requests'
import { dpvPurposes } from '../vocabulary'
import { carryOut } from './carryOut'
import { allAsks, allMandates, askRow, mandateRow, setAskState, toAsk, usedInWindow, type Asked } from './mandateStore'
import { coverage } from './mandateScope'
import { mandateAsks } from './mandateTables'
import { MandateEventTypes, type MandateRefusedEvent } from './MandatesEvents'
import { MandateAskMessage, MandateDecisionMessage, MandateOutcomeMessage } from './protocol'
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
 * Requests put to a delegate: on the grantor's node a waiting request within a live mandate is put as an
 * ask (what is asked, never the data) and the delegate's decision is checked again here before anything
 * leaves (carryOut); on the delegate's node the ask waits for the delegate, who decides.
 */
@injectable()
export class MandateAsksService {
  constructor(@inject(RequestsService) private readonly requests: RequestsService) {}

  list(agentContext: AgentContext): MandateAsk[] {
    return allAsks(appDatabaseOf(agentContext)).map(toAsk)
  }

  /** A request that waits for the person: put to the delegate of the first live mandate that covers it. */
  async put(agentContext: AgentContext, requestId: string): Promise<void> {
    const db = appDatabaseOf(agentContext)
    const live = allMandates(db).filter((row) => row.role === 'grantor' && row.status === 'active')
    if (live.length === 0) return
    const vocabulary = dpvPurposes()
    const { facts, summary, proposal } = await gatherFacts(agentContext, requestId, vocabulary)
    const row = live.find(
      (m) => coverage(facts, m, usedInWindow(db, m.id, JSON.parse(m.scope), facts.at), vocabulary).covered,
    )
    if (!row) return
    const asked: Asked = {
      requester: summary.requester ?? 'unknown requester',
      purpose: summary.purpose,
      retention: summary.retention,
      items: proposal.items.map((item) => ({
        descriptorId: item.descriptorId,
        name: item.name,
        types: item.types ?? [],
        claims: Object.keys(item.claimsLeaving).filter((claim) => claim !== 'id'),
      })),
    }
    const message = new MandateAskMessage({ mandate_id: row.id, asked })
    db.insert(mandateAsks)
      .values({
        id: message.id,
        mandateId: row.id,
        role: 'grantor',
        requestId,
        asked: JSON.stringify(asked),
        state: 'waiting',
        askedAt: facts.at,
      })
      .run()
    await sendOnConnection(agentContext, row.connectionId, message)
    changed(agentContext, row.id, message.id)
  }

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
    await sendOnConnection(
      agentContext,
      mandate.connectionId,
      new MandateDecisionMessage({ askId, mandate_id: mandate.id, approve, items }),
    )
    setAskState(db, askId, approve ? 'approved' : 'declined')
    changed(agentContext, mandate.id, askId)
    return toAsk(askRow(db, askId)!)
  }

  /** On the grantor's node: a delegate's decision, checked in full before anything is carried out. */
  async decided(agentContext: AgentContext, message: MandateDecisionMessage, connection: DidCommConnectionRecord) {
    await carryOut(agentContext, this.requests, message, connection)
  }

  /** The grantor's node says how an ask ended; only the mandate's own connection can say it. */
  async ended(agentContext: AgentContext, message: MandateOutcomeMessage, connection: DidCommConnectionRecord) {
    const db = appDatabaseOf(agentContext)
    const parsed = outcomeSchema.safeParse(message)
    const ask = askRow(db, message.threadId)
    const mandate = ask && mandateRow(db, ask.mandateId)
    // An ask that ended stays as it ended: a refusal of a replayed decision does not undo a done.
    const open = ask && !['done', 'refused', 'withdrawn'].includes(ask.state)
    if (parsed.success && open && ask.role === 'delegate' && mandate?.connectionId === connection.id) {
      setAskState(db, ask.id, parsed.data.state, parsed.data.note)
      changed(agentContext, ask.mandateId, ask.id)
    } else if (parsed.success && parsed.data.state === 'refused') {
      agentContext.dependencyManager.resolve(EventEmitter).emit<MandateRefusedEvent>(agentContext, {
        type: MandateEventTypes.MandateRefused,
        payload: {
          connectionId: connection.id,
          threadId: message.threadId,
          reason: parsed.data.note ?? '',
          by: 'the other node',
        },
      })
    }
  }

  /** The person answered a request themselves: what waits for the delegate about it is withdrawn. */
  async answeredByPerson(agentContext: AgentContext, requestId: string): Promise<void> {
    const db = appDatabaseOf(agentContext)
    const waiting = db
      .select()
      .from(mandateAsks)
      .where(and(eq(mandateAsks.requestId, requestId), eq(mandateAsks.state, 'waiting')))
      .all()
    for (const ask of waiting) {
      setAskState(db, ask.id, 'withdrawn', 'The person answered this request themselves.')
      const mandate = mandateRow(db, ask.mandateId)!
      await sendOnConnection(
        agentContext,
        mandate.connectionId,
        new MandateOutcomeMessage({
          askId: ask.id,
          state: 'withdrawn',
          note: 'The person answered this request themselves.',
        }),
      )
      changed(agentContext, ask.mandateId, ask.id)
    }
  }
}
