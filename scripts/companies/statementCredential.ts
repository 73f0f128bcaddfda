import { createHash } from 'node:crypto'

import type { IssuedDocument } from './DocumentAttachingCredentialProtocol'
import type { SampleStatement } from './statements'
import type { Claims } from './credentialTemplates'

/**
 * A statement's claims with its PDF bound by digest: `document.digestSRI` is signed with the rest, and
 * `document.attachmentId` names the DIDComm attachment the PDF travels in.
 */
export type StatementClaims = Claims & {
  document: { attachmentId: string; mediaType: string; digestSRI: string; name: string }
}

/**
 * A joint account's statement names every holder (`accountHolders`) and, as `accountHolder`, the one
 * whose copy this is (`holder`): each member gets the same statement and PDF, signed for them.
 */
export function statementClaims(
  statement: SampleStatement,
  bank: string,
  pdf: Uint8Array,
  holder = statement.accountHolder,
): StatementClaims {
  return {
    accountHolder: holder,
    ...(statement.accountHolders ? { accountHolders: statement.accountHolders } : {}),
    iban: statement.iban,
    bank,
    period: statement.period,
    currency: 'EUR',
    openingBalance: statement.openingBalance / 100,
    closingBalance: statement.closingBalance / 100,
    document: {
      attachmentId: statementAttachmentId(statement.period),
      mediaType: 'application/pdf',
      name: `statement-${statement.period}.pdf`,
      digestSRI: `sha256-${createHash('sha256').update(pdf).digest('base64')}`,
    },
  }
}

export function statementAttachmentId(period: string): string {
  return `statement-${period}`
}

export function statementDocument(period: string, pdf: Uint8Array): IssuedDocument {
  return {
    attachmentId: statementAttachmentId(period),
    mediaType: 'application/pdf',
    name: `statement-${period}.pdf`,
    bytes: pdf,
  }
}
