import { EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommEventTypes,
  DidCommTransportEventTypes,
  type DidCommMessageProcessedEvent,
  type DidCommTransportSessionRemovedEvent,
  type DidCommTransportSessionSavedEvent,
} from '@credo-ts/didcomm'

import { HouseholdEventTypes, type MemberReachabilityChangedEvent } from './HouseholdEvents'

export interface Presence {
  reachable: boolean
  reachableSince?: number
  lastSeenAt?: number
}

/**
 * Which members' nodes hold a socket open to this node now, and since when. A member's node in live
 * pickup keeps a WebSocket open with return routing, which Credo keeps as a transport session bound to
 * the connection: its arrival and its removal are the truth of "reachable". Kept in memory, per agent:
 * after a restart nobody is reachable until their node reconnects, which is also true.
 */
export class MemberPresence {
  private readonly sockets = new Map<string, Set<string>>()
  private readonly openSince = new Map<string, number>()
  private readonly lastSeen = new Map<string, number>()

  watch(agentContext: AgentContext): void {
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    events.on<DidCommTransportSessionSavedEvent>(DidCommTransportEventTypes.DidCommTransportSessionSaved, (e) => {
      const { id, connectionId, type } = e.payload.session
      if (type !== 'WebSocket' || !connectionId) return
      const open = this.sockets.get(connectionId) ?? new Set<string>()
      open.add(id)
      this.sockets.set(connectionId, open)
      this.lastSeen.set(connectionId, Date.now())
      if (this.openSince.has(connectionId)) return
      this.openSince.set(connectionId, Date.now())
      changed(agentContext, events, connectionId, true)
    })
    events.on<DidCommTransportSessionRemovedEvent>(DidCommTransportEventTypes.DidCommTransportSessionRemoved, (e) => {
      const { id, connectionId, type } = e.payload.session
      if (type !== 'WebSocket' || !connectionId) return
      const open = this.sockets.get(connectionId)
      open?.delete(id)
      if (open && open.size > 0) return
      this.sockets.delete(connectionId)
      if (this.openSince.delete(connectionId)) changed(agentContext, events, connectionId, false)
    })
    events.on<DidCommMessageProcessedEvent>(DidCommEventTypes.DidCommMessageProcessed, (e) => {
      const connectionId = e.payload.connection?.id
      if (connectionId) this.lastSeen.set(connectionId, Date.now())
    })
  }

  of(connectionId: string): Presence {
    const since = this.openSince.get(connectionId)
    return { reachable: since !== undefined, reachableSince: since, lastSeenAt: this.lastSeen.get(connectionId) }
  }
}

function changed(agentContext: AgentContext, events: EventEmitter, connectionId: string, reachable: boolean): void {
  events.emit<MemberReachabilityChangedEvent>(agentContext, {
    type: HouseholdEventTypes.MemberReachabilityChanged,
    payload: { connectionId, reachable },
  })
}
