import type { DcqlCredentialsForRequest, DcqlQueryResult } from '@credo-ts/core'

import type { ClaimSetChoice, PresentationChoice, QueryChoice } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { claimNameFor, entryFor, isPresentable, type Presentable } from './dcqlPresented'

type Path = (string | number | null)[]
interface ClaimSetMatch {
  claim_set_index?: number
  output: Record<string, unknown>
}
interface ValidCredential {
  record: unknown
  claims: { valid_claim_sets: ClaimSetMatch[] }
}
interface Query {
  id: string
  format: string
  claims?: { id?: string; path: Path }[]
  claim_sets?: string[][]
}
interface CredentialSet {
  options: string[][]
  required?: boolean
}

/** The parts of Credo's DCQL query result a choice reads (the `dcql` library's output, loosely typed). */
function partsOf(queryResult: DcqlQueryResult) {
  const queries = queryResult.credentials as unknown as Query[]
  const matches = queryResult.credential_matches as unknown as Record<
    string,
    { success: boolean; valid_credentials?: ValidCredential[] } | undefined
  >
  const valid = (queryId: string) =>
    (matches[queryId]?.valid_credentials ?? []).filter((match): match is ValidCredential & { record: Presentable } =>
      isPresentable(match.record),
    )
  const sets = (queryResult as { credential_sets?: CredentialSet[] }).credential_sets
  return { queries, valid, sets }
}

/**
 * Whether these credential queries answered make an answer the query accepts: every required credential
 * set has an option wholly answered; without credential sets, every query is answered (OpenID4VP 1.0 §6.4).
 */
export function answersQuery(queryIds: string[], sets: CredentialSet[] | undefined, answered: Set<string>): boolean {
  if (!sets) return queryIds.every((id) => answered.has(id))
  return sets
    .filter((set) => set.required !== false)
    .every((set) => set.options.some((option) => option.every((id) => answered.has(id))))
}

function claimSetsOf(query: Query, valid: ValidCredential[]): ClaimSetChoice[] {
  if (!query.claim_sets || query.claim_sets.length < 2) return []
  const byId = new Map((query.claims ?? []).map((claim) => [claim.id, claimNameFor(query.format, claim.path)]))
  return query.claim_sets
    .map((ids, index) => ({
      index,
      claims: ids.map((id) => byId.get(id) ?? id),
      candidates: valid
        .filter((match) => match.claims.valid_claim_sets.some((set) => set.claim_set_index === index))
        .map((match) => (match.record as Presentable).id),
    }))
    .filter((choice) => choice.candidates.length > 0)
}

/** What the request lets the person choose, per credential query, beside the proposed answer. */
export function queryChoices(queryResult: DcqlQueryResult, proposed: DcqlCredentialsForRequest | undefined) {
  const { queries, valid, sets } = partsOf(queryResult)
  const held = queries.filter((query) => valid(query.id).length > 0).map((query) => query.id)
  return queries.map((query): QueryChoice => {
    const first = proposed?.[query.id]?.[0]?.credentialRecord.id
    const candidates = valid(query.id).map((match) => match.record.id)
    return {
      queryId: query.id,
      candidates: first ? [first, ...candidates.filter((id) => id !== first)] : candidates,
      claimSets: claimSetsOf(query, valid(query.id)),
      omittable:
        sets !== undefined &&
        answersQuery(
          queries.map((other) => other.id),
          sets,
          new Set(held.filter((id) => id !== query.id)),
        ),
      proposed: first !== undefined,
    }
  })
}

const refused = (why: string, code: 'RequestNotSatisfiable' | 'SubsetNotAllowed' = 'RequestNotSatisfiable') =>
  new CustosError(code, `${why}; nothing was sent.`)

/**
 * The selection the person chose: per answered credential query the held credential and the claim set
 * they picked, from Credo's match only (never a credential or claim the query does not accept). A choice
 * the query would not accept is refused in words before anything is sent.
 */
export function chooseForDcql(
  queryResult: DcqlQueryResult,
  proposed: DcqlCredentialsForRequest | undefined,
  choice: PresentationChoice,
): DcqlCredentialsForRequest {
  const { queries, valid, sets } = partsOf(queryResult)
  const ids = new Set(queries.map((query) => query.id))
  const { choose = {}, claimSets = {}, omit = [] } = choice
  const named = [...Object.keys(choose), ...Object.keys(claimSets), ...omit]
  const unknown = named.filter((id) => !ids.has(id))
  if (unknown.length > 0) throw new InvalidInputError(`The request asks nothing called ${unknown.join(', ')}.`)
  const both = omit.filter((id) => id in choose || id in claimSets)
  if (both.length > 0) throw new InvalidInputError(`${both.join(', ')} cannot be both chosen and left out.`)

  const answered = new Set([...Object.keys(proposed ?? {}), ...Object.keys(choose), ...Object.keys(claimSets)])
  for (const id of omit) answered.delete(id)
  if (!answersQuery([...ids], sets, answered)) {
    throw refused(
      'Without what you left out the request cannot be answered; the verifier would refuse it',
      'SubsetNotAllowed',
    )
  }
  const selection: DcqlCredentialsForRequest = {}
  for (const id of answered) {
    const proposedPick = proposed?.[id]?.[0]
    const recordId = choose[id] ?? proposedPick?.credentialRecord.id ?? valid(id)[0]?.record.id
    const match = valid(id).find((candidate) => candidate.record.id === recordId)
    if (!match) throw refused(`That credential does not answer what the verifier asks in ${id}`)
    const index = claimSets[id]
    const keepProposed = index === undefined && proposedPick?.credentialRecord.id === recordId
    const claimSet =
      index === undefined
        ? match.claims.valid_claim_sets[0]
        : match.claims.valid_claim_sets.find((set) => set.claim_set_index === index)
    if (!claimSet) throw refused(`That credential does not hold the statements of choice ${index! + 1} in ${id}`)
    selection[id] = [
      keepProposed && proposedPick ? proposedPick : entryFor(match.record, claimSet.output),
    ] as DcqlCredentialsForRequest[string]
  }
  return selection
}
