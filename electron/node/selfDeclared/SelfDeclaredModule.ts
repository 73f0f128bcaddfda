import type { DependencyManager } from '@credo-ts/core'

import { selfDeclaredContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { SelfDeclaredApi } from './SelfDeclaredApi'
import { SelfDeclaredService } from './SelfDeclaredService'

/** Self-declared data: a table in the app database, no DIDComm protocol of its own. */
export class SelfDeclaredModule implements ContractModule<typeof selfDeclaredContract> {
  readonly api = SelfDeclaredApi
  readonly contract = selfDeclaredContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(SelfDeclaredService)
  }
}
