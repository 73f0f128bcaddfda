import { MediationRecipientModule, MediatorModule, MediatorPickupStrategy, MessagePickupModule } from '@credo-ts/core'

import { MediationModule } from './MediationModule'
import { MediationQueueModule, type MediationQueueConfigOptions } from './mediator/queue'

// Credo 0.5 does not export this enum from its package root, and a deep import of its build folder
// fails under Node's ESM resolution (the bundled Electron main); the enum's value is its name.
type ForwardingStrategy = NonNullable<
  NonNullable<ConstructorParameters<typeof MediatorModule>[0]>['messageForwardingStrategy']
>
const QUEUE_AND_LIVE_DELIVERY = 'QueueAndLiveModeDelivery' as ForwardingStrategy

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

/** Credo's routing modules configured for both roles a Custos node can take, and ours over them. */
export function mediationModules(options: MediationOptions = {}) {
  return {
    // Before messagePickup so its registration of the queue is the one in place from the start.
    mediationQueue: new MediationQueueModule(options.queue),
    messagePickup: new MessagePickupModule(),
    mediator: new MediatorModule({
      // Never Credo's auto-accept: whoever had a link would get a relay. MediationGrantService decides.
      autoAcceptMediationRequests: false,
      // Queue first, then push over a live socket: a message is on disk before anyone may ack it.
      messageForwardingStrategy: QUEUE_AND_LIVE_DELIVERY,
    }),
    mediationRecipient: new MediationRecipientModule({
      // Batch pickup of what queued up while we were away, then live delivery over the WebSocket.
      mediatorPickupStrategy: MediatorPickupStrategy.PickUpV2LiveMode,
      mediatorPollingInterval: options.pollingIntervalMs ?? 5_000,
      // A queue of thousands drains in round trips of this many rather than Credo's 10 (77 msg/s became
      // 83 at 10,000 in scripts/bench/mediation-drain.ts). The rest of the gap to the direct rate was one
      // message at a time behind each batch; recipient/keepDeliveredBatches hands batches to the spool.
      maximumMessagePickup: 100,
      baseMediatorReconnectionIntervalMs: 500,
      // A household mediator may be off for hours; keep retrying, but not with ever longer gaps.
      maximumMediatorReconnectionIntervalMs: 30_000,
    }),
    custosMediation: new MediationModule({ servesAsMediator: options.mediator === true }),
  }
}
