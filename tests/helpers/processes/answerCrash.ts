import type { Agent } from '@credo-ts/core'

import { ANSWER_RECORDER, type AnswerRecorder } from '../../../electron/node/requests'

/**
 * The steps of an answer, in the order the node takes them (requests/RequestsService.present):
 * - `before-entry`: the answer was decided, nothing written or sent yet;
 * - `entry-written`: the history entry is saved as pending, nothing sent;
 * - `answer-left`: the requester took the answer over HTTP, the entry still says pending;
 * - `entry-settled`: the entry says sent.
 */
export const ANSWER_STEPS = ['before-entry', 'entry-written', 'answer-left', 'entry-settled'] as const
export type AnswerStep = (typeof ANSWER_STEPS)[number]

/**
 * Fault injection for the crash test, not a mock: the node's own recorder (the port requests/ answers
 * through, a singleton) is wrapped so the process SIGKILLs itself at `step`, as a power cut would there.
 */
export function crashAtAnswerStep(agent: Agent, step: AnswerStep): void {
  const recorder = agent.dependencyManager.resolve<AnswerRecorder>(ANSWER_RECORDER)
  const die = () => process.kill(process.pid, 'SIGKILL')
  const beforeSending = recorder.beforeSending.bind(recorder)
  const sent = recorder.sent.bind(recorder)
  recorder.beforeSending = async (agentContext, requestId, claimsLeft) => {
    if (step === 'before-entry') die()
    const entry = await beforeSending(agentContext, requestId, claimsLeft)
    if (step === 'entry-written') die()
    return entry
  }
  recorder.sent = (agentContext, entryId) => {
    if (step === 'answer-left') die()
    sent(agentContext, entryId)
    if (step === 'entry-settled') die()
  }
}
