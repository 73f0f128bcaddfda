import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { HeldCredential, PresentationRequestSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { ProposedItems } from '../requests/ProposedItems'
import { RequestTerms } from '../requests/RequestTerms'
import { Requester } from '../requests/Requester'
import { PositionNote } from '../privacy/PositionNote'
import { WarningList } from '../requests/Warnings'
import { AnswerChoices } from './AnswerChoices'
import { RenewBatch } from './RenewBatch'
import { isIncluded, noPicks, previewItems, toChoice, type Picks } from './answerChoice'

export function verifierName(request: PresentationRequestSummary, fallback: string): string {
  return request.verifier.statedName ?? fallback
}

/**
 * A waiting OpenID4VP request, on the same card parts as a DIDComm request: who asks and whether a trust
 * list vouches for them, why and for how long, the warnings, then exactly what would leave. Only the
 * claims the query asks leave; the person chooses only where the request allows it (AnswerChoices).
 */
export function PresentationCard({
  request,
  onAnswered,
}: {
  request: PresentationRequestSummary
  /** With what happened, in words (`refused`: the verifier refused the answer); the card then goes. */
  onAnswered(outcome: string, refused: boolean): void
}) {
  const { t } = useTranslation()
  const [seen, setSeen] = useState(false)
  const answer = useAction()
  const who = verifierName(request, t('openid4vc.aVerifier'))
  const anyHeld = request.items.some((item) => item.credentialId !== undefined)
  const [picks, setPicks] = useState<Picks>(noPicks)
  const [held, setHeld] = useState<HeldCredential[]>([])
  const choosing = request.choices.some(
    (choice) => choice.candidates.length > 1 || choice.claimSets.length > 1 || choice.omittable,
  )
  // The candidates are the person's own credentials: named and told apart from what the node holds.
  useEffect(() => {
    if (!choosing) return
    let live = true
    void apiClient()
      ['credentials.list'](undefined)
      .then((credentials) => live && setHeld(credentials))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [choosing])
  const items = previewItems(request, picks, held)
  const omitted = request.choices
    .filter((choice) => !isIncluded(request, picks, choice.queryId))
    .map((choice) => choice.queryId)

  async function decide(approve: boolean) {
    const done = await answer.run(() =>
      approve
        ? apiClient()['openid4vc.approveRequest']({ id: request.id, ...toChoice(request, picks) })
        : apiClient()['openid4vc.declineRequest']({ id: request.id }),
    )
    if (done) {
      onAnswered(t(done.state === 'answered' ? 'request.accepted' : 'request.declined', { requester: who }), false)
    }
  }

  return (
    <li className="card request" aria-label={t('request.from', { requester: who })}>
      <Requester who={who} vouchedBy={request.verifier.vouchedBy} />
      {!request.verifier.proved && <p className="note note-warning">{t('openid4vc.notProved')}</p>}
      <RequestTerms request={request} />
      <WarningList warnings={request.warnings} />
      <RenewBatch warnings={request.warnings} />
      {request.position && <PositionNote position={request.position} asked={request.asked} />}
      {!seen && (
        <button type="button" onClick={() => setSeen(true)}>
          {t('request.see')}
        </button>
      )}
      {seen && (
        <>
          <AnswerChoices request={request} held={held} picks={picks} onPick={setPicks} />
          <ProposedItems
            proposal={{
              requestId: request.id,
              satisfiable: request.satisfiable,
              items,
              missing: request.missing,
            }}
            omit={omitted}
          />
          <div className="actions">
            {anyHeld && request.satisfiable && (
              <button type="button" onClick={() => void decide(true)} disabled={answer.busy}>
                {t('request.share')}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => void decide(false)} disabled={answer.busy}>
              {t('request.decline')}
            </button>
          </div>
        </>
      )}
      <Progress busy={answer.busy}>{t('openid4vc.answering')}</Progress>
      <ErrorNote error={answer.error} />
      <details className="details">
        <summary>{t('openid4vc.howIdentified')}</summary>
        <dl className="claims">
          <div>
            <dt>{t('openid4vc.identity')}</dt>
            <dd>{t(request.verifier.proved ? 'openid4vc.proved' : 'openid4vc.notProvedShort')}</dd>
          </div>
          <div>
            <dt>{t('request.technical')}</dt>
            <dd>
              <code>OpenID4VP 1.0</code> · <code>DCQL</code> · <code>{request.verifier.prefix}</code> ·{' '}
              <code>{request.verifier.clientId}</code>
            </dd>
          </div>
        </dl>
      </details>
    </li>
  )
}
