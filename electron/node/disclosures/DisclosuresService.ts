import { randomUUID } from 'node:crypto'

import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { and, eq } from 'drizzle-orm'

import type { ConsentReceipt, Disclosure, DisclosureDelivery, DisclosurePage } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { ConsentService } from '../consent'
import { HolderDidService } from '../credentials'
import { appDatabaseOf } from '../db'
import { allDisclosures, disclosureById, disclosurePage } from './disclosureStore'
import { disclosureNotices, disclosures, type NewDisclosure } from './disclosureTables'
import { DisclosureEventTypes, type DisclosureChangedEvent } from './DisclosuresEvents'
import type { NoticeKind } from './protocol'
import { toReceipt } from './receipts'
import { markRevoked, refusingPolicyFor, requestDeletion, type DisclosureRow } from './revocation'

/** The disclosure history in the app database, revocation, the recipients' notices, receipts. Stateless. */
@injectable()
export class DisclosuresService {
  constructor(
    @inject(ConsentService) private readonly consent: ConsentService,
    @inject(HolderDidService) private readonly holderDids: HolderDidService,
    @inject(EventEmitter) private readonly events: EventEmitter,
  ) {}

  list(agentContext: AgentContext): Disclosure[] {
    return allDisclosures(appDatabaseOf(agentContext))
  }

  page(agentContext: AgentContext, limit: number, before?: string): DisclosurePage {
    return disclosurePage(appDatabaseOf(agentContext), limit, before)
  }

  get(agentContext: AgentContext, id: string): Disclosure {
    return disclosureById(appDatabaseOf(agentContext), id)
  }

  /**
   * The history entry of an answer about to leave, written before it leaves (`delivery` pending);
   * `settleDelivery` completes it. Whatever protocol describes the row, it is kept and announced the same way.
   */
  beginDisclosure(agentContext: AgentContext, row: NewDisclosure): Disclosure {
    appDatabaseOf(agentContext)
      .insert(disclosures)
      .values({ ...row, delivery: 'pending', deliveryNote: null })
      .onConflictDoNothing()
      .run()
    return this.changed(agentContext, row.id, 'recorded')
  }

  /** Whether the answer of a pending entry left; `note` says why in words when it did not (or may not have). */
  settleDelivery(
    agentContext: AgentContext,
    id: string,
    delivery: Exclude<DisclosureDelivery, 'pending'>,
    note?: string,
  ) {
    appDatabaseOf(agentContext)
      .update(disclosures)
      .set({ delivery, deliveryNote: note ?? null })
      .where(and(eq(disclosures.id, id), eq(disclosures.delivery, 'pending')))
      .run()
    return this.changed(agentContext, id, 'delivery')
  }

  /**
   * Takes back a grant. Decided by a policy: the policy is revoked, and with it every disclosure it
   * decided. Decided by the person: a policy refusing the same data to the same connection is made.
   * Either way each recipient is asked to delete what it received.
   */
  async revoke(agentContext: AgentContext, id: string): Promise<Disclosure> {
    const disclosure = this.get(agentContext, id)
    const consent = this.consent
    const db = appDatabaseOf(agentContext)
    if (disclosure.decidedBy.kind === 'policy') {
      const policy = consent.get(agentContext, disclosure.decidedBy.policyId)
      // Marked first, so the policy's revoked event finds nothing left to do and nothing is asked twice.
      const rows = this.revoked(agentContext, markRevoked(db, eq(disclosures.policyId, policy.id)))
      if (policy.status !== 'revoked') consent.revoke(agentContext, policy.id)
      await this.requestDeletion(agentContext, rows)
    } else if (!disclosure.revokedAt) {
      // A policy names a connection; an OpenID4VP verifier has none, so its entry is only marked revoked.
      if (disclosure.connectionId) consent.create(agentContext, refusingPolicyFor(disclosure))
      await this.requestDeletion(agentContext, this.revoked(agentContext, markRevoked(db, eq(disclosures.id, id))))
    }
    return this.get(agentContext, id)
  }

  /** Every disclosure made under an agreement that ended: revoked, and its recipient asked to delete. */
  async revokeUnderAgreement(agentContext: AgentContext, agreementId: string): Promise<void> {
    const rows = markRevoked(appDatabaseOf(agentContext), eq(disclosures.agreementId, agreementId))
    await this.requestDeletion(agentContext, this.revoked(agentContext, rows))
  }

  /** Asks again, signed, for a deletion the recipient has not confirmed. */
  async remind(agentContext: AgentContext, id: string): Promise<Disclosure> {
    const disclosure = this.get(agentContext, id)
    if (!disclosure.deletion || disclosure.deletion.acknowledgedAt) {
      throw new InvalidInputError('Only a deletion that was asked for and not confirmed yet can be asked again.')
    }
    const row = appDatabaseOf(agentContext).select().from(disclosures).where(eq(disclosures.id, id)).get()
    if (row) await this.requestDeletion(agentContext, [{ ...row, deletionRequestedAt: null }])
    return this.get(agentContext, id)
  }

  /** Every disclosure a (now revoked) policy decided: revoked, and its recipient asked to delete. */
  async revokeDecidedBy(agentContext: AgentContext, policyId: string): Promise<void> {
    const rows = markRevoked(appDatabaseOf(agentContext), eq(disclosures.policyId, policyId))
    await this.requestDeletion(agentContext, this.revoked(agentContext, rows))
  }

  recordNotice(
    agentContext: AgentContext,
    connectionId: string,
    grantThreadId: string,
    kind: NoticeKind,
    messageId: string,
    note?: string,
    signed = false,
  ): boolean {
    const db = appDatabaseOf(agentContext)
    // Only the connection the data went to can speak about it.
    const row = db
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.threadId, grantThreadId), eq(disclosures.connectionId, connectionId)))
      .get()
    if (!row) return false
    const receivedAt = new Date().toISOString()
    this.addNotice(agentContext, row.id, { kind, messageId, note: note ?? null, receivedAt, signed })
    return true
  }

  /**
   * The requester's answer to the presentation of a recorded disclosure: it acknowledged it, or refused
   * it with a problem report (`reason`, its words). Either way the disclosure stays: the data left.
   */
  recordVerdict(
    agentContext: AgentContext,
    requestId: string,
    verdict: { kind: 'accepted' | 'refused'; reason?: string; at: string },
  ): boolean {
    const { kind, reason, at } = verdict
    const db = appDatabaseOf(agentContext)
    const row = db.select().from(disclosures).where(eq(disclosures.requestId, requestId)).get()
    if (!row) return false
    this.addNotice(agentContext, row.id, {
      kind,
      messageId: `${row.threadId}#${kind}`,
      note: reason ?? null,
      receivedAt: at,
    })
    return true
  }

  private addNotice(
    agentContext: AgentContext,
    disclosureId: string,
    notice: Omit<typeof disclosureNotices.$inferInsert, 'id' | 'disclosureId'>,
  ): void {
    appDatabaseOf(agentContext)
      .insert(disclosureNotices)
      .values({ id: randomUUID(), disclosureId, ...notice })
      .run()
    this.changed(agentContext, disclosureId, 'notice')
  }

  async receipts(agentContext: AgentContext, id?: string): Promise<ConsentReceipt[]> {
    const principal = await this.holderDids.holderDid(agentContext)
    const chosen = id ? [this.get(agentContext, id)] : this.list(agentContext)
    return chosen.map((disclosure) => toReceipt(disclosure, principal))
  }

  private revoked(agentContext: AgentContext, rows: DisclosureRow[]): DisclosureRow[] {
    for (const row of rows) this.changed(agentContext, row.id, 'revoked')
    return rows
  }

  private async requestDeletion(agentContext: AgentContext, rows: DisclosureRow[]): Promise<void> {
    for (const row of rows) {
      if (await requestDeletion(agentContext, appDatabaseOf(agentContext), row)) {
        this.changed(agentContext, row.id, 'deletion-requested')
      }
    }
  }

  private changed(agentContext: AgentContext, id: string, change: DisclosureChangedEvent['payload']['change']) {
    const disclosure = this.get(agentContext, id)
    this.events.emit<DisclosureChangedEvent>(agentContext, {
      type: DisclosureEventTypes.DisclosureChanged,
      payload: { disclosure, change },
    })
    return disclosure
  }
}
