import type { AgentContext } from '@credo-ts/core'

import type { AppDatabase } from './openAppDatabase'

/**
 * The token under which the vault registers the unlocked app database with the agent, so a
 * capability's stateless service finds it from `agentContext` the way it finds Credo's storage.
 */
export const AppDatabaseToken = Symbol('CustosAppDatabase')

export function appDatabaseOf(agentContext: AgentContext): AppDatabase {
  return agentContext.dependencyManager.resolve<AppDatabase>(AppDatabaseToken)
}
