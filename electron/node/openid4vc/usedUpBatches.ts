import { type AgentContext, type DcqlCredentialsForRequest } from '@credo-ts/core'

import type { RequestWarning } from '../../../shared/api'
import { findBatchRecord } from './batchRecords'
import { instanceFor } from './instancePerVerifier'
import { renewalOf } from './renewal'

/**
 * Said before the person answers: a batch credential the answer would use has no instance left that this
 * verifier may get (every one went to another verifier), so the answer would be refused rather than let
 * the verifiers link the person; and whether Custos can ask the issuer for a new batch (`openid4vc.renewBatch`).
 */
export async function usedUpWarnings(
  agentContext: AgentContext,
  verifier: string,
  selection: DcqlCredentialsForRequest | undefined,
): Promise<RequestWarning[]> {
  const ids = new Set(
    Object.values(selection ?? {}).flatMap((entries) => entries.map((entry) => entry.credentialRecord.id)),
  )
  const warnings: RequestWarning[] = []
  for (const id of ids) {
    // The record as stored now: the ledger of given instances may have grown since the request was read.
    const record = await findBatchRecord(agentContext, id)
    if (!record) continue
    if (record.credentialInstances.length < 2 || instanceFor(record, verifier) !== undefined) continue
    const renewable = renewalOf(record) !== undefined
    warnings.push({
      kind: renewable ? 'used-up-batch-renewable' : 'used-up-batch',
      message: renewable
        ? 'Every copy of this credential went to another company already; answering with one would let them link you. Custos can ask the issuer for new copies first.'
        : 'Every copy of this credential went to another company already; answering with one would let them link you. Nothing can be sent until the issuer gives you the credential again.',
      claims: [],
      credentialId: id,
    })
  }
  return warnings
}

/** Whether a request's warnings name a used-up batch: no policy answers it (the send would be refused). */
export function namesUsedUpBatch(warnings: readonly RequestWarning[]): boolean {
  return warnings.some((warning) => warning.kind === 'used-up-batch' || warning.kind === 'used-up-batch-renewable')
}
