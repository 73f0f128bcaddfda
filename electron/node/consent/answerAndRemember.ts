import type { AgentContext } from '@credo-ts/core'
import type { z } from 'zod'

import type { ConsentPolicy, PolicyInput, rememberSchema } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { keptItems, RequestsService } from '../requests'
import { ConsentService } from './ConsentService'
import { durationDays } from './durations'
import { gatherFacts } from './gatherFacts'
import { dpvPurposes } from './purposes'

export type Remember = z.output<typeof rememberSchema>

/**
 * The person answers a waiting request and keeps the answer as a policy: it names exactly what this
 * answer releases, for the purpose and (as the longest) the retention the requester stated. The policy
 * is made first; if it cannot be (no purpose from the vocabulary), nothing is sent.
 */
export async function answerAndRemember(
  agentContext: AgentContext,
  requestId: string,
  action: 'share' | 'refuse',
  remember: Remember,
  /** Descriptors the person left out: the answer and the policy both name only the rest. */
  omit: readonly string[] = [],
): Promise<ConsentPolicy> {
  const { facts, summary, proposal } = await gatherFacts(agentContext, requestId, dpvPurposes())
  if (facts.purposes.length === 0) {
    throw new InvalidInputError('The request states no purpose from the vocabulary, so no policy can name it.')
  }
  // Checked before the policy is made, so a subset the node would refuse leaves no policy behind either.
  const kept = action === 'share' ? keptItems(proposal, omit).map((item) => item.descriptorId) : undefined
  const connectionId = summary.connectionId
  if (remember.who.kind === 'connection' && !connectionId)
    throw new InvalidInputError('The request came over no connection.')
  const when = { ...remember.when }
  if (!when.maxRetention && summary.retention && durationDays(summary.retention) !== undefined) {
    when.maxRetention = summary.retention
  }
  const input: PolicyInput = {
    name: `${action === 'share' ? 'Share with' : 'Refuse'} ${summary.requester ?? 'requester'}: ${summary.purpose ?? facts.purposes[0]}`,
    who: remember.who.kind === 'role' ? remember.who : { kind: 'connection', connectionId: connectionId ?? '' },
    what: facts.items
      .filter((item) => item.held && (!kept || kept.includes(item.descriptorId)))
      .map((item) => ({
        type: item.types.at(-1) ?? 'VerifiableCredential',
        claims: item.claims.length ? item.claims : ['id'],
      })),
    why: facts.purposes,
    when,
    action,
    beyond: 'ask',
  }
  if (input.what.length === 0)
    throw new InvalidInputError('Nothing held answers the request; a policy would name nothing.')
  const policy = agentContext.dependencyManager.resolve(ConsentService).create(agentContext, input)
  await agentContext.dependencyManager
    .resolve(RequestsService)
    .answer(agentContext, requestId, action === 'share' ? { approve: true, omit: [...omit] } : { approve: false })
  return policy
}
