import { Agent, type FileSystem, type InitConfig } from '@credo-ts/core'
import { agentDependencies } from '@credo-ts/node'

import type { DocumentsOptions } from '../credentials'
import type { MediationOptions } from '../mediation'
import type { DataDirLayout, FileLogger } from '../platform'
import { nodeModules } from './nodeModules'

export interface AgentOptions {
  label: string
  layout: DataDirLayout
  logger: FileLogger
  mediation?: MediationOptions
  documents?: DocumentsOptions
}

// Credo's NodeFileSystem, which takes base paths; its module under build/ cannot be imported by path
// from the ESM bundle of the Electron main process, so it is reached through agentDependencies.
const NodeFileSystem = agentDependencies.FileSystem as new (options: {
  baseDataPath?: string
  baseCachePath?: string
  baseTempPath?: string
}) => FileSystem

export type CustosAgent = Agent<ReturnType<typeof nodeModules>>

export function createAgent(options: AgentOptions): CustosAgent {
  const { layout } = options
  // Credo writes its own files (caches, temp) under the data directory, not the home directory.
  class DataDirFileSystem extends NodeFileSystem {
    constructor() {
      super({ baseDataPath: layout.credoDir, baseCachePath: layout.credoDir, baseTempPath: layout.credoDir })
    }
  }
  const config: InitConfig = {
    label: options.label,
    logger: options.logger,
    autoUpdateStorageOnStartup: true,
  }
  return new Agent({
    config,
    dependencies: { ...agentDependencies, FileSystem: DataDirFileSystem },
    modules: nodeModules({ mediation: options.mediation, documents: options.documents }),
  })
}
