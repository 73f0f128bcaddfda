import { injectable, type AgentContext } from '@credo-ts/core'
import { DidCommMessagePickupApi } from '@credo-ts/didcomm'

import { MediationQueueConfig, StorageMessagePickupRepository, PICKUP_QUEUE, type PickupQueue } from '../queue'
import { pushedTo } from './collectors'
import { DirectDeliveryState } from './DirectDeliveryState'
import { recipientEndpoints, returnRouteSocket } from './recipientEndpoints'
import { sendEnvelope } from './sendEnvelope'

/**
 * Delivers what the queue holds for a recipient that does not collect by pickup, straight to it: over a
 * WebSocket it holds open with return_route, else to its own endpoint. A message is taken from the queue
 * under a lease (so a pickup cannot hand it out meanwhile), deleted only once it arrived, and given back
 * when it did not; the drain then stops, keeping arrival order, and is retried with back-off. Pickup users
 * and recipients without an endpoint are left to the queue; a live pickup session is Credo's to serve.
 */
@injectable()
export class DirectDeliveryService {
  /** Drains the connection's queue if that is how it is reached; a drain already running looks again. */
  async deliver(agentContext: AgentContext, connectionId: string): Promise<void> {
    const state = agentContext.dependencyManager.resolve(DirectDeliveryState)
    if (state.stopped || state.retryTimers.has(connectionId)) return
    if (state.draining.has(connectionId)) {
      state.draining.set(connectionId, true)
      return
    }
    try {
      do {
        state.draining.set(connectionId, false)
        await this.drain(agentContext, state, connectionId)
      } while (state.draining.get(connectionId) === true && !state.stopped)
    } catch (error) {
      // Resolving the recipient or reading the queue failed, not a send: the messages are queued, try later.
      agentContext.config.logger.error('direct delivery could not run', { connectionId, error })
      this.retryLater(agentContext, state, connectionId)
    } finally {
      state.draining.delete(connectionId)
    }
  }

  private async drain(agentContext: AgentContext, state: DirectDeliveryState, connectionId: string): Promise<void> {
    const queue = agentContext.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
    if (!(queue instanceof StorageMessagePickupRepository)) return
    if (!(await pushedTo(agentContext, state, connectionId))) return
    const config = agentContext.dependencyManager.resolve(MediationQueueConfig)
    const endpoints = await recipientEndpoints(agentContext, connectionId)
    while (!state.stopped && !(await this.liveSession(agentContext, connectionId))) {
      const socket = returnRouteSocket(agentContext, connectionId)
      if (!socket && endpoints.length === 0) return
      const [message] = await queue.takeFromQueue({ connectionId, limit: 1 })
      if (!message) {
        state.backoffMs.delete(connectionId)
        return
      }
      try {
        if (socket) await socket.send(agentContext, message.encryptedMessage)
        else await this.toFirstReachable(endpoints, message.encryptedMessage, config.deliveryTimeoutMs)
      } catch (error) {
        queue.release(connectionId, [message.id])
        agentContext.config.logger.warn('direct delivery failed; the message stays queued', { connectionId, error })
        return this.retryLater(agentContext, state, connectionId)
      }
      await queue.removeMessages({ connectionId, messageIds: [message.id] })
    }
  }

  private async toFirstReachable(endpoints: string[], envelope: Parameters<typeof sendEnvelope>[1], timeoutMs: number) {
    let failure: unknown
    for (const endpoint of endpoints) {
      try {
        return await sendEnvelope(endpoint, envelope, timeoutMs)
      } catch (error) {
        failure = error
      }
    }
    throw failure
  }

  private async liveSession(agentContext: AgentContext, connectionId: string): Promise<boolean> {
    const pickup = agentContext.dependencyManager.resolve(DidCommMessagePickupApi)
    return (await pickup.getLiveModeSession({ connectionId })) !== undefined
  }

  private retryLater(agentContext: AgentContext, state: DirectDeliveryState, connectionId: string): void {
    if (state.stopped || state.retryTimers.has(connectionId)) return
    const config = agentContext.dependencyManager.resolve(MediationQueueConfig)
    const delay = state.backoffMs.get(connectionId) ?? config.retryMinMs
    state.backoffMs.set(connectionId, Math.min(delay * 2, config.retryMaxMs))
    const timer = setTimeout(() => {
      state.retryTimers.delete(connectionId)
      void this.deliver(agentContext, connectionId)
    }, delay)
    timer.unref()
    state.retryTimers.set(connectionId, timer)
  }
}
