import type { AgentContext } from '@credo-ts/core'
import type { z } from 'zod'

import {
  policyInputSchema,
  type ConsentPolicy,
  type PolicyInput,
  type ProofRequestSummary,
  type rememberSchema,
} from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { awaitRequesterVerdict, RequestsService, type OmitClaims } from '../requests'
import { ConsentService } from './ConsentService'
import { durationDays } from '../vocabulary'
import { gatherFacts } from './gatherFacts'
import { dpvPurposes } from '../vocabulary'

export type Remember = z.output<typeof rememberSchema>

export interface RememberChoice {
  requestId: string
  action: 'share' | 'refuse'
  remember: Remember
  /** Descriptors the person left out: the answer and the policy both name only the rest. */
  omit?: readonly string[]
  /** Statements the person left out of a document, by descriptor: left out of the policy too. */
  omitClaims?: OmitClaims
  /** The policy's name in the person's language (the renderer's catalogue); a plain one otherwise. */
  name?: string
}

/**
 * The policy that remembering this answer would save, without saving it or sending anything: exactly
 * what the answer releases (the items kept, the claims that leave of each), to this requester (or the
 * role the person chose), for the purpose the request states and for no longer than its retention.
 * Throws the node's typed errors for what could not be remembered or answered, so nothing is sent.
 */
export async function rememberedPolicy(agentContext: AgentContext, choice: RememberChoice): Promise<PolicyInput> {
  const { requestId, action, remember, omit = [], omitClaims = {} } = choice
  const { facts, summary, proposal } = await gatherFacts(agentContext, requestId, dpvPurposes())
  if (facts.purposes.length === 0) {
    throw new InvalidInputError('The request states no purpose from the vocabulary, so no policy can name it.')
  }
  const requests = agentContext.dependencyManager.resolve(RequestsService)
  // Checked before anything is sent, so a subset the node or the request would refuse leaves nothing behind.
  const kept =
    action === 'share'
      ? (await requests.keep(agentContext, proposal, omit)).map((item) => item.descriptorId)
      : undefined
  const connectionId = summary.connectionId
  if (remember.who.kind === 'connection' && !connectionId)
    throw new InvalidInputError('The request came over no connection.')
  const when = { ...remember.when }
  const stated = summary.retention && durationDays(summary.retention) !== undefined ? summary.retention : undefined
  // Never longer than the requester stated: the person agreed to that retention, not to a longer one.
  if (stated && (!when.maxRetention || (durationDays(when.maxRetention) ?? 0) > (durationDays(stated) ?? 0))) {
    when.maxRetention = stated
  }
  const input = policyInputSchema.parse({
    name:
      choice.name ??
      `${action === 'share' ? 'Share with' : 'Refuse'} ${summary.requester ?? 'requester'}: ${summary.purpose ?? facts.purposes[0]}`,
    who: remember.who.kind === 'role' ? remember.who : { kind: 'connection', connectionId: connectionId ?? '' },
    what: facts.items
      .filter((item) => item.held && (!kept || kept.includes(item.descriptorId)))
      .map((item) => {
        const claims = item.claims.filter((claim) => !omitClaims[item.descriptorId]?.includes(claim))
        return { type: item.types.at(-1) ?? 'VerifiableCredential', claims: claims.length ? claims : ['id'] }
      }),
    why: facts.purposes,
    when,
    action,
    beyond: 'ask',
  })
  if (input.what.length === 0)
    throw new InvalidInputError('Nothing held answers the request; a policy would name nothing.')
  return input
}

/**
 * The person answers a waiting request and keeps the answer as a policy. The policy is saved only once
 * the answer succeeded: a share when the requester acknowledged the presentation (a refusal, or no word
 * in time, saves nothing and `policy` is absent), a refusal once it was sent.
 */
export async function answerAndRemember(
  agentContext: AgentContext,
  choice: RememberChoice,
): Promise<{ request: ProofRequestSummary; policy?: ConsentPolicy }> {
  const input = await rememberedPolicy(agentContext, choice)
  const requests = agentContext.dependencyManager.resolve(RequestsService)
  const share = choice.action === 'share'
  await requests.answer(
    agentContext,
    choice.requestId,
    share ? { approve: true, omit: [...(choice.omit ?? [])], omitClaims: choice.omitClaims } : { approve: false },
  )
  if (share) await awaitRequesterVerdict(agentContext, choice.requestId)
  const request = await requests.get(agentContext, choice.requestId)
  const succeeded = share ? request.answer?.outcome === 'accepted' : true
  if (!succeeded) return { request }
  return { request, policy: agentContext.dependencyManager.resolve(ConsentService).create(agentContext, input) }
}
