import { type AgentContext } from '@credo-ts/core'
import { DidCommConnectionRepository } from '@credo-ts/didcomm'

import type { PolicyInput } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'

/** A policy for one connection names a connection this node has; otherwise it is refused and nothing is saved. */
export async function checkWho(agentContext: AgentContext, input: PolicyInput): Promise<void> {
  if (input.who.kind !== 'connection') return
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionRepository)
    .findById(agentContext, input.who.connectionId)
  if (!connection) throw new CustosError('NotFound', `No connection with id ${input.who.connectionId}.`)
}
