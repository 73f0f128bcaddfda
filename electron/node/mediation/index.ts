export { MediationApi } from './MediationApi'
export { MediationModule } from './MediationModule'
export { mediationDidComm, mediationModules, type MediationOptions } from './mediationModules'
export {
  checkPgQueueSchema,
  MediationQueueConfig,
  MediationQueueModule,
  PersistentQueueTransportRepository,
  PICKUP_QUEUE,
  pickupQueueOf,
  PostgresMessagePickupRepository,
  RecipientQueueFullError,
  StorageMessagePickupRepository,
  type PickupQueue,
  type PostgresQueueOptions,
} from './mediator/queue'
export { MediatedNodesService } from './mediator/MediatedNodesService'
export { UpstreamMediatorService, type UseMediatorOptions } from './recipient/UpstreamMediatorService'
