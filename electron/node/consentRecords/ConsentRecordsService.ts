import { inject, injectable, type AgentContext } from '@credo-ts/core'
import { eq } from 'drizzle-orm'

import type { DpvConsentRecord } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { AgreementsService } from '../agreements'
import { consentEvaluations } from '../consent'
import { HolderDidService } from '../credentials'
import { appDatabaseOf } from '../db'
import { DisclosuresService } from '../disclosures'
import { RequestsService } from '../requests'
import { dpvPurposes } from '../vocabulary'
import { recordOfAgreement, recordOfDisclosure, recordOfRefusal } from './recordsOf'

/** Every agreement, disclosure and refusal as a DPV consent record, built from what the node keeps. */
@injectable()
export class ConsentRecordsService {
  constructor(
    @inject(AgreementsService) private readonly agreements: AgreementsService,
    @inject(DisclosuresService) private readonly disclosures: DisclosuresService,
    @inject(RequestsService) private readonly requests: RequestsService,
    @inject(HolderDidService) private readonly holderDids: HolderDidService,
  ) {}

  async records(agentContext: AgentContext, id?: string): Promise<DpvConsentRecord[]> {
    const principal = await this.holderDids.holderDid(agentContext)
    const receipts = await this.disclosures.receipts(agentContext)
    const records = [
      ...(await this.agreements.list(agentContext)).map((agreement) => recordOfAgreement(agreement, principal)),
      ...receipts.map(recordOfDisclosure),
      ...(await this.refusals(agentContext, principal)),
    ].sort((a, b) => b['dct:modified'].localeCompare(a['dct:modified']))
    if (!id) return records
    const chosen = records.filter((record) => record['dct:identifier'] === id)
    if (!chosen.length) throw new CustosError('NotFound', 'There is no such consent record.')
    return chosen
  }

  // Refused by a policy or an agreement (the person's own declines stay with the request).
  private async refusals(agentContext: AgentContext, principal: string): Promise<DpvConsentRecord[]> {
    const rows = appDatabaseOf(agentContext)
      .select()
      .from(consentEvaluations)
      .where(eq(consentEvaluations.outcome, 'refuse'))
      .all()
    const vocabulary = dpvPurposes()
    return Promise.all(
      rows.map(async (row) => {
        const summary = await this.requests.get(agentContext, row.requestId).catch(() => undefined)
        const stated = [summary?.dpvPurpose, summary?.purpose].map((text) => text && vocabulary.lookup(text))
        return recordOfRefusal(
          {
            requestId: row.requestId,
            at: row.evaluatedAt,
            connectionId: summary?.connectionId,
            requester: summary?.requester,
            purposes: stated.filter((purpose): purpose is string => Boolean(purpose)).slice(0, 1),
            claims: [...new Set(summary?.asked.flatMap((item) => item.claims) ?? [])],
            retention: summary?.retention,
          },
          principal,
        )
      }),
    )
  }
}
