import {
  MdocRecord,
  MdocRepository,
  SdJwtVcRecord,
  SdJwtVcRepository,
  W3cCredentialRecord,
  W3cCredentialRepository,
  type AgentContext,
} from '@credo-ts/core'

/** The records an OpenID4VC credential is kept in, each of which can hold a batch of instances. */
export type BatchRecord = SdJwtVcRecord | MdocRecord | W3cCredentialRecord

/** The credential with this id as stored now, in whichever of the three repositories holds it. */
export async function findBatchRecord(agentContext: AgentContext, id: string): Promise<BatchRecord | null> {
  return (
    (await agentContext.resolve(SdJwtVcRepository).findById(agentContext, id)) ??
    (await agentContext.resolve(MdocRepository).findById(agentContext, id)) ??
    (await agentContext.resolve(W3cCredentialRepository).findById(agentContext, id))
  )
}

export function isBatchRecord(record: unknown): record is BatchRecord {
  return record instanceof SdJwtVcRecord || record instanceof MdocRecord || record instanceof W3cCredentialRecord
}

export async function saveBatchRecord(agentContext: AgentContext, record: BatchRecord): Promise<void> {
  if (record instanceof MdocRecord) await agentContext.resolve(MdocRepository).update(agentContext, record)
  else if (record instanceof W3cCredentialRecord) {
    await agentContext.resolve(W3cCredentialRepository).update(agentContext, record)
  } else await agentContext.resolve(SdJwtVcRepository).update(agentContext, record)
}
