// OpenID4VC: the wallet protocols of the EU's issuers and verifiers, beside DIDComm. Credential offers
// (OpenID4VCI 1.0) are taken by pre-authorized code; presentation requests (OpenID4VP 1.0 with DCQL) go
// through the same consent evaluation, warnings and disclosure history as DIDComm proof requests.
import { z } from 'zod'

import type { CustosErrorCode } from '../errors'
import { idSchema, noInput } from './common'
import type { ConsentEvaluation, RequestWarning } from './consent'
import { method } from './contract'
import type { Position } from './privacyProfile'
import type { HeldCredential } from './credentials'
import type { CredentialDisplay, LocalizedName } from './issuerDisplay'
import type { AnswerItem, AskedItem } from './requests'
import type { TrustListVoucher } from './trustLists'

/** A pasted or opened link (`openid-credential-offer://`, `openid4vp://`, `haip-…://`, https) or the JSON itself. */
const linkSchema = z.string().trim().min(1).max(20_000)

/** A DCQL credential query id: alphanumeric, underscore or hyphen (OpenID4VP 1.0 §6.1). */
const queryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'not a credential query id')

/** The person's choice for an OpenID4VP answer (see `openid4vc.approveRequest`). */
export interface PresentationChoice {
  choose?: Record<string, string>
  claimSets?: Record<string, number>
  omit?: string[]
}

/** What an issuer says about itself in its metadata: only what it says, never checked against a list. */
export interface IssuerDisplay {
  /** The credential issuer identifier (an https URL, or http on this machine). */
  url: string
  /** Its name in English (or the one it gave without a language); `names` has every language. */
  name?: string
  names: LocalizedName[]
  /** Only a `data:` image, so showing it fetches nothing. */
  logo?: string
}

export interface OfferedCredential {
  configurationId: string
  /** `dc+sd-jwt`, `vc+sd-jwt`, `mso_mdoc`, `jwt_vc_json`, … */
  format: string
  /** The issuer's name for it in English (or without a language); `display` has every language. */
  name?: string
  display: CredentialDisplay
  /** The SD-JWT VC type or the mdoc doctype. */
  type?: string
  /** Whether the node can take it; the others are refused before anything is asked of the issuer. */
  supported: boolean
  /** Why not: a format Custos does not keep, or an issuer that wants a certified wallet's key attestation. */
  unsupportedBecause?: 'format' | 'attestation'
}

export interface CredentialOfferSummary {
  issuer: IssuerDisplay
  credentials: OfferedCredential[]
  /** The issuer asks for a code it sent another way (letter, e-mail, SMS). */
  txCode?: { description?: string; length?: number; inputMode: 'numeric' | 'text' }
  grant: 'pre-authorized_code' | 'authorization_code'
  /**
   * The offer by value: give this to `openid4vc.acceptOffer`. An offer by reference is fetched once, on
   * resolving; accepting then does not fetch it again.
   */
  offer: string
}

/** A sign-in at the issuer, started for an offer whose grant is `authorization_code`. */
export interface SignInStart {
  id: string
  /** The issuer's sign-in page: open it in the person's own browser (never inside Custos). */
  authorizationUrl: string
  /** After this, the node stops waiting for the browser to come back and nothing is taken. */
  expiresAt: string
}

/** Where a sign-in stands: the node finishes it itself when the browser comes back. */
export interface SignInStatus {
  id: string
  state: 'waiting' | 'taken' | 'failed'
  expiresAt: string
  /** What was taken (all offered credentials, or none). */
  credentials?: HeldCredential[]
  /** Why nothing was taken: the issuer refused, nobody signed in in time, … */
  error?: { code: CustosErrorCode; message: string }
}

/** How the verifier's identity was established: what the request proves, not what it says. */
export interface VerifierIdentity {
  clientId: string
  /** The OpenID4VP client identifier prefix (`decentralized_identifier`, `x509_san_dns`, `redirect_uri`, …). */
  prefix: string
  /** The request object is signed by a key its client id names (a DID's key, a certificate for the DNS name). */
  proved: boolean
  /** The name the verifier gives itself in its metadata; never proof of anything. */
  statedName?: string
  /** Roles imported trust lists give the proved identity (its did:key). */
  roles: string[]
  /** The imported trust lists that vouch for the proved identity (none when it is not proved). */
  vouchedBy: TrustListVoucher[]
}

/** A claim set a DCQL credential query offers (`claim_sets`), as the person picks among them. */
export interface ClaimSetChoice {
  /** Its place in the query's `claim_sets`: the verifier's order of preference. */
  index: number
  claims: string[]
  /** The held credentials that can fill it. */
  candidates: string[]
}

/** What the request lets the person choose for one credential query; the rest of the answer is fixed. */
export interface QueryChoice {
  queryId: string
  /** The held credentials that answer it (the proposal's is first choice). */
  candidates: string[]
  /** More than one entry: the person may pick which of the statements the verifier accepts leave. */
  claimSets: ClaimSetChoice[]
  /** The request's credential sets allow an answer without it (an optional set or another option). */
  omittable: boolean
  /** Whether the proposed answer includes it. */
  proposed: boolean
}

export interface PresentationRequestSummary {
  id: string
  verifier: VerifierIdentity
  /** What the verifier states in its signed request (`verifier_info` of format `custos_terms`). */
  purpose?: string
  dpvPurpose?: string
  retention?: string
  legalBasis?: string
  asked: AskedItem[]
  /** The proposed answer: per DCQL credential query, the credential and exactly the claims that would leave. */
  items: AnswerItem[]
  satisfiable: boolean
  missing: AskedItem[]
  /** Per credential query, what the person may choose (the card offers only these). */
  choices: QueryChoice[]
  warnings: RequestWarning[]
  /** The request against the privacy profile as it is now (the same position a DIDComm request's card shows). */
  position?: Position
  evaluation?: ConsentEvaluation
  /** `waiting` for the person, or what was done: answered by a policy, refused by one. */
  state: 'waiting' | 'answered' | 'refused' | 'declined'
  disclosureId?: string
  receivedAt: string
}

export interface PresentationAnswer {
  requestId: string
  state: 'answered' | 'declined'
  disclosureId?: string
}

export const openid4vcContract = {
  /** Reads an offer (fetching it if it is by reference) and the issuer's metadata; stores nothing. */
  'openid4vc.resolveOffer': method<CredentialOfferSummary>()(z.object({ offer: linkSchema }).strict()),
  /** Takes the offered credentials, bound to new keys in the person's store; all or nothing is stored. */
  'openid4vc.acceptOffer': method<HeldCredential[]>()(
    z.object({ offer: linkSchema, txCode: z.string().trim().min(1).max(100).optional() }).strict(),
  ),
  /**
   * For an offer whose grant is `authorization_code`: starts the sign-in at the issuer (OAuth 2 with
   * PKCE, redirect to a one-shot listener on 127.0.0.1) and returns the address for the person's browser.
   * The node takes the credentials itself when the browser comes back; `openid4vc.signInStatus` tells.
   */
  'openid4vc.startSignIn': method<SignInStart>()(z.object({ offer: linkSchema }).strict()),
  /** Where a started sign-in stands (kept in memory for 15 minutes after it ended). */
  'openid4vc.signInStatus': method<SignInStatus>()(z.object({ id: idSchema }).strict()),
  /** Reads and checks a presentation request, matches it, evaluates standing consent (which may answer it). */
  'openid4vc.resolveRequest': method<PresentationRequestSummary>()(z.object({ request: linkSchema }).strict()),
  /** The requests waiting for the person (kept in memory for 15 minutes; the link opens one again). */
  'openid4vc.listRequests': method<PresentationRequestSummary[]>()(noInput),
  /**
   * Sends the proposed answer, or the person's choice: `choose` a held credential per credential query,
   * `claimSets` a claim set per query (its index), `omit` queries the credential sets let the answer go
   * without. Only the claims asked leave; a choice the query would not accept is refused before anything
   * leaves (RequestNotSatisfiable), and nothing is recorded.
   */
  'openid4vc.approveRequest': method<PresentationAnswer>()(
    z
      .object({
        id: idSchema,
        choose: z.record(queryIdSchema, idSchema).optional(),
        claimSets: z.record(queryIdSchema, z.number().int().min(0).max(100)).optional(),
        omit: z.array(queryIdSchema).max(50).optional(),
      })
      .strict(),
  ),
  /** Tells the verifier no (access_denied); nothing about the person leaves. */
  'openid4vc.declineRequest': method<PresentationAnswer>()(z.object({ id: idSchema }).strict()),
  /**
   * Asks the issuer for a new batch of a held credential whose instances all went to verifiers (a
   * `used-up-batch-renewable` warning names it), with the refresh token it gave; the new instances replace
   * the old ones. CredentialRefused when it gave none or refuses; nothing changes then.
   */
  'openid4vc.renewBatch': method<HeldCredential>()(z.object({ credentialId: idSchema }).strict()),
}
