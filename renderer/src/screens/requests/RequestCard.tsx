import { useState } from 'react'

import type { ProofRequestSummary, ProposedAnswer } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { ProposedItems } from './ProposedItems'
import { RequestTerms } from './RequestTerms'
import { Warnings } from './Warnings'

/**
 * One waiting request: who asks, for what purpose, how long they keep it and on what legal basis; then
 * exactly what would leave, before anything does. Declining tells the requester (a problem report).
 */
export function RequestCard({
  request,
  onAnswered,
}: {
  request: ProofRequestSummary
  /** With what happened, in words: the card itself leaves the list once the request is answered. */
  onAnswered(outcome: string): void
}) {
  const [proposal, setProposal] = useState<ProposedAnswer>()
  // Items the person unticked; what they do not hold starts unticked, as it cannot leave anyway.
  const [omit, setOmit] = useState<string[]>([])
  const look = useAction()
  const answer = useAction()
  const who = request.requester ?? 'A connection'

  async function propose() {
    const proposed = await look.run(() => apiClient()['requests.propose']({ id: request.id }))
    setOmit(proposed?.missing.map((item) => item.descriptorId) ?? [])
    setProposal(proposed)
  }

  function toggle(descriptorId: string) {
    answer.clearError()
    setOmit((current) =>
      current.includes(descriptorId) ? current.filter((id) => id !== descriptorId) : [...current, descriptorId],
    )
  }

  // Said with the outcome, so the person reads back what they chose to keep.
  const keptBack = omit.length > 0 ? ` You kept back ${omit.length} item(s).` : ''

  async function decide(approve: boolean) {
    const done = await answer.run(() =>
      approve
        ? apiClient()['requests.approve']({ id: request.id, omit })
        : apiClient()['requests.decline']({ id: request.id }),
    )
    if (done) onAnswered(approve ? `Shared with ${who}.${keptBack}` : `Declined; ${who} was told.`)
  }

  // The same answer, and a policy that gives it to this connection's like requests from now on.
  async function remember() {
    const result = await answer.run(() =>
      apiClient()['consent.answerAndRemember']({
        requestId: request.id,
        action: 'share',
        remember: { who: { kind: 'connection' }, when: {} },
        omit,
      }),
    )
    if (result?.policy) onAnswered(`Shared with ${who}, and remembered as the policy “${result.policy.name}”.${keptBack}`)
  }

  const anyHeld = proposal?.items.some((item) => item.credentialId !== undefined) ?? false

  return (
    <li className="card request" aria-label={`Request from ${who}`}>
      <h3>{who} asks for your data</h3>
      <RequestTerms request={request} />
      <Warnings requestId={request.id} />
      {!proposal && (
        <button type="button" onClick={() => void propose()} disabled={look.busy}>
          See what would be shared
        </button>
      )}
      <Progress busy={look.busy}>Finding what you hold that answers it…</Progress>
      <ErrorNote error={look.error} />
      {proposal && <ProposedItems proposal={proposal} omit={omit} onToggle={toggle} />}
      {proposal && (
        <div className="actions">
          {anyHeld && (
            <button type="button" onClick={() => void decide(true)} disabled={answer.busy}>
              Share
            </button>
          )}
          {anyHeld && request.connectionId && (
            <button type="button" onClick={() => void remember()} disabled={answer.busy}>
              Share and remember
            </button>
          )}
          <button type="button" onClick={() => void decide(false)} disabled={answer.busy}>
            Decline
          </button>
        </div>
      )}
      <Progress busy={answer.busy}>Answering…</Progress>
      <ErrorNote error={answer.error} />
    </li>
  )
}
