import { eq, sql } from 'drizzle-orm'

import type { AgreementSignature, AgreementTerms } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { dataAgreements, type DataAgreementRow } from './agreementsTable'

export function findAgreement(db: AppDatabase, id: string): DataAgreementRow | undefined {
  return db.select().from(dataAgreements).where(eq(dataAgreements.id, id)).get()
}

export function agreementOnThread(db: AppDatabase, threadId: string): DataAgreementRow | undefined {
  return db.select().from(dataAgreements).where(eq(dataAgreements.threadId, threadId)).get()
}

export function allAgreements(db: AppDatabase): DataAgreementRow[] {
  return db.select().from(dataAgreements).all()
}

/**
 * A new offer, or a new revision of one on the same thread: what the company signed replaces the table.
 * An offer read from a company's TMF644 API comes unsigned (TMF644 has no signatures).
 */
export function saveOffer(
  db: AppDatabase,
  offer: { connectionId: string; threadId: string; terms: AgreementTerms; signature?: AgreementSignature },
  at: string,
): void {
  const values = {
    state: 'offered' as const,
    offered: JSON.stringify(offer.terms),
    current: JSON.stringify(offer.terms),
    companySignature: offer.signature ? JSON.stringify(offer.signature) : null,
    holderSignature: null,
    updatedAt: at,
  }
  db.insert(dataAgreements)
    .values({
      id: offer.terms.id,
      connectionId: offer.connectionId,
      threadId: offer.threadId,
      createdAt: at,
      ...values,
    })
    .onConflictDoUpdate({ target: dataAgreements.id, set: values })
    .run()
}

export function updateAgreement(db: AppDatabase, id: string, change: Partial<DataAgreementRow>): void {
  db.update(dataAgreements)
    .set({ ...change, updatedAt: new Date().toISOString() })
    .where(eq(dataAgreements.id, id))
    .run()
}

/** Counts a request that named an ended agreement: the company kept using what it no longer may. */
export function countUseAfterEnd(db: AppDatabase, id: string): void {
  db.update(dataAgreements)
    .set({ usedAfterEnd: sql`${dataAgreements.usedAfterEnd} + 1` })
    .where(eq(dataAgreements.id, id))
    .run()
}
