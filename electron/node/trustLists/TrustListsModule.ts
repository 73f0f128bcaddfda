import type { DependencyManager } from '@credo-ts/core'

import { trustListsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { TrustListsApi } from './TrustListsApi'
import { TrustListsService } from './TrustListsService'

/** Signed trust lists the person imported: which requester DIDs hold which roles. No protocol of its own. */
export class TrustListsModule implements ContractModule<typeof trustListsContract> {
  readonly api = TrustListsApi
  readonly contract = trustListsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(TrustListsService)
  }
}
