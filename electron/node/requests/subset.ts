import type { DifPresentationExchangeDefinition } from '@credo-ts/core'

import type { AnswerItem, AskedItem, ProposedAnswer } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { allowsSubmission } from './submissionRules'

/**
 * The items of a proposal that remain after the person left some out (`omit`, by descriptor id), or a
 * typed error a person can read: an item the request does not ask, nothing left to send, a subset the
 * request does not allow (its requester would refuse it: DIF PE's submission requirements), or an item
 * kept that nothing held answers. The person's answer and a policy made from it both go through here,
 * so the node says the same thing whichever way the person shares.
 */
export function keptItems(
  proposal: ProposedAnswer,
  omit: readonly string[],
  definition: DifPresentationExchangeDefinition,
): AnswerItem[] {
  const unknown = omit.filter((id) => !proposal.items.some((item) => item.descriptorId === id))
  if (unknown.length > 0) throw new InvalidInputError(`The request asks nothing as ${unknown.join(', ')}.`)
  const kept = proposal.items.filter((item) => !omit.includes(item.descriptorId))
  if (kept.length === 0) throw new InvalidInputError('Approving nothing is declining: decline the request instead.')
  const keptIds = kept.map((item) => item.descriptorId)
  if (!allowsSubmission(definition, keptIds)) {
    throw new CustosError(
      'SubsetNotAllowed',
      'Nothing was sent. The request does not accept an answer with this little of what it asks: share more of it, or decline.',
    )
  }
  const missing = proposal.missing.filter((item) => !omit.includes(item.descriptorId))
  if (missing.length > 0) {
    throw new CustosError(
      'RequestNotSatisfiable',
      `Nothing was sent. ${declineReason(missing)} Untick what you do not hold to share the rest.`,
    )
  }
  return kept
}

/** What a problem report says when the node does not hold what was asked: the items and claims, no values. */
export function declineReason(missing: AskedItem[]): string {
  if (missing.length === 0) return 'The person declined the request.'
  const items = missing.map((item) => `${item.name ?? item.descriptorId} (${item.claims.join(', ')})`)
  return `Not held: ${items.join('; ')}.`
}
