import type { AskarModule, AskarModuleConfigStoreOptions } from '@credo-ts/askar'
import type { Agent } from '@credo-ts/core'

import type { OpenedAppDatabase } from '../db'
import type { PostgresConnection } from '../postgres'
import type { DeviceKeyKeeper } from './deviceKey'
import type { PassphraseKdf } from './walletConfig'

/**
 * What the vault needs of an agent: its Askar module. The node's own agent (agent/, which lists every
 * module) is one; the vault does not import it, so the modules sit above the vault, not beside it.
 */
export type StoreAgent = Pick<
  Agent<{ askar: AskarModule }>,
  'modules' | 'context' | 'dependencyManager' | 'initialize' | 'shutdown' | 'dids' | 'w3cCredentials' | 'genericRecords'
>

export interface VaultOptions<A extends StoreAgent = StoreAgent> {
  kdf: PassphraseKdf
  /**
   * A fresh, uninitialized agent on the store with this key; one is made for each unlock (Credo agents
   * do not restart, and Credo 0.6 takes the store's key with the agent's Askar module).
   */
  newAgent: (store: AskarModuleConfigStoreOptions) => A
  /** Called with the agent after its store is open and before it initializes (transports go here). */
  prepareAgent?: (agent: A) => void
  /**
   * The Askar store in this PostgreSQL database instead of the data directory (a mediator of several
   * instances, which all open the same store). Passphrase changes and backups are then the database's
   * own business (pg_dump and its roles), not the vault's.
   */
  postgres?: PostgresConnection
  /** Checks of what else lives in that database, before the store is created or opened there. */
  checkPostgres?: () => Promise<void>
  /** Keeps the store's key for launches without the passphrase (the desktop's OS keychain); see deviceKey/. */
  deviceKeys?: DeviceKeyKeeper
}

export interface Unlocked<A extends StoreAgent = StoreAgent> {
  agent: A
  appDb: OpenedAppDatabase
}
