import type { DependencyManager } from '@credo-ts/core'

import { privacyProfileContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { PrivacyProfileApi } from './PrivacyProfileApi'
import { PrivacyProfileService } from './PrivacyProfileService'

/**
 * The person's privacy profile: limits on any use of their data, whoever asks. No protocol of its own;
 * consent reads it on every decision (a policy never answers beyond it), and the request screens show a
 * request's position against it.
 */
export class PrivacyProfileModule implements ContractModule<typeof privacyProfileContract> {
  readonly api = PrivacyProfileApi
  readonly contract = privacyProfileContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(PrivacyProfileService)
  }
}
