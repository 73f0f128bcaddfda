import {
  DidCommMediatorPickupStrategy,
  DidCommMessageForwardingStrategy,
  type DidCommModuleConfigOptions,
} from '@credo-ts/didcomm'

import { MediationModule } from './MediationModule'
import {
  MediationQueueModule,
  PersistentQueueTransportRepository,
  type MediationQueueConfigOptions,
} from './mediator/queue'

export interface MediationOptions {
  /** Serve as mediator for other nodes: grant their requests and hold their messages. */
  mediator?: boolean
  /**
   * Pickup polling interval as a recipient. Live mode (the default strategy) does not poll; it
   * only matters for a mediator record that was stored with a polling strategy.
   */
  pollingIntervalMs?: number
  /** As a mediator: lease, per-recipient quotas and expiry of the pickup queue. */
  queue?: MediationQueueConfigOptions
}

/** Credo's routing protocols configured for both roles a Custos node can take (a part of DidCommModule's options). */
export function mediationDidComm(options: MediationOptions = {}) {
  return {
    // The pickup queue in the app database (or PostgreSQL), not Credo's in-memory one a restart would lose.
    queueTransportRepository: new PersistentQueueTransportRepository(),
    messagePickup: true,
    mediator: {
      // Never Credo's auto-accept: whoever had a link would get a relay. MediationGrantService decides.
      autoAcceptMediationRequests: false,
      // Queue first, then push over a live socket: a message is on disk before anyone may ack it.
      messageForwardingStrategy: DidCommMessageForwardingStrategy.QueueAndLiveModeDelivery,
    },
    mediationRecipient: {
      // Batch pickup of what queued up while we were away, then live delivery over the WebSocket.
      mediatorPickupStrategy: DidCommMediatorPickupStrategy.PickUpV2LiveMode,
      mediatorPollingInterval: options.pollingIntervalMs ?? 5_000,
      // A queue of thousands drains in round trips of this many rather than Credo's 10 (77 msg/s became
      // 83 at 10,000 in scripts/bench/mediation-drain.ts). The rest of the gap to the direct rate was one
      // message at a time behind each batch; recipient/keepDeliveredBatches hands batches to the spool.
      maximumMessagePickup: 100,
      baseMediatorReconnectionIntervalMs: 500,
      // A household mediator may be off for hours; keep retrying, but not with ever longer gaps.
      maximumMediatorReconnectionIntervalMs: 30_000,
    },
  } satisfies DidCommModuleConfigOptions
}

/** Ours over Credo's routing protocols: the persistent queue's store and the person's side of mediation. */
export function mediationModules(options: MediationOptions = {}) {
  return {
    mediationQueue: new MediationQueueModule(options.queue),
    custosMediation: new MediationModule({ servesAsMediator: options.mediator === true }),
  }
}
