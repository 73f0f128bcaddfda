import { EventEmitter, InjectionSymbols, Repository, inject, injectable, type StorageService } from '@credo-ts/core'

import { QueuedMessageRecord } from './QueuedMessageRecord'

// Explicit tokens: the child-process scripts run under tsx (esbuild), which emits no decorator metadata.
@injectable()
export class QueuedMessageRepository extends Repository<QueuedMessageRecord> {
  constructor(
    @inject(InjectionSymbols.StorageService) storageService: StorageService<QueuedMessageRecord>,
    @inject(EventEmitter) eventEmitter: EventEmitter,
  ) {
    super(QueuedMessageRecord, storageService, eventEmitter)
  }
}
