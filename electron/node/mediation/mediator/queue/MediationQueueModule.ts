import {
  InjectionSymbols,
  type AgentContext,
  type DependencyManager,
  type MessagePickupRepository,
  type Module,
} from '@credo-ts/core'

import { deleteWhenSent } from './deleteWhenSent'
import { MediationQueueConfig, type MediationQueueConfigOptions } from './MediationQueueConfig'
import { StorageMessagePickupRepository } from './StorageMessagePickupRepository'

/**
 * Puts the persistent pickup queue in place of Credo's in-memory one. MessagePickupModule only
 * falls back to its in-memory queue when the token is free, and tsyringe resolves the latest
 * registration, so this works whichever module registers first.
 */
export class MediationQueueModule implements Module {
  readonly config: MediationQueueConfig

  constructor(options?: MediationQueueConfigOptions) {
    this.config = new MediationQueueConfig(options)
  }

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerInstance(MediationQueueConfig, this.config)
    dependencyManager.registerSingleton(InjectionSymbols.MessagePickupRepository, StorageMessagePickupRepository)
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const queue = agentContext.dependencyManager.resolve<MessagePickupRepository>(
      InjectionSymbols.MessagePickupRepository,
    )
    if (queue instanceof StorageMessagePickupRepository) deleteWhenSent(agentContext, queue)
  }
}
