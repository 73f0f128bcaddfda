import type {
  AgentContext,
  DcqlCredentialsForRequest,
  DcqlQueryResult,
  DifPexCredentialsForRequest,
  DifPexInputDescriptorToCredentials,
} from '@credo-ts/core'
import { OpenId4VcHolderApi } from '@credo-ts/openid4vc'

import type { AnswerItem, AskedItem } from '../../../shared/api'
import { absentClaims } from './dcqlMissing'
import { claimNameFor, isPresentable, presentedBy } from './dcqlPresented'

/** The parts of a DCQL credential query and its match that the proposal reads. */
interface CredentialQuery {
  id: string
  format: string
  meta?: { vct_values?: string[]; doctype_value?: string }
  claims?: { path: (string | number | null)[] }[]
}
interface QueryMatch {
  success: boolean
  valid_credentials?: { record: unknown }[]
  failed_credentials?: { record: unknown; meta?: { success: boolean } }[]
}

export interface DcqlProposal {
  asked: AskedItem[]
  items: AnswerItem[]
  missing: AskedItem[]
  satisfiable: boolean
  /**
   * Formats of held credentials that match a required query but that Custos cannot present over OpenID4VP
   * (a JSON-LD VC): such a request is not satisfiable, and the person is told why.
   */
  unsupportedFormats?: string[]
  /** Per missing credential query, the asked claims a held credential of that kind lacks (dcqlMissing). */
  absent?: Record<string, string[]>
  /** Credential queries answered by a credential signed whole (a W3C JWT VC): all its claims leave. */
  whole?: string[]
  /** What Credo would present, per credential query; present only when the query can be satisfied. */
  selection?: DcqlCredentialsForRequest
  /** The same for a Presentation Exchange request (pexProposal): what Credo would present per input descriptor. */
  pexSelection?: DifPexInputDescriptorToCredentials
  /** Credo's PE match, every candidate per input descriptor, which the person may choose among (pexChoice). */
  pexForRequest?: DifPexCredentialsForRequest
}

/** `['address', 'city']` is `address.city`; array steps (`null`, an index) name no claim of their own. */
export function claimName(path: (string | number | null)[]): string {
  return path.filter((step): step is string => typeof step === 'string').join('.')
}

interface CredentialSet {
  options: string[][]
  required?: boolean
}

/** A credential query is optional only when every credential set naming it says `required: false`. */
function isOptional(id: string, sets: CredentialSet[] | undefined): boolean {
  const naming = (sets ?? []).filter((set) => set.options.some((option) => option.includes(id)))
  return naming.length > 0 && naming.every((set) => set.required === false)
}

function askedItem(query: CredentialQuery, sets: CredentialSet[] | undefined): AskedItem {
  const types = [...(query.meta?.vct_values ?? []), ...(query.meta?.doctype_value ? [query.meta.doctype_value] : [])]
  // A query without claims asks for the whole credential.
  const claims = (query.claims ?? []).map((claim) => claimNameFor(query.format, claim.path))
  return { descriptorId: query.id, types, claims, optional: isOptional(query.id, sets) }
}

/**
 * The proposed answer to a DCQL query: Credo matches the held credentials and picks, per credential query,
 * one credential and exactly the claims the query asks (SD-JWT disclosures); what would leave is read from
 * that pick, so the person sees what is sent, not what was hoped for.
 */
export function proposeForDcql(agentContext: AgentContext, queryResult: DcqlQueryResult): DcqlProposal {
  const selection = queryResult.can_be_satisfied
    ? agentContext.resolve(OpenId4VcHolderApi).selectCredentialsForDcqlRequest(queryResult)
    : undefined
  return proposalFor(agentContext, queryResult, selection)
}

/** The answer a selection makes (Credo's pick or the person's choice), read from what would be presented. */
export function proposalFor(
  agentContext: AgentContext,
  queryResult: DcqlQueryResult,
  selection: DcqlCredentialsForRequest | undefined,
): DcqlProposal {
  const queries = queryResult.credentials as unknown as CredentialQuery[]
  const matches = queryResult.credential_matches as unknown as Record<string, QueryMatch | undefined>
  const sets = (queryResult as { credential_sets?: CredentialSet[] }).credential_sets
  const asked = queries.map((query) => askedItem(query, sets))
  const satisfiable = queryResult.can_be_satisfied
  const whole: string[] = []
  const items = asked.map((item): AnswerItem => {
    const candidates = (matches[item.descriptorId]?.valid_credentials ?? [])
      .map((match) => match.record)
      .filter(isPresentable)
      .map((record) => record.id)
    const chosen = selection?.[item.descriptorId]?.[0]
    const presented = chosen && presentedBy(agentContext, chosen)
    if (!presented) {
      return {
        descriptorId: item.descriptorId,
        candidates,
        claimsLeaving: {},
        claimsAsked: [],
        optional: item.optional,
      }
    }
    if (presented.whole) whole.push(item.descriptorId)
    const { held, leaving } = presented
    return {
      descriptorId: item.descriptorId,
      credentialId: held.id,
      candidates,
      issuer: held.provenance.issuer,
      types: held.types,
      claimsLeaving: leaving,
      claimsAsked: item.claims.filter((claim) => claim.split('.')[0] in leaving),
      optional: item.optional,
    }
  })
  // Credo may match a required query only with a credential this node cannot present yet.
  const unsupported = queries.filter((query, index) => {
    const item = items[index]
    return !asked[index].optional && matches[query.id]?.success && item.candidates.length === 0
  })
  const missing = asked.filter((item) => !matches[item.descriptorId]?.success)
  const presentable = satisfiable && unsupported.length === 0
  const absent = Object.fromEntries(
    missing.flatMap((item) => {
      const lacking = absentClaims(agentContext, item, matches[item.descriptorId]?.failed_credentials)
      return lacking ? [[item.descriptorId, lacking] as const] : []
    }),
  )
  return {
    asked,
    items,
    missing: presentable
      ? []
      : satisfiable
        ? asked.filter((item) => unsupported.some((q) => q.id === item.descriptorId))
        : missing,
    satisfiable: presentable,
    unsupportedFormats: unsupported.length ? [...new Set(unsupported.map((query) => query.format))] : undefined,
    ...(!satisfiable && Object.keys(absent).length > 0 ? { absent } : {}),
    ...(whole.length > 0 ? { whole } : {}),
    selection: presentable ? selection : undefined,
  }
}

/**
 * Minimisation, checked on what Credo is about to send rather than trusted: every claim that would leave
 * is one the query names (by its first path step), unless the query names none and so asks the whole
 * credential, or the credential is signed whole (a W3C JWT VC, which the person was warned leaves whole).
 * Returns the claims that would leave beyond the query.
 */
export function beyondQuery(proposal: DcqlProposal): string[] {
  const extra: string[] = []
  for (const item of proposal.items) {
    const asked = proposal.asked.find((candidate) => candidate.descriptorId === item.descriptorId)
    if (!asked || asked.claims.length === 0 || proposal.whole?.includes(item.descriptorId)) continue
    const named = new Set(asked.claims.map((claim) => claim.split('.')[0]))
    for (const claim of Object.keys(item.claimsLeaving))
      if (!named.has(claim)) extra.push(`${item.descriptorId}.${claim}`)
  }
  return extra
}
