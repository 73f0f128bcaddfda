import { useTranslation } from 'react-i18next'

import type { HeldCredential, PresentationRequestSummary, QueryChoice } from '../../../../shared/api'
import { formatDate, formatList } from '../../i18n/format'
import { claimText } from '../myData/claimsText'
import { isIncluded, type Picks } from './answerChoice'
import { claimName, heldName } from './issuerNames'

/**
 * The choices an OpenID4VP request leaves to the person, and only those: which of several matching
 * credentials answers a query, which of the statements it accepts (its claim sets), and whether an item
 * its credential sets make optional goes at all.
 */
export function AnswerChoices({
  request,
  held,
  picks,
  onPick,
}: {
  request: PresentationRequestSummary
  held: HeldCredential[]
  picks: Picks
  onPick(picks: Picks): void
}) {
  const { t } = useTranslation()
  const offered = request.choices.filter(
    (choice) => choice.candidates.length > 1 || choice.claimSets.length > 1 || choice.omittable,
  )
  if (offered.length === 0) return null

  const itemName = (choice: QueryChoice) => {
    const credential = held.find((candidate) => candidate.id === choice.candidates[0])
    return credential ? heldName(credential) : choice.queryId
  }
  // Candidates of one kind are told apart by the values the request asks, then by when they were issued.
  const candidateLabel = (choice: QueryChoice, id: string) => {
    const credential = held.find((candidate) => candidate.id === id)
    if (!credential) return id
    const asked = request.asked.find((item) => item.descriptorId === choice.queryId)?.claims ?? []
    const values = asked
      .map((claim) => claim.split('.')[0])
      .filter((claim) => claim in credential.claims)
      .map((claim) => `${claimName(claim, credential.display)}: ${claimText(credential.claims[claim])}`)
    return [heldName(credential), ...values, formatDate(credential.provenance.issuedAt)].join(' · ')
  }

  return (
    <div className="answer-choices">
      {offered.map((choice) => {
        const included = isIncluded(request, picks, choice.queryId)
        const name = itemName(choice)
        const group = `${request.id}-${choice.queryId}`
        return (
          <fieldset key={choice.queryId}>
            <legend>{name}</legend>
            {choice.omittable && (
              <p>
                <input
                  type="checkbox"
                  id={`${group}-share`}
                  checked={included}
                  onChange={() => onPick({ ...picks, included: { ...picks.included, [choice.queryId]: !included } })}
                />
                <label htmlFor={`${group}-share`}>{t('openid4vc.shareItem', { item: name })}</label>{' '}
                <span className="hint">{t('openid4vc.mayLeaveOut')}</span>
              </p>
            )}
            {included && choice.candidates.length > 1 && (
              <div role="radiogroup" aria-label={t('openid4vc.whichOne', { item: name })}>
                {choice.candidates.map((id) => (
                  <label key={id} className="choice">
                    <input
                      type="radio"
                      name={`${group}-credential`}
                      checked={(picks.credential[choice.queryId] ?? choice.candidates[0]) === id}
                      onChange={() => onPick({ ...picks, credential: { ...picks.credential, [choice.queryId]: id } })}
                    />{' '}
                    {candidateLabel(choice, id)}
                  </label>
                ))}
              </div>
            )}
            {included && choice.claimSets.length > 1 && (
              <div role="radiogroup" aria-label={t('openid4vc.whatToShow')}>
                {choice.claimSets.map((set) => (
                  <label key={set.index} className="choice">
                    <input
                      type="radio"
                      name={`${group}-claims`}
                      checked={(picks.claimSet[choice.queryId] ?? choice.claimSets[0].index) === set.index}
                      onChange={() =>
                        onPick({ ...picks, claimSet: { ...picks.claimSet, [choice.queryId]: set.index } })
                      }
                    />{' '}
                    {formatList(set.claims.map((claim) => claimName(claim, undefined)))}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        )
      })}
    </div>
  )
}
