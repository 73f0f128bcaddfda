import { DidKey, type AgentContext } from '@credo-ts/core'

import type { RevokedIssuer, TrustListDocument, TrustListVoucher } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { trustLists } from './trustListTables'

export interface IssuerQuery {
  /** The issuer DID the credential names. */
  issuer: string
  /** The fingerprints of the keys its DID document lists (a list may name the issuer by one of them). */
  keyFingerprints: Set<string>
  /** The credential's types, short and expanded; an entry vouches when it issues one of them. */
  types: string[]
}

function namesIssuer(did: string, query: Pick<IssuerQuery, 'issuer' | 'keyFingerprints'>): boolean {
  if (did === query.issuer) return true
  if (!did.startsWith('did:key:')) return false
  try {
    return query.keyFingerprints.has(DidKey.fromDid(did).publicJwk.fingerprint)
  } catch {
    return false
  }
}

/**
 * The imported lists that name an issuer for one of a credential's types. Read from the signed list as
 * it was imported (its signature was checked then), so the table of requester entries needs no new column.
 */
export function issuerVouchers(agentContext: AgentContext, query: IssuerQuery): TrustListVoucher[] {
  const vouchers: TrustListVoucher[] = []
  for (const { list, document } of importedLists(agentContext)) {
    for (const entry of document.entries) {
      if (!entry.issues?.some((type) => query.types.includes(type))) continue
      if (namesIssuer(entry.did, query)) vouchers.push({ list, name: entry.name, roles: entry.roles })
    }
  }
  return vouchers
}

/** An imported list's revocation of an issuer: which list, and what it says. */
export interface IssuerRevocation extends RevokedIssuer {
  list: string
}

/**
 * The imported lists that mark an issuer revoked, by its DID or (for a did:key entry) by a key its DID
 * document lists. `keyFingerprints` may be empty before the issuer's DID was resolved.
 */
export function issuerRevocations(
  agentContext: AgentContext,
  query: Pick<IssuerQuery, 'issuer' | 'keyFingerprints'>,
): IssuerRevocation[] {
  return importedLists(agentContext).flatMap(({ list, document }) =>
    (document.revoked ?? [])
      .filter((revoked) => namesIssuer(revoked.did, query))
      .map((revoked) => ({ ...revoked, list })),
  )
}

function importedLists(agentContext: AgentContext): { list: string; document: TrustListDocument }[] {
  return appDatabaseOf(agentContext)
    .select()
    .from(trustLists)
    .all()
    .map((row) => ({ list: row.name, document: JSON.parse(row.document) as TrustListDocument }))
}
