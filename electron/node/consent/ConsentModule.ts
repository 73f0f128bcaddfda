import { EventEmitter, type AgentContext, type DependencyManager } from '@credo-ts/core'
import {
  DidCommProofEventTypes,
  DidCommProofRole,
  DidCommProofState,
  type DidCommProofStateChangedEvent,
} from '@credo-ts/didcomm'

import { consentContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { ConsentApi } from './ConsentApi'
import { ConsentDecider } from './ConsentDecider'
import { ConsentService } from './ConsentService'

/** Standing consent policies: every proof request that arrives is evaluated once, as it arrives. */
export class ConsentModule implements ContractModule<typeof consentContract> {
  readonly api = ConsentApi
  readonly contract = consentContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(ConsentService)
    dependencyManager.registerSingleton(ConsentDecider)
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    const decider = agentContext.dependencyManager.resolve(ConsentDecider)
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
      const record = payload.proofRecord
      if (record.state !== DidCommProofState.RequestReceived || record.role !== DidCommProofRole.Prover) return
      decider.decide(agentContext, record.id).catch((error: unknown) => {
        agentContext.config.logger.warn('consent: deciding a request failed', { error: (error as Error).message })
      })
    })
    // Requests stored before this unlock (the node stopped before deciding) are decided once it runs.
    // The node may be locked again before then; a failed sweep is retried at the next unlock.
    setImmediate(() => {
      decider.decidePending(agentContext).catch((error: unknown) => {
        agentContext.config.logger.warn('consent: deciding pending requests failed', {
          error: (error as Error).message,
        })
      })
    })
  }
}
