import {
  EventEmitter,
  MdocRecord,
  RepositoryEventTypes,
  SdJwtVcRecord,
  W3cCredentialRecord,
  type AgentContext,
  type BaseRecord,
  type RecordDeletedEvent,
  type RecordSavedEvent,
  type RecordUpdatedEvent,
} from '@credo-ts/core'

import { toHeldMdoc } from '../heldMdoc'
import { toHeldCredential } from '../provenance'
import { toHeldSdJwtVc } from '../sdJwt'
import { CredentialsService } from '../CredentialsService'
import { HeldIndexService } from './HeldIndexService'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Credo's own events type records so
type AnyRecord = BaseRecord<any, any, any>

/**
 * Keeps My data's index in step with Credo's credential records: every save, update and delete of a
 * W3C or SD-JWT VC record is written to the index in the same tick (Credo emits after its write). An
 * index that is empty while the store holds credentials (first start with the index, a restored store)
 * is built once from the records.
 */
export async function keepHeldIndexInStep(agentContext: AgentContext): Promise<void> {
  const index = agentContext.dependencyManager.resolve(HeldIndexService)
  const events = agentContext.dependencyManager.resolve(EventEmitter)
  const log = (error: unknown) =>
    agentContext.config.logger.warn('credentials: the My data index missed a change', {
      error: (error as Error).message,
    })
  const follow = ({ payload }: RecordSavedEvent<AnyRecord> | RecordUpdatedEvent<AnyRecord>) => {
    try {
      const record: unknown = payload.record
      if (record instanceof W3cCredentialRecord) index.put(agentContext, toHeldCredential(record))
      else if (record instanceof SdJwtVcRecord) index.put(agentContext, toHeldSdJwtVc(agentContext, record))
      else if (record instanceof MdocRecord) index.put(agentContext, toHeldMdoc(record))
    } catch (error) {
      log(error)
    }
  }
  events.on<RecordSavedEvent<AnyRecord>>(RepositoryEventTypes.RecordSaved, follow)
  events.on<RecordUpdatedEvent<AnyRecord>>(RepositoryEventTypes.RecordUpdated, follow)
  events.on<RecordDeletedEvent<AnyRecord>>(RepositoryEventTypes.RecordDeleted, ({ payload }) => {
    const { type, id } = payload.record
    if (type !== W3cCredentialRecord.type && type !== SdJwtVcRecord.type && type !== MdocRecord.type) return
    try {
      index.remove(agentContext, id)
    } catch (error) {
      log(error)
    }
  })
  if (index.count(agentContext) > 0) return
  const held = await agentContext.dependencyManager.resolve(CredentialsService).list(agentContext)
  index.putAll(agentContext, held)
}
