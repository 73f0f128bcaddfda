import type { AgreementTerms, Position } from '../../../shared/api'
import type { DataList } from '../privacyProfile'

/** A company's data list as the privacy profile reads a request. */
export function asDataList(terms: AgreementTerms): DataList {
  return {
    purposes: terms.purposes,
    retention: terms.retention,
    thirdParties: terms.third_parties,
    profiling: terms.profiling,
    items: terms.items.map((item) => ({
      descriptorId: item.id,
      types: item.types,
      claims: item.claims,
      optional: !item.required,
    })),
  }
}

/**
 * The offer with the position's counter-offer applied: optional items in conflict left out, retention
 * shortened, excluded purposes, third parties and profiling refused. The next revision on the thread.
 */
export function counterTerms(offered: AgreementTerms, position: Position): AgreementTerms {
  const offer = position.counterOffer
  const declined = new Set(offer.decline)
  const refused = new Set(offer.refusePurposes)
  return {
    ...offered,
    revision: offered.revision + 1,
    purposes: offered.purposes.filter((purpose) => !refused.has(purpose)),
    retention: offer.retention ?? offered.retention,
    third_parties: offer.noThirdParties ? [] : offered.third_parties,
    profiling: offer.noProfiling ? false : offered.profiling,
    items: offered.items.filter((item) => !declined.has(item.id)),
  }
}
