import type { AskarModuleConfigStoreOptions } from '@credo-ts/askar'

import type { CustosAgent } from '../agent'
import type { OpenedAppDatabase } from '../db'
import type { PostgresConnection } from '../postgres'
import type { DeviceKeyKeeper } from './deviceKey'
import type { PassphraseKdf } from './walletConfig'

export interface VaultOptions {
  kdf: PassphraseKdf
  /**
   * A fresh, uninitialized agent on the store with this key; one is made for each unlock (Credo agents
   * do not restart, and Credo 0.6 takes the store's key with the agent's Askar module).
   */
  newAgent: (store: AskarModuleConfigStoreOptions) => CustosAgent
  /** Called with the agent after its store is open and before it initializes (transports go here). */
  prepareAgent?: (agent: CustosAgent) => void
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

export interface Unlocked {
  agent: CustosAgent
  appDb: OpenedAppDatabase
}
