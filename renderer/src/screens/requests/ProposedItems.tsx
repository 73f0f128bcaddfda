import type { ProposedAnswer } from '../../../../shared/api'
import { claimText } from '../myData/claimsText'

const itemName = (item: { name?: string; descriptorId: string }) => item.name ?? item.descriptorId

/**
 * Exactly what would leave, per asked item, each with a box to leave it out (approving a subset); claims
 * beyond what was asked are marked as such. What the person does not hold cannot be ticked.
 */
export function ProposedItems({
  proposal,
  omit,
  onToggle,
}: {
  proposal: ProposedAnswer
  omit: readonly string[]
  onToggle(descriptorId: string): void
}) {
  const leaving = proposal.items.filter((item) => !omit.includes(item.descriptorId))
  const staying = proposal.items.filter((item) => omit.includes(item.descriptorId))
  return (
    <div data-testid="proposal">
      {proposal.items.map((item) => {
        const held = item.credentialId !== undefined
        const left = omit.includes(item.descriptorId)
        return (
          <section key={item.descriptorId} aria-label={`Would share for ${itemName(item)}`}>
            <h4 className="item-choice">
              <input
                type="checkbox"
                id={`share-${proposal.requestId}-${item.descriptorId}`}
                checked={held && !left}
                disabled={!held}
                onChange={() => onToggle(item.descriptorId)}
              />
              <label htmlFor={`share-${proposal.requestId}-${item.descriptorId}`}>Share {itemName(item)}</label>
            </h4>
            {!held && <p className="hint">You do not hold this.</p>}
            {held && !left && 'document' in item.claimsLeaving && (
              <p className="hint">The document it names (a PDF) goes with it, checked against its signed digest.</p>
            )}
            <ul className={left ? 'leaving not-leaving' : 'leaving'}>
              {Object.entries(item.claimsLeaving).map(([key, value]) => (
                <li key={key}>
                  <strong>{key}</strong>: {claimText(value)}
                  {!item.claimsAsked.includes(key) && <em> (not asked for, but signed together with the rest)</em>}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      <p className="note" aria-live="polite" data-testid="subset-summary">
        {leaving.length > 0
          ? `Will leave: ${leaving.map(itemName).join(', ')}.`
          : 'Nothing is ticked: nothing would leave.'}
        {staying.length > 0 && ` Will not leave: ${staying.map(itemName).join(', ')}.`}
      </p>
      {staying.length > 0 && leaving.length > 0 && (
        <p className="hint">
          The requester asked for every item; it sees which ones you left out and may not accept the answer.
        </p>
      )}
      {proposal.missing.length > 0 && (
        <p role="alert" className="note note-error">
          You do not hold: {proposal.missing.map(itemName).join(', ')}. You can share the rest, or decline: declining
          tells the requester what is missing.
        </p>
      )}
    </div>
  )
}
