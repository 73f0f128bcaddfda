export { MediationQueueModule } from './MediationQueueModule'
export {
  MediationQueueConfig,
  type MediationQueueConfigOptions,
  type PostgresQueueOptions,
} from './MediationQueueConfig'
export { mediationQueue, mediationQueueRecipients } from './queueTable'
export { RecipientQueueFullError } from './RecipientQueueFullError'
export { StorageMessagePickupRepository } from './StorageMessagePickupRepository'
export { MediationQueueEventTypes, type MediationMessageQueuedEvent } from './queueEvents'
export { PostgresMessagePickupRepository } from './postgres/PostgresMessagePickupRepository'
export { checkPgQueueSchema } from './postgres/migratePgQueue'
export { pgMediationQueue, pgMediationQueueRecipients } from './postgres/pgQueueTable'
export {
  PersistentQueueTransportRepository,
  PICKUP_QUEUE,
  pickupQueueOf,
  type PickupQueue,
} from './PersistentQueueTransportRepository'
