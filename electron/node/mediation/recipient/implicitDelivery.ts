import { EventEmitter, InjectionSymbols, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionService,
  DidCommMessageSender,
  DidCommOutboundMessageContext,
  ReturnRouteTypes,
  DidCommTransportEventTypes,
  type DidCommOutboundWebSocketClosedEvent,
  type DidCommOutboundWebSocketOpenedEvent,
} from '@credo-ts/didcomm'

import { MediationModuleConfig } from '../MediationModuleConfig'

/** The one mediator socket kept open for implicit delivery, per agent. */
export class ImplicitDeliveryState {
  connectionId?: string
  timer?: NodeJS.Timeout
  delayMs?: number
  stopped = false
}

type StopSignal = { subscribe(next: () => void): unknown }

/**
 * Implicit delivery (RFC 0092 return route): a trust ping with return_route "all" over a WebSocket tells a
 * mediator that offers no pickup protocol to send our messages down that socket, for as long as it is
 * open. Credo's WebSocket transport keeps a socket open when the message on it asked for a return route;
 * when it closes (mediator restarted, network gone) it is opened again, with back-off.
 */
export function watchImplicitSocket(agentContext: AgentContext): void {
  const { dependencyManager } = agentContext
  const state = dependencyManager.resolve(ImplicitDeliveryState)
  const events = dependencyManager.resolve(EventEmitter)
  events.on<DidCommOutboundWebSocketClosedEvent>(
    DidCommTransportEventTypes.DidCommOutboundWebSocketClosedEvent,
    ({ payload }) => {
      if (payload.connectionId === state.connectionId) reopenLater(agentContext, state)
    },
  )
  events.on<DidCommOutboundWebSocketOpenedEvent>(
    DidCommTransportEventTypes.DidCommOutboundWebSocketOpenedEvent,
    ({ payload }) => {
      if (payload.connectionId !== state.connectionId) return
      // Open after all (a send that failed slowly can still open its socket): a retry it scheduled is
      // dropped, or it would stand in for the back-off this socket's own close must start.
      clearTimeout(state.timer)
      Object.assign(state, { timer: undefined, delayMs: undefined })
    },
  )
  dependencyManager.resolve<StopSignal>(InjectionSymbols.Stop$).subscribe(() => {
    state.stopped = true
    clearTimeout(state.timer)
  })
}

/** Starts implicit delivery from the mediator on this connection (after `afterMs`, e.g. until start-up ends). */
export function startImplicitDelivery(agentContext: AgentContext, connectionId: string, afterMs = 0): void {
  const state = agentContext.dependencyManager.resolve(ImplicitDeliveryState)
  stopImplicitDelivery(agentContext)
  state.connectionId = connectionId
  state.timer = setTimeout(() => void open(agentContext, state), afterMs)
}

export function stopImplicitDelivery(agentContext: AgentContext): void {
  const state = agentContext.dependencyManager.resolve(ImplicitDeliveryState)
  clearTimeout(state.timer)
  Object.assign(state, { connectionId: undefined, timer: undefined, delayMs: undefined })
}

async function open(agentContext: AgentContext, state: ImplicitDeliveryState): Promise<void> {
  state.timer = undefined
  const connectionId = state.connectionId
  if (state.stopped || !connectionId) return
  try {
    const connections = agentContext.dependencyManager.resolve(DidCommConnectionService)
    const connection = await connections.getById(agentContext, connectionId)
    const { message } = await connections.createTrustPing(agentContext, connection, { responseRequested: false })
    // Explicit: Credo adds it by itself only when our DID document has no endpoint of its own.
    message.setReturnRouting(ReturnRouteTypes.all)
    await agentContext.dependencyManager
      .resolve(DidCommMessageSender)
      .sendMessage(new DidCommOutboundMessageContext(message, { agentContext, connection }), {
        transportPriority: { schemes: ['wss', 'ws'], restrictive: true },
      })
  } catch (error) {
    agentContext.config.logger.warn('the WebSocket to the mediator did not open; trying again', { error })
    reopenLater(agentContext, state)
  }
}

function reopenLater(agentContext: AgentContext, state: ImplicitDeliveryState): void {
  if (state.stopped || !state.connectionId || state.timer) return
  const { reconnectMinMs, reconnectMaxMs } = agentContext.dependencyManager.resolve(MediationModuleConfig)
  const delay = state.delayMs ?? reconnectMinMs
  state.delayMs = Math.min(delay * 2, reconnectMaxMs)
  state.timer = setTimeout(() => void open(agentContext, state), delay)
}
