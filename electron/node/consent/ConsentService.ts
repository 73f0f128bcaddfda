import { randomUUID } from 'node:crypto'

import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { asc, eq } from 'drizzle-orm'

import type { ConsentEvaluation, ConsentPolicy, PolicyInput, PolicyStatus } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { ConsentEventTypes, type PolicyChangedEvent } from './ConsentEvents'
import { consentEvaluations } from './consentTables'
import { addVersion, currentPolicies, insertPolicy, policyById, policyVersions, setStatus } from './policyStore'
import { dpvPurposes } from '../vocabulary'

/** Standing consent policies and their recorded evaluations, in the app database. Stateless. */
@injectable()
export class ConsentService {
  constructor(@inject(EventEmitter) private readonly events: EventEmitter) {}

  list(agentContext: AgentContext): ConsentPolicy[] {
    return currentPolicies(appDatabaseOf(agentContext))
  }

  get(agentContext: AgentContext, id: string): ConsentPolicy {
    return policyById(appDatabaseOf(agentContext), id)
  }

  history(agentContext: AgentContext, id: string): ConsentPolicy[] {
    return policyVersions(appDatabaseOf(agentContext), id)
  }

  create(agentContext: AgentContext, input: PolicyInput): ConsentPolicy {
    checkPurposes(input)
    const id = randomUUID()
    const db = appDatabaseOf(agentContext)
    db.transaction((tx) => insertPolicy(tx, id, input, new Date().toISOString()))
    return this.changed(agentContext, id, 'created')
  }

  update(agentContext: AgentContext, id: string, input: PolicyInput): ConsentPolicy {
    checkPurposes(input)
    appDatabaseOf(agentContext).transaction((tx) => addVersion(tx, id, input, new Date().toISOString()))
    return this.changed(agentContext, id, 'edited')
  }

  pause(agentContext: AgentContext, id: string): ConsentPolicy {
    return this.move(agentContext, id, ['active'], 'paused', 'paused')
  }

  resume(agentContext: AgentContext, id: string): ConsentPolicy {
    return this.move(agentContext, id, ['paused'], 'active', 'resumed')
  }

  /** At once: the next evaluation reads the new status, so a request arriving right after is refused. */
  revoke(agentContext: AgentContext, id: string): ConsentPolicy {
    return this.move(agentContext, id, ['active', 'paused'], 'revoked', 'revoked')
  }

  evaluations(agentContext: AgentContext, requestId: string): ConsentEvaluation[] {
    return appDatabaseOf(agentContext)
      .select()
      .from(consentEvaluations)
      .where(eq(consentEvaluations.requestId, requestId))
      .orderBy(asc(consentEvaluations.evaluatedAt))
      .all()
      .map((row) => {
        const trace = JSON.parse(row.trace) as Pick<ConsentEvaluation, 'considered' | 'reason' | 'position'>
        const decidedBy =
          row.policyId && row.policyVersion ? { policyId: row.policyId, version: row.policyVersion } : undefined
        return { requestId, evaluatedAt: row.evaluatedAt, outcome: row.outcome, decidedBy, ...trace }
      })
  }

  private move(
    agentContext: AgentContext,
    id: string,
    from: PolicyStatus[],
    to: PolicyStatus,
    change: PolicyChangedEvent['payload']['change'],
  ): ConsentPolicy {
    const db = appDatabaseOf(agentContext)
    db.transaction((tx) => {
      const policy = policyById(tx, id)
      if (!from.includes(policy.status)) {
        throw new CustosError('InvalidInput', `The policy is ${policy.status}; it cannot be ${change}.`)
      }
      setStatus(tx, id, to)
    })
    return this.changed(agentContext, id, change)
  }

  private changed(agentContext: AgentContext, id: string, change: PolicyChangedEvent['payload']['change']) {
    const policy = this.get(agentContext, id)
    this.events.emit<PolicyChangedEvent>(agentContext, {
      type: ConsentEventTypes.PolicyChanged,
      payload: { policy, change },
    })
    return policy
  }
}

function checkPurposes(input: PolicyInput): void {
  const vocabulary = dpvPurposes()
  const unknown = input.why.filter((purpose) => !vocabulary.has(purpose))
  if (unknown.length > 0) throw new InvalidInputError(`Not purposes of the bundled DPV list: ${unknown.join(', ')}.`)
}
