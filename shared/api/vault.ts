// The store's lifecycle: the one part of the contract that works while the node is locked.
import { z } from 'zod'

import { noInput } from './common'
import { method } from './contract'

export const passphraseSchema = z
  .string()
  .min(8, 'A passphrase needs at least 8 characters.')
  .max(1024, 'A passphrase can have at most 1024 characters.')

export type VaultState = 'no-store' | 'locked' | 'unlocked'

export interface VaultStatus {
  state: VaultState
  dataDir: string
  askarVersion: string
}

export const vaultContract = {
  'vault.status': method<VaultStatus>()(noInput),
  'vault.create': method<VaultStatus>()(z.object({ passphrase: passphraseSchema })),
  'vault.unlock': method<VaultStatus>()(z.object({ passphrase: z.string().max(1024) })),
  'vault.lock': method<VaultStatus>()(noInput),
  'vault.changePassphrase': method<VaultStatus>()(
    z
      .object({ current: z.string().max(1024), next: passphraseSchema })
      .strict()
      .refine((input) => input.current !== input.next, {
        message: 'The new passphrase must differ from the current one.',
      }),
  ),
}
