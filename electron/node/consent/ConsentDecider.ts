import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { and, eq } from 'drizzle-orm'

import type { ConsentEvaluation } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { RequestsService } from '../requests'
import { ConsentEventTypes, type RequestEvaluatedEvent } from './ConsentEvents'
import { consentEvaluations } from './consentTables'
import { gatherFacts } from './gatherFacts'
import { dpvPurposes } from '../vocabulary'
import { takeDecision } from './takeDecision'

export const POLICY_REFUSAL = 'Refused under the standing consent policy of the person.'

/**
 * Where requests meet policies: evaluates a waiting proof request once, records why, and acts through
 * the one answering path (RequestsService). A share names exactly the credentials evaluation checked,
 * so nothing leaves that the deciding policy does not name.
 */
@injectable()
export class ConsentDecider {
  constructor(
    @inject(RequestsService) private readonly requests: RequestsService,
    @inject(EventEmitter) private readonly events: EventEmitter,
  ) {}

  async decide(agentContext: AgentContext, requestId: string): Promise<ConsentEvaluation | undefined> {
    const db = appDatabaseOf(agentContext)
    // Decided before (this unlock or an earlier one): not even the facts are gathered again.
    if (db.select().from(consentEvaluations).where(eq(consentEvaluations.requestId, requestId)).get()) return undefined
    const vocabulary = dpvPurposes()
    const { facts, proposal, summary } = await gatherFacts(agentContext, requestId, vocabulary)
    const evaluation = takeDecision(db, requestId, facts, vocabulary)
    if (!evaluation) return undefined
    const requests = this.requests
    let acted: RequestEvaluatedEvent['payload']['acted'] = 'waiting'
    try {
      if (evaluation.outcome === 'share') {
        const choose = Object.fromEntries(facts.items.map((item) => [item.descriptorId, item.credentialId ?? '']))
        await requests.answer(agentContext, requestId, { approve: true, choose }, { proposal, summary })
        acted = 'shared'
      } else if (evaluation.outcome === 'refuse') {
        await requests.answer(
          agentContext,
          requestId,
          { approve: false, reason: POLICY_REFUSAL },
          { proposal, summary },
        )
        acted = 'refused'
      }
    } catch (error) {
      acted = 'failed'
      // Nothing left, so the answer it took is given back to the policy's frequency window.
      db.update(consentEvaluations)
        .set({ taken: false })
        .where(and(eq(consentEvaluations.requestId, requestId), eq(consentEvaluations.taken, true)))
        .run()
      agentContext.config.logger.warn('consent: acting on a decision failed', { error: (error as Error).message })
    }
    this.events.emit<RequestEvaluatedEvent>(agentContext, {
      type: ConsentEventTypes.RequestEvaluated,
      payload: { evaluation, acted },
    })
    return evaluation
  }

  /** Requests that came while nothing could decide them (a crash, a restart) are decided now. */
  async decidePending(agentContext: AgentContext): Promise<void> {
    for (const request of await this.requests.list(agentContext)) {
      await this.decide(agentContext, request.id).catch((error: unknown) => {
        agentContext.config.logger.warn('consent: deciding a pending request failed', {
          error: (error as Error).message,
        })
      })
    }
  }
}
