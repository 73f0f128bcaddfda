import type { DependencyManager } from '@credo-ts/core'

import { consentRecordsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { ConsentRecordsApi } from './ConsentRecordsApi'
import { ConsentRecordsService } from './ConsentRecordsService'

/**
 * Consent records in the open vocabulary (docs/consent-records.md): read-only views of agreements,
 * disclosures and refusals as W3C DPV records under the ISO/IEC TS 27560 profile, and Kantara receipts.
 */
export class ConsentRecordsModule implements ContractModule<typeof consentRecordsContract> {
  readonly api = ConsentRecordsApi
  readonly contract = consentRecordsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(ConsentRecordsService)
  }
}
