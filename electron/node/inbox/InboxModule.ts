import { inboxContract } from '../../../shared/api'
import type { ContractModule } from '../api'
import { InboxApi } from './InboxApi'

/** The inbound spool's dead letters through the API; no protocol and no storage of its own. */
export class InboxModule implements ContractModule<typeof inboxContract> {
  readonly api = InboxApi
  readonly contract = inboxContract

  register(): void {}
}
