import type { DependencyManager } from '@credo-ts/core'

import { tmf644Contract } from '../../../shared/api/tmf644'
import type { ContractModule } from '../kernel'
import { Tmf644Api } from './Tmf644Api'
import { Tmf644Service } from './Tmf644Service'

/**
 * TMF644 Privacy Management as the customer's side (docs/tmf644.md): a company's privacy specification
 * read from its own API into a data agreement, and the person's answer posted back. No DIDComm; the
 * agreements module keeps the table and its states, this module only speaks HTTP to the company.
 */
export class Tmf644Module implements ContractModule<typeof tmf644Contract> {
  readonly api = Tmf644Api
  readonly contract = tmf644Contract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(Tmf644Service)
  }
}
