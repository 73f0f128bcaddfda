import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { PolicyInput, ProofRequestSummary, ProposedAnswer } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { DidCommPosition } from '../privacy/PositionNote'
import { answerText } from './answerText'
import { ProposedItems } from './ProposedItems'
import { RememberPreview } from './RememberPreview'
import { RequestTerms } from './RequestTerms'
import { Requester } from './Requester'
import { Warnings } from './Warnings'

/**
 * One waiting request: who asks and whether a trust list vouches for them, why, how long they keep it,
 * then exactly what would leave, before anything does. What the screen says afterwards is what the
 * requester did with the answer (accepted, refused with its reason, not confirmed yet).
 */
export function RequestCard({
  request,
  onAnswered,
}: {
  request: ProofRequestSummary
  /** With what happened, in words (`refused`: the requester refused the answer): the card then leaves the list. */
  onAnswered(outcome: string, refused: boolean): void
}) {
  const { t } = useTranslation()
  const [proposal, setProposal] = useState<ProposedAnswer>()
  // Items the person unticked; what they do not hold starts unticked, as it cannot leave anyway.
  const [omit, setOmit] = useState<string[]>([])
  // Statements left out inside a document, where the request marks them optional.
  const [omitClaims, setOmitClaims] = useState<Record<string, string[]>>({})
  const [preview, setPreview] = useState<PolicyInput>()
  const [problem, setProblem] = useState<string>()
  const look = useAction()
  const answer = useAction()
  const who = request.requester ?? t('common.aConnection')

  async function propose() {
    const proposed = await look.run(() => apiClient()['requests.propose']({ id: request.id }))
    setOmit(proposed?.missing.map((item) => item.descriptorId) ?? [])
    setProposal(proposed)
  }

  function toggle(descriptorId: string) {
    answer.clearError()
    setProblem(undefined)
    setPreview(undefined)
    setOmit((current) =>
      current.includes(descriptorId) ? current.filter((id) => id !== descriptorId) : [...current, descriptorId],
    )
  }

  function toggleClaim(descriptorId: string, claim: string) {
    answer.clearError()
    setPreview(undefined)
    setOmitClaims((current) => {
      const withheld = current[descriptorId] ?? []
      const next = withheld.includes(claim) ? withheld.filter((c) => c !== claim) : [...withheld, claim]
      return { ...current, [descriptorId]: next }
    })
  }

  // Checked here first, in the person's words: sending nothing is declining.
  function nothingTicked(): boolean {
    const nothing = !!proposal && proposal.items.every((item) => omit.includes(item.descriptorId))
    setProblem(nothing ? t('request.nothingTicked') : undefined)
    return nothing
  }

  async function decide(approve: boolean) {
    if (approve && nothingTicked()) return
    const done = await answer.run(() =>
      approve
        ? apiClient()['requests.approve']({ id: request.id, omit, omitClaims })
        : apiClient()['requests.decline']({ id: request.id }),
    )
    if (done) onAnswered(answerText(t, who, done.answer, omit.length), done.answer?.outcome === 'refused')
  }

  const rememberInput = {
    requestId: request.id,
    action: 'share' as const,
    remember: { who: { kind: 'connection' as const }, when: {} },
    omit,
    omitClaims,
    name: t('request.policyName', { requester: who }),
  }

  // The policy is read in sentences first; it is saved only if the requester accepts the answer.
  async function showPreview() {
    if (nothingTicked()) return
    setPreview(await answer.run(() => apiClient()['consent.previewRemember'](rememberInput)))
  }

  async function remember() {
    const result = await answer.run(() => apiClient()['consent.answerAndRemember'](rememberInput))
    if (!result) return
    const said = answerText(t, who, result.request.answer, omit.length)
    onAnswered(
      result.policy
        ? `${said} ${t('request.remembered', { name: result.policy.name })}`
        : `${said} ${t('request.notRemembered')}`,
      result.request.answer?.outcome === 'refused',
    )
  }

  const anyHeld = proposal?.items.some((item) => item.credentialId !== undefined) ?? false

  return (
    <li className="card request" aria-label={t('request.from', { requester: who })}>
      <Requester who={who} vouchedBy={request.vouchedBy} />
      <RequestTerms request={request} />
      <Warnings requestId={request.id} />
      <DidCommPosition requestId={request.id} asked={request.asked} />
      {!proposal && (
        <button type="button" onClick={() => void propose()} disabled={look.busy}>
          {t('request.see')}
        </button>
      )}
      <Progress busy={look.busy}>{t('request.finding')}</Progress>
      <ErrorNote error={look.error} />
      {proposal && (
        <ProposedItems
          proposal={proposal}
          omit={omit}
          onToggle={toggle}
          omitClaims={omitClaims}
          onToggleClaim={toggleClaim}
        />
      )}
      {preview && <RememberPreview policy={preview} requester={who} />}
      {proposal && (
        <div className="actions">
          {anyHeld && !preview && (
            <button type="button" onClick={() => void decide(true)} disabled={answer.busy}>
              {t('request.share')}
            </button>
          )}
          {anyHeld && request.connectionId && !preview && (
            <button type="button" onClick={() => void showPreview()} disabled={answer.busy}>
              {t('request.shareAndRemember')}
            </button>
          )}
          {preview && (
            <>
              <button type="button" onClick={() => void remember()} disabled={answer.busy}>
                {t('request.confirmRemember')}
              </button>
              <button type="button" onClick={() => setPreview(undefined)} disabled={answer.busy}>
                {t('common.back')}
              </button>
            </>
          )}
          <button type="button" className="secondary" onClick={() => void decide(false)} disabled={answer.busy}>
            {t('request.decline')}
          </button>
        </div>
      )}
      <Progress busy={answer.busy}>{t('request.answering')}</Progress>
      <ErrorNote error={problem ?? answer.error} />
    </li>
  )
}
