import { KeyDerivationMethod, type WalletConfig } from '@credo-ts/core'

import type { DataDirLayout } from '../platform'

/** argon2i-mod (moderate) for people's stores; argon2i-int (interactive) only where speed matters more. */
export type PassphraseKdf = 'argon2i-mod' | 'argon2i-int'

export function walletConfigFor(layout: DataDirLayout, passphrase: string, kdf: PassphraseKdf): WalletConfig {
  return {
    id: 'custos',
    key: passphrase,
    keyDerivationMethod: kdf === 'argon2i-mod' ? KeyDerivationMethod.Argon2IMod : KeyDerivationMethod.Argon2IInt,
    storage: { type: 'sqlite', config: { path: layout.storeFile } },
  }
}
