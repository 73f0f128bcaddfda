import { AskarModule } from '@credo-ts/askar'
import {
  Agent,
  ConnectionsModule,
  KeyDerivationMethod,
  PeerDidNumAlgo,
  type FileSystem,
  type InitConfig,
  type WalletConfig,
} from '@credo-ts/core'
import { agentDependencies } from '@credo-ts/node'

import { askar } from '../askar'
import { mediationModules, type MediationOptions } from '../mediation'
import type { DataDirLayout } from '../vault/dataDirLayout'
import type { FileLogger } from './FileLogger'

/** argon2i-mod (moderate) for people's stores; argon2i-int (interactive) only where speed matters more. */
export type PassphraseKdf = 'argon2i-mod' | 'argon2i-int'

export interface AgentOptions {
  label: string
  layout: DataDirLayout
  logger: FileLogger
  mediation?: MediationOptions
}

export function walletConfigFor(layout: DataDirLayout, passphrase: string, kdf: PassphraseKdf): WalletConfig {
  return {
    id: 'custos',
    key: passphrase,
    keyDerivationMethod: kdf === 'argon2i-mod' ? KeyDerivationMethod.Argon2IMod : KeyDerivationMethod.Argon2IInt,
    storage: { type: 'sqlite', config: { path: layout.storeFile } },
  }
}

export function createAgentModules(mediation?: MediationOptions) {
  return {
    askar: new AskarModule({ ariesAskar: askar }),
    // did:peer:4 (short and long form) for DID exchange: a self-certifying DID whose long form carries the
    // document, so the other side needs no resolver round trip; Credo's default, numalgo 1, is deprecated.
    connections: new ConnectionsModule({
      autoAcceptConnections: true,
      peerNumAlgoForDidExchangeRequests: PeerDidNumAlgo.ShortFormAndLongForm,
    }),
    ...mediationModules(mediation),
  }
}

// Credo's NodeFileSystem, which takes base paths; its module under build/ cannot be imported by path
// from the ESM bundle of the Electron main process, so it is reached through agentDependencies.
const NodeFileSystem = agentDependencies.FileSystem as new (options: {
  baseDataPath?: string
  baseCachePath?: string
  baseTempPath?: string
}) => FileSystem

export type CustosAgent = Agent<ReturnType<typeof createAgentModules>>

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
    modules: createAgentModules(options.mediation),
  })
}
