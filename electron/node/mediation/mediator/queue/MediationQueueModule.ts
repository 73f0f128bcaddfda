import { type AgentContext, type DependencyManager, type Module } from '@credo-ts/core'

import { deleteWhenSent } from './deleteWhenSent'
import { MediationQueueConfig, type MediationQueueConfigOptions } from './MediationQueueConfig'
import { openPgQueue, PG_QUEUE } from './postgres/openPgQueue'
import { PostgresMessagePickupRepository } from './postgres/PostgresMessagePickupRepository'
import { releaseWhenSocketCloses } from './releaseWhenSocketCloses'
import { StorageMessagePickupRepository } from './StorageMessagePickupRepository'
import { PICKUP_QUEUE, type PickupQueue } from './PersistentQueueTransportRepository'

/**
 * Puts the persistent pickup queue in place of Credo's in-memory one: in the app database, or, for a
 * mediator of several instances, in PostgreSQL (the config says which). MessagePickupModule only falls
 * back to its in-memory queue when the token is free, and tsyringe resolves the latest registration, so
 * this works whichever module registers first.
 */
export class MediationQueueModule implements Module {
  readonly config: MediationQueueConfig

  constructor(options?: MediationQueueConfigOptions) {
    this.config = new MediationQueueConfig(options)
  }

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerInstance(MediationQueueConfig, this.config)
    if (this.config.postgres) dependencyManager.registerSingleton(PICKUP_QUEUE, PostgresMessagePickupRepository)
    else dependencyManager.registerSingleton(PICKUP_QUEUE, StorageMessagePickupRepository)
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const { postgres } = this.config
    if (postgres) {
      const queue = await openPgQueue(agentContext, postgres.connection, postgres.instanceId)
      agentContext.dependencyManager.registerInstance(PG_QUEUE, queue)
    }
    const queue = agentContext.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
    if (queue instanceof StorageMessagePickupRepository || queue instanceof PostgresMessagePickupRepository) {
      deleteWhenSent(agentContext, queue)
      releaseWhenSocketCloses(agentContext, queue)
    }
  }
}
