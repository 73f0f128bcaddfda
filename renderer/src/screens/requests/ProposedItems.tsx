import type { ProposedAnswer } from '../../../../shared/api'
import { claimText } from '../myData/claimsText'

/** Exactly what would leave, per asked item; claims beyond what was asked are marked as such. */
export function ProposedItems({ proposal }: { proposal: ProposedAnswer }) {
  return (
    <div data-testid="proposal">
      {proposal.items.map((item) => (
        <section key={item.descriptorId} aria-label={`Would share for ${item.name ?? item.descriptorId}`}>
          <h4>{item.name ?? item.descriptorId}</h4>
          <ul className="leaving">
            {Object.entries(item.claimsLeaving).map(([key, value]) => (
              <li key={key}>
                <strong>{key}</strong>: {claimText(value)}
                {!item.claimsAsked.includes(key) && <em> (not asked for, but signed together with the rest)</em>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {proposal.missing.length > 0 && (
        <p role="alert" className="note note-error">
          You do not hold: {proposal.missing.map((item) => item.name ?? item.descriptorId).join(', ')}. Sharing is not
          possible; declining tells the requester what is missing.
        </p>
      )}
    </div>
  )
}
