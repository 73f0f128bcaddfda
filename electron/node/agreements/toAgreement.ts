import { DidCommConnectionRepository } from '@credo-ts/didcomm'
import type { AgentContext } from '@credo-ts/core'

import type { AgreementSignature, AgreementTerms, DataAgreement } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { currentProfile, positionOf } from '../privacyProfile'
import { dpvPurposes } from '../vocabulary'
import { asDataList } from './agreementTerms'
import { TMF644_CHANNEL, type DataAgreementRow } from './agreementsTable'

function hostOf(connectionId: string): string | undefined {
  if (!connectionId.startsWith(TMF644_CHANNEL)) return undefined
  try {
    return new URL(connectionId.slice(TMF644_CHANNEL.length)).host
  } catch {
    return undefined
  }
}

const parsed = <T>(json: string | null): T | undefined => (json ? (JSON.parse(json) as T) : undefined)

/** A stored agreement as the person sees it, with the offer's position against the profile as it is now. */
export async function toAgreement(agentContext: AgentContext, row: DataAgreementRow): Promise<DataAgreement> {
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionRepository)
    .findById(agentContext, row.connectionId)
  const offered = JSON.parse(row.offered) as AgreementTerms
  const profile = currentProfile(appDatabaseOf(agentContext))
  return {
    id: row.id,
    connectionId: row.connectionId,
    // An agreement made through a company's website has no connection: the site's host names it.
    company: connection?.theirLabel ?? hostOf(row.connectionId),
    state: row.state,
    offered,
    current: JSON.parse(row.current) as AgreementTerms,
    position: positionOf(profile, asDataList(offered), dpvPurposes()),
    companySignature: parsed<AgreementSignature>(row.companySignature),
    holderSignature: parsed<AgreementSignature>(row.holderSignature),
    endedBy: row.endedBy ?? undefined,
    reason: row.reason ?? undefined,
    usedAfterEnd: row.usedAfterEnd,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}
