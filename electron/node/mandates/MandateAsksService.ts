import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'
import { and, eq } from 'drizzle-orm'

import type { MandateAsk } from '../../../shared/api'
import { sendOnConnection } from '../connections'
import { gatherFacts } from '../consent'
import { appDatabaseOf } from '../db'
import { RequestsService } from '../requests'
import { dpvPurposes } from '../vocabulary'
import { carryOut } from './carryOut'
import { allAsks, allMandates, mandateRow, setAskState, toAsk, usedInWindow, type Asked } from './mandateStore'
import { coverage } from './mandateScope'
import { member } from './members'
import { mandateAsks } from './mandateTables'
import { MandateEventTypes, type RequestConsideredEvent } from './MandatesEvents'
import { MandateAskMessage, MandateDecisionMessage, MandateOutcomeMessage } from './protocol'
import { changed } from './refusals'

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
    const put = await this.putUnderMandate(agentContext, requestId)
    agentContext.dependencyManager.resolve(EventEmitter).emit<RequestConsideredEvent>(agentContext, {
      type: MandateEventTypes.RequestConsidered,
      payload: { requestId, ...put },
    })
  }

  private async putUnderMandate(agentContext: AgentContext, requestId: string) {
    const db = appDatabaseOf(agentContext)
    const live = []
    // A mandate to someone who is no longer a member decides nothing: leaving ends delegation too.
    for (const row of allMandates(db)) {
      if (row.role === 'grantor' && row.status === 'active' && (await member(agentContext, row.connectionId)))
        live.push(row)
    }
    if (live.length === 0) return {}
    const vocabulary = dpvPurposes()
    const { facts, summary, proposal } = await gatherFacts(agentContext, requestId, vocabulary)
    const row = live.find(
      (m) => coverage(facts, m, usedInWindow(db, m.id, JSON.parse(m.scope), facts.at), vocabulary).covered,
    )
    if (!row) return {}
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
    try {
      await sendOnConnection(agentContext, row.connectionId, message)
    } catch (error) {
      // Never reached the delegate: it waits for the person alone, as if no mandate covered it.
      setAskState(
        db,
        message.id,
        'withdrawn',
        `The delegate's device could not be reached: ${(error as Error).message}`,
      )
      changed(agentContext, row.id, message.id)
      return {}
    }
    changed(agentContext, row.id, message.id)
    return { mandateId: row.id, askId: message.id }
  }

  /** On the grantor's node: a delegate's decision, checked in full before anything is carried out. */
  async decided(agentContext: AgentContext, message: MandateDecisionMessage, connection: DidCommConnectionRecord) {
    await carryOut(agentContext, this.requests, message, connection)
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
