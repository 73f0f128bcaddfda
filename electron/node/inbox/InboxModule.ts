import type { DependencyManager } from '@credo-ts/core'

import { inboxContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { MESSAGE_COMMIT_PROBE } from '../transports/spool/commitProbes'
import { basicMessageCommitted } from './basicMessageCommitted'
import { InboxApi } from './InboxApi'

/**
 * What arrives: the inbound spool's dead letters through the API, and how a received basic message is
 * recognised as already stored after a crash. No protocol and no storage of its own.
 */
export class InboxModule implements ContractModule<typeof inboxContract> {
  readonly api = InboxApi
  readonly contract = inboxContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerInstance(MESSAGE_COMMIT_PROBE, basicMessageCommitted)
  }
}
