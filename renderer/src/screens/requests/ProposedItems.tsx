import { useTranslation } from 'react-i18next'

import type { AnswerItem, ProposedAnswer } from '../../../../shared/api'
import { claimLabel, formatList, formatMonth, typeLabel } from '../../i18n/format'
import { claimText } from '../myData/claimsText'

/**
 * Exactly what would leave, per asked item. An item the request lets the person leave out has a box to
 * untick; the others are required by the request (leaving one out would be refused), so they are said to
 * be, and the only way not to send them is to decline. Values are folded; claims beyond what was asked
 * are marked as such. What the person does not hold cannot be ticked.
 */
export function ProposedItems({
  proposal,
  omit,
  onToggle,
  omitClaims = {},
  onToggleClaim,
}: {
  proposal: ProposedAnswer
  omit: readonly string[]
  /** Absent where the answer is sent whole (OpenID4VP): no boxes, and no item is called required. */
  onToggle?(descriptorId: string): void
  /** Statements left out inside a document, by descriptor (only those the request marks optional). */
  omitClaims?: Readonly<Record<string, readonly string[]>>
  onToggleClaim?(descriptorId: string, claim: string): void
}) {
  const { t } = useTranslation()
  // A statement is told apart from the others by its month.
  const name = (item: AnswerItem) => {
    const type = item.types?.length ? typeLabel(item.types) : (item.name ?? item.descriptorId)
    const period = item.claimsLeaving.period
    return typeof period === 'string' ? `${type} ${formatMonth(period)}` : type
  }
  const leaving = proposal.items.filter((item) => !omit.includes(item.descriptorId))
  const staying = proposal.items.filter((item) => omit.includes(item.descriptorId))
  return (
    <div data-testid="proposal">
      {proposal.items.map((item) => {
        const held = item.credentialId !== undefined
        const left = omit.includes(item.descriptorId)
        const boxId = `share-${proposal.requestId}-${item.descriptorId}`
        return (
          <section key={item.descriptorId} aria-label={t('proposal.wouldShare', { item: name(item) })}>
            <h3 className="item-choice">
              {item.optional && onToggle ? (
                <>
                  <input
                    type="checkbox"
                    id={boxId}
                    checked={held && !left}
                    disabled={!held}
                    onChange={() => onToggle(item.descriptorId)}
                  />
                  <label htmlFor={boxId}>{t('proposal.share', { item: name(item) })}</label>
                </>
              ) : (
                <span>
                  {name(item)} {!item.optional && <span className="hint">({t('proposal.required')})</span>}
                </span>
              )}
            </h3>
            {!held && <p className="hint">{t('proposal.notHeld')}</p>}
            {held && (
              <p className={left ? 'leaving not-leaving' : 'leaving'}>
                {formatList(
                  Object.keys(item.claimsLeaving)
                    .filter((claim) => !omitClaims[item.descriptorId]?.includes(claim))
                    .map(claimLabel),
                )}
              </p>
            )}
            {held && !left && onToggleClaim && (
              <OptionalClaims
                item={item}
                withheld={omitClaims[item.descriptorId] ?? []}
                onToggle={(claim) => onToggleClaim(item.descriptorId, claim)}
              />
            )}
            {held && !left && 'document' in item.claimsLeaving && <p className="hint">{t('proposal.document')}</p>}
            {held && (
              <details className="details">
                <summary>{t('proposal.values')}</summary>
                <ul className="leaving">
                  {Object.entries(item.claimsLeaving).map(([key, value]) => (
                    <li key={key}>
                      <strong>{claimLabel(key)}</strong>: {claimText(value)}
                      {!item.claimsAsked.includes(key) && <em> {t('proposal.notAsked')}</em>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )
      })}
      <p className="note" aria-live="polite" data-testid="subset-summary">
        {leaving.length > 0
          ? t('proposal.willLeave', { items: formatList(leaving.map(name)) })
          : t('proposal.nothingLeaves')}
        {staying.length > 0 && ` ${t('proposal.willNotLeave', { items: formatList(staying.map(name)) })}`}
      </p>
      {proposal.items.every((item) => !item.optional) && proposal.items.length > 1 && (
        <p className="hint">{t('proposal.allRequired')}</p>
      )}
      {proposal.missing.length > 0 && (
        <p role="alert" className="note note-error">
          {t('proposal.missing', { items: formatList(proposal.missing.map((item) => item.name ?? item.descriptorId)) })}
        </p>
      )}
    </div>
  )
}

/** The statements inside one document the request lets the person leave out, each with its own box. */
function OptionalClaims({
  item,
  withheld,
  onToggle,
}: {
  item: AnswerItem
  withheld: readonly string[]
  onToggle(claim: string): void
}) {
  const { t } = useTranslation()
  const optional = item.claimsOptional ?? []
  if (optional.length === 0) return null
  return (
    <fieldset className="claim-choice">
      <legend>{t('proposal.mayLeaveOut')}</legend>
      {optional.map((claim) => {
        const boxId = `claim-${item.descriptorId}-${claim}`
        return (
          <div key={claim}>
            <input type="checkbox" id={boxId} checked={!withheld.includes(claim)} onChange={() => onToggle(claim)} />
            <label htmlFor={boxId}>{t('proposal.shareClaim', { claim: claimLabel(claim) })}</label>
          </div>
        )
      })}
    </fieldset>
  )
}
