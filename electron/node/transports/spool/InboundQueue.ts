import path from 'node:path'

import type { AgentContext, Logger } from '@credo-ts/core'

import { ByteBudget } from '../ByteBudget'
import { markProcessingStages } from '../processingStages'
import { InboundSpool, type SpoolQuota } from './InboundSpool'
import { SeenMessages } from './SeenMessages'
import { SpoolDrainer } from './SpoolDrainer'

// Until an endpoint sets its own: what a mediator's pickup batches (a few messages of a few MB) need.
const DEFAULT_BODIES_BYTES = 48 * 1024 * 1024

/**
 * Everything that reaches the node is kept here before anyone is told it arrived: envelopes posted to
 * its own endpoint and batches it picked up from its mediator alike. It outlives one agent (a lock
 * stops the agent; what arrives meanwhile waits on disk) and exists whether or not the node listens.
 */
export class InboundQueue {
  readonly spool: InboundSpool
  readonly seen: SeenMessages
  readonly drainer: SpoolDrainer
  /** Bytes of bodies in memory at once, shared by the drainer and the node's own endpoint (which sets its cap). */
  readonly bodies = new ByteBudget(DEFAULT_BODIES_BYTES)
  private current?: AgentContext

  constructor(spoolDir: string, quota: SpoolQuota, logger: Logger) {
    this.spool = new InboundSpool(spoolDir, quota)
    this.seen = new SeenMessages(path.join(spoolDir, 'seen-ids'))
    this.drainer = new SpoolDrainer(this.spool, this.seen, () => this.current, logger, this.bodies)
  }

  /** The agent that processes; undefined while the store is locked. */
  agent(): AgentContext | undefined {
    return this.current
  }

  attach(agent: AgentContext): void {
    markProcessingStages(agent, this.seen)
    this.current = agent
    // What arrived while the store was locked, or before a crash, is processed now, in arrival order.
    this.drainer.kick()
  }

  detach(): void {
    this.current = undefined
  }
}
