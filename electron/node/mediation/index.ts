export { MediatedRecipientsService } from './MediatedRecipientsService'
export { MediatorChoiceService, type UseMediatorOptions } from './MediatorChoiceService'
export { mediationModules, type MediationOptions } from './mediationModules'
export {
  MediationQueueConfig,
  MediationQueueModule,
  QueuedMessageRecord,
  QueuedMessageRepository,
  StorageMessagePickupRepository,
} from './queue'
