// Validated data from issuers: offers wait for the person's answer; accepted credentials are kept with
// where they came from and when their signature was last checked.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'
import type { CredentialDisplay } from './issuerDisplay'

/**
 * `ldp_vc`: W3C Verifiable Credentials as JSON-LD with a Linked Data proof (Credo's ClaimFormat.LdpVc).
 * `vc+sd-jwt`: IETF SD-JWT VCs (Credo's ClaimFormat.SdJwtVc), each claim disclosed only when asked.
 */
// `jwt_vc_json` and `mso_mdoc` arrive over OpenID4VCI only.
export type CredentialFormat = 'ldp_vc' | 'vc+sd-jwt' | 'jwt_vc_json' | 'mso_mdoc'

export interface CredentialOffer {
  /** The credential exchange (issue-credential v2) this offer belongs to. */
  id: string
  connectionId: string
  /** The label the issuing connection gave itself. */
  from?: string
  issuer: string
  types: string[]
  claims: Record<string, unknown>
  expiresAt?: string
  format: CredentialFormat
  receivedAt: string
  /** Who issues it, as trust lists know it, beside the connection that delivers it. */
  standing?: IssuerStanding
  /**
   * JSON-LD contexts the offer names that Custos neither ships nor has pinned. Each is on the issuer's own
   * host; the node fetches them only when the person asks (`credentials.fetchContexts`), then pins them.
   */
  unknownContexts?: string[]
}

/**
 * An issuer beside the connection that delivers its credential: a bank issues with its own DID, and
 * the connection may be another key of its, or a party that only passes the credential on.
 */
export interface IssuerStanding {
  /** The issuer's DID is a key of the delivering connection. */
  issuerIsConnection: boolean
  /** The name an imported trust list gives the issuer for these credential types. */
  issuerName?: string
  /** The trust lists that name it so; empty: no list does (the person is warned). */
  listedBy: string[]
}

export interface SignatureCheck {
  result: 'valid' | 'invalid'
  checkedAt: string
  /** Why it failed, when it did. */
  error?: string
}

export interface Provenance {
  issuer: string
  /** The connection it arrived through; absent when that connection was removed since. */
  connectionId?: string
  exchangeId?: string
  issuedAt: string
  expiresAt?: string
  signature: SignatureCheck
  format: CredentialFormat
  /** As it stood on arrival; absent on credentials kept before the node recorded it. */
  standing?: IssuerStanding
  /** The label of the connection that delivered it, on arrival. */
  deliveredBy?: string
}

/** A document bound to a credential by the SHA-256 digest the issuer signed (e.g. a statement PDF). */
export interface DocumentReference {
  /** `sha256-` and the base64 digest (Subresource Integrity form), as signed in the credential. */
  digestSRI: string
  mediaType: string
  name?: string
}

export interface HeldCredential {
  id: string
  types: string[]
  claims: Record<string, unknown>
  provenance: Provenance
  /** The documents that came with it and are kept encrypted by the node. */
  documents?: DocumentReference[]
  /** The issuer's own names for it and its claims, per language, where it came over OpenID4VCI with them. */
  display?: CredentialDisplay
}

export interface DocumentContent extends DocumentReference {
  size: number
  /** The bytes, checked against the digest just now. */
  base64: string
}

const byId = z.object({ id: idSchema }).strict()

/** One page of My data's validated credentials, newest first; `next` (absent on the last) asks for the next. */
export interface HeldCredentialPage {
  items: HeldCredential[]
  next?: string
}

export const credentialsContract = {
  'credentials.listOffers': method<CredentialOffer[]>()(noInput),
  /** Accepts the offer and resolves once the credential arrived, was verified and stored. */
  'credentials.acceptOffer': method<HeldCredential>()(byId),
  /** Declines with a problem report to the issuer; the reason is shown to them. */
  'credentials.declineOffer': method<{ declined: true }>()(
    z.object({ id: idSchema, reason: z.string().trim().max(500).optional() }).strict(),
  ),
  'credentials.list': method<HeldCredential[]>()(noInput),
  /**
   * A page of held credentials, newest first, read from the node's index so the store's size does not
   * slow the screen; `query` keeps those whose type, issuer or any claim name or value contains it.
   */
  'credentials.page': method<HeldCredentialPage>()(
    z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        before: z.string().min(3).max(300).optional(),
        query: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  'credentials.get': method<HeldCredential>()(byId),
  /** A document of a held credential (its digest as listed in `documents`), for the app's viewer. */
  'credentials.getDocument': method<DocumentContent>()(
    z.object({ id: idSchema, digestSRI: z.string().min(8).max(200) }).strict(),
  ),
  /** Checks the signature again now and records the result. */
  'credentials.verify': method<HeldCredential>()(byId),
  /**
   * Fetches, once, the offer's `unknownContexts` from the issuer's own host and pins them by digest;
   * the offer as it is then. Never done without this call.
   */
  'credentials.fetchContexts': method<CredentialOffer>()(byId),
}
