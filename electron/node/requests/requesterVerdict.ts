import { EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommProofEventTypes,
  DidCommProofState,
  type DidCommProofExchangeRecord,
  type DidCommProofStateChangedEvent,
} from '@credo-ts/didcomm'

import type { RequestAnswer } from '../../../shared/api'
import { proofsOf, requestMessageOf } from './proofsApi'

/** How long an answer waits for the requester's acknowledgement before the screen says "not confirmed yet". */
export const VERDICT_WAIT_MS = 15_000

/**
 * What became of an answer, from the exchange's own state: the requester acknowledged the presentation
 * (done), refused it with a problem report (abandoned after a presentation was sent: its words are kept
 * as Credo keeps them, `code: text`), has not said yet (presentation-sent), or the node declined.
 */
export async function answerOf(
  agentContext: AgentContext,
  record: DidCommProofExchangeRecord,
): Promise<RequestAnswer | undefined> {
  switch (record.state) {
    case DidCommProofState.Done:
      return { outcome: 'accepted' }
    case DidCommProofState.PresentationSent:
      return { outcome: 'unconfirmed' }
    case DidCommProofState.Declined:
      return { outcome: 'declined' }
    case DidCommProofState.Abandoned: {
      const sent = await proofsOf(agentContext).findPresentationMessage(record.id)
      const reason = record.errorMessage?.replace(/^[a-z-]+: /, '')
      return sent ? { outcome: 'refused', reason } : { outcome: 'declined', reason }
    }
    default:
      return undefined
  }
}

/**
 * Waits until the requester acknowledged or refused the presentation of `id` (or `timeoutMs` passed),
 * so a screen says what the requester did, not only that something was sent.
 */
export async function awaitRequesterVerdict(
  agentContext: AgentContext,
  id: string,
  timeoutMs = VERDICT_WAIT_MS,
): Promise<void> {
  // A requester that said it will not confirm (will_confirm false) is not waited for.
  const request = await requestMessageOf(agentContext, id).catch(() => undefined)
  if (request && (request as { willConfirm?: boolean }).willConfirm === false) return
  const events = agentContext.dependencyManager.resolve(EventEmitter)
  await new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      events.off<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, listener)
      resolve()
    }
    const listener = ({ payload }: DidCommProofStateChangedEvent) => {
      if (payload.proofRecord.id === id && payload.proofRecord.state !== DidCommProofState.PresentationSent) finish()
    }
    const timer = setTimeout(finish, timeoutMs)
    events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, listener)
    // The verdict may have come before the listener was on.
    proofsOf(agentContext)
      .findById(id)
      .then((record) => {
        if (!record || record.state !== DidCommProofState.PresentationSent) finish()
      }, finish)
  })
}
