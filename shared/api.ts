// The one API contract of the node. The node implements it once (electron/node/api); the desktop
// reaches it over IPC (electron/preload), headless mode and browser tests over the loopback bridge.
// Every input crosses a trust boundary, so each method has a zod schema that the node applies.
import { z } from 'zod'

export const passphraseSchema = z
  .string()
  .min(8, 'A passphrase needs at least 8 characters.')
  .max(1024, 'A passphrase can have at most 1024 characters.')

export const selfDeclaredInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the item a label.').max(200),
  value: z.string().max(64 * 1024, 'A value can have at most 64 KiB.'),
})

export const idSchema = z.string().min(1).max(200)

export const apiInputSchemas = {
  'vault.status': z.void(),
  'vault.create': z.object({ passphrase: passphraseSchema }),
  'vault.unlock': z.object({ passphrase: z.string().max(1024) }),
  'vault.lock': z.void(),
  'selfDeclared.list': z.void(),
  'selfDeclared.put': selfDeclaredInputSchema.extend({ id: idSchema.optional() }),
  'selfDeclared.remove': z.object({ id: idSchema }),
} as const

export type ApiMethod = keyof typeof apiInputSchemas
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputSchemas)[M]>

export type VaultState = 'no-store' | 'locked' | 'unlocked'

export interface VaultStatus {
  state: VaultState
  dataDir: string
  askarVersion: string
}

export interface SelfDeclaredItem {
  id: string
  label: string
  value: string
  createdAt: string
  updatedAt: string
}

export interface ApiOutputs {
  'vault.status': VaultStatus
  'vault.create': VaultStatus
  'vault.unlock': VaultStatus
  'vault.lock': VaultStatus
  'selfDeclared.list': SelfDeclaredItem[]
  'selfDeclared.put': SelfDeclaredItem
  'selfDeclared.remove': { removed: boolean }
}

export type CustosApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>
}
