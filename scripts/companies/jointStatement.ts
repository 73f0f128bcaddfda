import type { DidCommCredentialExchangeRecord } from '@credo-ts/didcomm'

import type { Issuer } from './Issuer'
import type { SamplePerson } from './sampleData'
import { statementClaims, statementDocument, type StatementClaims } from './statementCredential'
import { statementPdf } from './statementPdf'
import { sampleStatement, type SampleStatement } from './statements'

/** A month on a joint account: the first holder's sample month, on their IBAN, naming every holder. */
export function jointStatement(holders: SamplePerson[], period: string): SampleStatement {
  if (holders.length < 2) throw new Error('a joint account has two holders or more')
  return { ...sampleStatement(holders[0], period), accountHolders: holders.map((holder) => holder.name) }
}

/** One holder's copy: who it is for, and the bank's connection to that holder's own node. */
export interface JointCopy {
  holder: string
  connectionId: string
}

export interface OfferedJointStatement {
  pdf: Uint8Array
  offers: { holder: string; claims: StatementClaims; record: DidCommCredentialExchangeRecord }[]
}

/**
 * The bank issues the same statement (one PDF, bound by the same digest) to each holder over that holder's
 * own connection; each credential names all holders and, as `accountHolder`, the holder it is for.
 */
export async function offerJointStatement(
  bank: Issuer,
  statement: SampleStatement,
  copies: JointCopy[],
  bankName = 'Sample Bank',
): Promise<OfferedJointStatement> {
  const pdf = await statementPdf(statement, { bank: bankName })
  const offers = []
  for (const { holder, connectionId } of copies) {
    const claims = statementClaims(statement, bankName, pdf, holder)
    const record = await bank.offer(connectionId, {
      kind: 'BankStatementCredential',
      claims,
      documents: [statementDocument(statement.period, pdf)],
    })
    offers.push({ holder, claims, record })
  }
  return { pdf, offers }
}
