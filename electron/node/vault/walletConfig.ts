import type { AskarModuleConfigStoreOptions } from '@credo-ts/askar'

import type { DataDirLayout } from '../platform'
import type { PostgresConnection } from '../postgres'

/** argon2i-mod (moderate) for people's stores; argon2i-int (interactive) only where speed matters more. */
export type PassphraseKdf = 'argon2i-mod' | 'argon2i-int'

/**
 * What opens the store: the passphrase through Argon2, or a raw 32-byte key (base58, Askar's format)
 * that this device remembers (vault/deviceKey).
 */
export type StoreKey = { kdf: PassphraseKdf; passphrase: string } | { raw: string }

export function isRawKey(key: StoreKey): key is { raw: string } {
  return 'raw' in key
}

// Seconds Askar waits for a PostgreSQL connection; checkPostgres has already seen the server answer.
const POSTGRES_CONNECT_TIMEOUT_S = 10

/**
 * The store in the data directory, or (a mediator of several instances) in the PostgreSQL database of the
 * URL: Credo names the database after the wallet id, so the id is the database's name there.
 */
export function walletConfigFor(
  layout: DataDirLayout,
  passphrase: string,
  kdf: PassphraseKdf,
  postgres?: PostgresConnection,
): AskarModuleConfigStoreOptions {
  return walletConfigForKey(layout, { kdf, passphrase }, postgres)
}

/** The store as Credo 0.6's AskarModule takes it (`store`), opened when the agent initializes. */
export function walletConfigForKey(
  layout: DataDirLayout,
  key: StoreKey,
  postgres?: PostgresConnection,
): AskarModuleConfigStoreOptions {
  return {
    id: postgres ? postgres.database : 'custos',
    key: isRawKey(key) ? key.raw : key.passphrase,
    keyDerivationMethod: isRawKey(key) ? 'raw' : key.kdf === 'argon2i-mod' ? 'kdf:argon2i:mod' : 'kdf:argon2i:int',
    database: postgres
      ? {
          type: 'postgres',
          config: { host: postgres.host, connectTimeout: POSTGRES_CONNECT_TIMEOUT_S },
          credentials: { account: postgres.user, password: postgres.password },
        }
      : { type: 'sqlite', config: { path: layout.storeFile } },
  }
}
