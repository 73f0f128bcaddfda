import type { AgentContext } from '@credo-ts/core'

import type { ProofRequestSummary } from '../../../shared/api'

/**
 * The history's side of answering a request. requests/ sits below disclosures/, so it names here what it
 * needs and disclosures/ registers the implementation. The entry is written before the answer leaves and
 * completed after it, so a crash at any point leaves a true record (disclosures/ settles what a crash
 * left pending when the node starts again).
 */
export interface AnswerRecorder {
  /** Written, durably, before anything leaves; returns the entry's id. `summary`: the request as just read. */
  beforeSending(
    agentContext: AgentContext,
    requestId: string,
    claimsLeft: Record<string, string[]>,
    summary?: ProofRequestSummary,
  ): Promise<string>
  /** The answer left. */
  sent(agentContext: AgentContext, entryId: string): void
  /** The answer did not leave; `reason` says why in words. */
  notSent(agentContext: AgentContext, entryId: string, reason: string): void
}

export const ANSWER_RECORDER = Symbol('AnswerRecorder')
