import { X509Certificate, type AgentContext } from '@credo-ts/core'

import type { TrustListDocument, TrustListEntry, X509Anchor } from '../../../shared/api'
import { TrustListRefusedError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { trustLists } from './trustListTables'

/** A verifiers' certificate authority an imported list vouches for, with the list's name. */
export interface ImportedX509Anchor extends X509Anchor {
  list: string
}

/** The certificate as base64 DER, whether the publisher wrote it so or as PEM. */
export function anchorDer(certificate: string): string {
  return certificate
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '')
    .trim()
}

/** Every anchor of a list must be an X.509 certificate; otherwise the list is refused as a whole. */
export function checkX509Anchors(document: TrustListDocument): void {
  for (const [index, anchor] of (document.x509Anchors ?? []).entries()) {
    try {
      X509Certificate.fromEncodedCertificate(anchorDer(anchor.certificate))
    } catch {
      throw new TrustListRefusedError(`its X.509 anchor ${index + 1} (${anchor.name}) is not a certificate`)
    }
  }
}

/**
 * The X.509 anchors of every imported list, read from the lists as they were signed (kept whole in the
 * app database, so the anchors need no table of their own).
 */
export function importedX509Anchors(agentContext: AgentContext): ImportedX509Anchor[] {
  return appDatabaseOf(agentContext)
    .select({ name: trustLists.name, document: trustLists.document })
    .from(trustLists)
    .all()
    .flatMap(({ name, document }) =>
      ((JSON.parse(document) as TrustListDocument).x509Anchors ?? []).map((anchor) => ({ ...anchor, list: name })),
    )
}

/** An anchor as the consent rules read a listed requester: its name, roles and published purposes. */
export function anchorEntry(anchor: ImportedX509Anchor): TrustListEntry {
  const subject = X509Certificate.fromEncodedCertificate(anchorDer(anchor.certificate)).subject
  return { did: `x509:${subject}`, name: anchor.name, roles: anchor.roles, purposes: anchor.purposes ?? [] }
}

/** A list's anchors as `trustLists.list` shows them, only when it names any (older lists stay as they were). */
export function anchorsOf(document: TrustListDocument): { x509Anchors?: X509Anchor[] } {
  return document.x509Anchors?.length ? { x509Anchors: document.x509Anchors } : {}
}
