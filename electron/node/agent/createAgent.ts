import type { AskarModuleConfigStoreOptions } from '@credo-ts/askar'
import { Agent, type InitConfig } from '@credo-ts/core'

import type { CredentialsOptions } from '../credentials'
import type { MediationOptions } from '../mediation'
import type { DataDirLayout, FileLogger } from '../platform'
import { nodeDependencies } from './nodeDependencies'
import { nodeModules } from './nodeModules'

export interface AgentOptions {
  label: string
  layout: DataDirLayout
  logger: FileLogger
  /** The Askar store this agent opens when it initializes (Credo 0.6 takes it with the module). */
  store: AskarModuleConfigStoreOptions
  mediation?: MediationOptions
  documents?: CredentialsOptions
}

export type CustosAgent = Agent<ReturnType<typeof nodeModules>>

export function createAgent(options: AgentOptions): CustosAgent {
  const config: InitConfig = {
    logger: options.logger,
    autoUpdateStorageOnStartup: true,
  }
  return new Agent({
    config,
    // Credo writes its own files (caches, temp) under the data directory, not the home directory.
    dependencies: nodeDependencies(options.layout.credoDir),
    modules: nodeModules({
      label: options.label,
      store: options.store,
      mediation: options.mediation,
      documents: options.documents,
    }),
  })
}
