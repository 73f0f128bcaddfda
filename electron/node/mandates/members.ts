import type { AgentContext } from '@credo-ts/core'
import { DidCommConnectionsApi, type DidCommConnectionRecord } from '@credo-ts/didcomm'

import { roleOf } from '../connections'

/** The role each person gives the connection to another member's node (the household slice's role). */
export const MEMBER_ROLE = 'household-member'

export async function connectionOf(agentContext: AgentContext, id: string): Promise<DidCommConnectionRecord | null> {
  return agentContext.dependencyManager.resolve(DidCommConnectionsApi).findById(id)
}

/** A connection the person marked as a member of the household, or nothing. */
export async function member(agentContext: AgentContext, id: string): Promise<DidCommConnectionRecord | undefined> {
  const connection = await connectionOf(agentContext, id)
  return connection && roleOf(connection) === MEMBER_ROLE ? connection : undefined
}

export async function labelOf(agentContext: AgentContext, id: string): Promise<string | undefined> {
  return (await connectionOf(agentContext, id))?.theirLabel
}
