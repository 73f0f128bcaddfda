import type { AnswerItem, HeldCredential, PresentationChoice, PresentationRequestSummary } from '../../../../shared/api'

/** The person's picks on an OpenID4VP card, per credential query; absent: the proposal stands. */
export interface Picks {
  credential: Record<string, string>
  claimSet: Record<string, number>
  included: Record<string, boolean>
}

export const noPicks = (): Picks => ({ credential: {}, claimSet: {}, included: {} })

export function isIncluded(request: PresentationRequestSummary, picks: Picks, queryId: string): boolean {
  return picks.included[queryId] ?? request.choices.find((choice) => choice.queryId === queryId)?.proposed ?? true
}

/**
 * What would leave after the picks, for the card to show before sending: the picked credential's values of
 * the claims the picked claim set names (or the proposal's claims). The node builds the answer itself and
 * refuses one the query would not accept; this is only the preview.
 */
export function previewItems(request: PresentationRequestSummary, picks: Picks, held: HeldCredential[]): AnswerItem[] {
  return request.items.map((proposed) => {
    const choice = request.choices.find((candidate) => candidate.queryId === proposed.descriptorId)
    if (!choice) return proposed
    // Whether it may be left out follows the request's credential sets, as the node reads them.
    const item = { ...proposed, optional: choice.omittable }
    const credentialId = picks.credential[item.descriptorId] ?? item.credentialId ?? choice.candidates[0]
    const setIndex = picks.claimSet[item.descriptorId]
    const asked = request.asked.find((candidate) => candidate.descriptorId === item.descriptorId)?.claims ?? []
    const claims =
      setIndex !== undefined
        ? (choice.claimSets.find((set) => set.index === setIndex)?.claims ?? [])
        : item.credentialId
          ? Object.keys(item.claimsLeaving)
          : asked
    const credential = held.find((candidate) => candidate.id === credentialId)
    if (!credential || (credentialId === item.credentialId && setIndex === undefined)) return item
    const names = new Set(claims.map((claim) => claim.split('.')[0]))
    const claimsLeaving = Object.fromEntries(Object.entries(credential.claims).filter(([name]) => names.has(name)))
    return {
      ...item,
      credentialId,
      types: credential.types,
      issuer: credential.provenance.issuer,
      claimsLeaving,
      claimsAsked: Object.keys(claimsLeaving),
    }
  })
}

/** The picks as `openid4vc.approveRequest` takes them; only what the person changed. */
export function toChoice(request: PresentationRequestSummary, picks: Picks): PresentationChoice {
  const omit = request.choices
    .filter((choice) => choice.proposed && !isIncluded(request, picks, choice.queryId))
    .map((choice) => choice.queryId)
  const added = request.choices.filter((choice) => !choice.proposed && isIncluded(request, picks, choice.queryId))
  const choose = {
    ...Object.fromEntries(added.map((choice) => [choice.queryId, choice.candidates[0]])),
    ...Object.fromEntries(Object.entries(picks.credential).filter(([id]) => !omit.includes(id))),
  }
  const claimSets = Object.fromEntries(Object.entries(picks.claimSet).filter(([id]) => !omit.includes(id)))
  return {
    ...(Object.keys(choose).length ? { choose } : {}),
    ...(Object.keys(claimSets).length ? { claimSets } : {}),
    ...(omit.length ? { omit } : {}),
  }
}
