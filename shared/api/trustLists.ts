// Trust lists: a publisher's signed list of requester DIDs with their roles, imported by the person.
// Policies name roles; the lists say which requesters hold them. Format: docs/trust-lists.md.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

/** What a listed requester publishes that it needs for a purpose (the TM Forum privacy-dashboard idea). */
export const publishedPurposeSchema = z
  .object({
    purpose: z.string().min(1).max(100),
    required: z.array(z.string().min(1).max(200)).max(100),
    optional: z.array(z.string().min(1).max(200)).max(100).default([]),
  })
  .strict()

export const trustListEntrySchema = z
  .object({
    /**
     * A requester's did:key (matched against the keys that speak for a connection), or an issuer's DID
     * (did:key, did:jwk, did:web, …; matched against a credential's issuer and its keys).
     */
    did: z
      .string()
      .regex(/^did:[a-z0-9]+:\S+$/)
      .max(500),
    name: z.string().trim().min(1).max(200),
    roles: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    purposes: z.array(publishedPurposeSchema).max(50).default([]),
    /** The credential types this DID is listed to issue (short names or full type URIs). */
    issues: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  })
  .strict()

/**
 * An issuer the publisher no longer vouches for, from `since` on (a leaked key, a closed registry): its
 * offers and credentials are refused, whatever another list says of it. Matched as issuer entries are.
 */
export const revokedIssuerSchema = z
  .object({
    did: z
      .string()
      .regex(/^did:[a-z0-9]+:\S+$/)
      .max(500),
    name: z.string().trim().min(1).max(200),
    since: z.string().datetime({ offset: true }),
    reason: z.string().trim().min(1).max(300).optional(),
  })
  .strict()

/**
 * A certificate authority the publisher vouches for as the anchor of verifiers that name themselves by an
 * X.509 certificate (OpenID4VP `x509_san_dns` / `x509_hash`): a verifier whose certificate chains to it is
 * proved, and holds these roles. `certificate` is the CA's certificate, base64 DER or PEM.
 */
export const x509AnchorSchema = z
  .object({
    certificate: z.string().trim().min(100).max(16_384),
    name: z.string().trim().min(1).max(200),
    roles: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    // No default: the signed bytes stay as the publisher wrote them.
    purposes: z.array(publishedPurposeSchema).max(50).optional(),
  })
  .strict()

export const trustListProofSchema = z
  .object({
    type: z.literal('CustosJcsEd25519Signature2026'),
    created: z.string().datetime({ offset: true }),
    verificationMethod: z.string().max(600),
    proofValue: z.string().max(200),
  })
  .strict()

export const trustListSchema = z
  .object({
    type: z.literal('CustosTrustList'),
    version: z.literal(1),
    id: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(200),
    publisher: z.string().startsWith('did:key:').max(200),
    issued: z.string().datetime({ offset: true }),
    entries: z.array(trustListEntrySchema).max(1000),
    // Optional, and no default: a list signed before this field existed keeps its signed bytes.
    revoked: z.array(revokedIssuerSchema).max(1000).optional(),
    // Likewise optional: X.509 anchors of verifiers (OpenID4VP), see x509AnchorSchema.
    x509Anchors: z.array(x509AnchorSchema).max(100).optional(),
    proof: trustListProofSchema,
  })
  .strict()

export type TrustListDocument = z.output<typeof trustListSchema>
export type TrustListEntry = z.output<typeof trustListEntrySchema>
export type RevokedIssuer = z.output<typeof revokedIssuerSchema>
export type X509Anchor = z.output<typeof x509AnchorSchema>
export type PublishedPurpose = z.output<typeof publishedPurposeSchema>

/** An imported list that vouches for a requester: the list's name, the name and roles it gives the requester. */
export interface TrustListVoucher {
  list: string
  name: string
  roles: string[]
}

export interface ImportedTrustList {
  id: string
  name: string
  publisher: string
  issued: string
  importedAt: string
  entries: TrustListEntry[]
  /** The verifiers' certificate authorities it vouches for (OpenID4VP X.509 client ids), when it names any. */
  x509Anchors?: X509Anchor[]
}

export const trustListsContract = {
  'trustLists.list': method<ImportedTrustList[]>()(noInput),
  /** The list as its publisher signed it (JSON text, at most 1 MiB); a bad signature is refused. */
  'trustLists.import': method<ImportedTrustList>()(z.object({ document: z.string().max(1024 * 1024) }).strict()),
  'trustLists.remove': method<{ removed: boolean }>()(z.object({ id: idSchema }).strict()),
}
