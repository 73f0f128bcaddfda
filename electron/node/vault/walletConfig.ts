import { KeyDerivationMethod, type WalletConfig } from '@credo-ts/core'

import type { DataDirLayout } from '../platform'
import type { PostgresConnection } from '../postgres'

/** argon2i-mod (moderate) for people's stores; argon2i-int (interactive) only where speed matters more. */
export type PassphraseKdf = 'argon2i-mod' | 'argon2i-int'

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
): WalletConfig {
  return {
    id: postgres ? postgres.database : 'custos',
    key: passphrase,
    keyDerivationMethod: kdf === 'argon2i-mod' ? KeyDerivationMethod.Argon2IMod : KeyDerivationMethod.Argon2IInt,
    storage: postgres
      ? {
          type: 'postgres',
          config: { host: postgres.host, connectTimeout: POSTGRES_CONNECT_TIMEOUT_S },
          credentials: { account: postgres.user, password: postgres.password },
        }
      : { type: 'sqlite', config: { path: layout.storeFile } },
  }
}
