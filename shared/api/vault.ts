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
  /** Locks itself after this many minutes without use; null: only when asked. */
  autoLockMinutes: number | null
  /**
   * This device opens the store at launch without the passphrase: the OS keychain keeps its key. Only
   * this flag crosses to the renderer; the key itself stays between Electron main and the node.
   */
  remembered: boolean
  /** The app can offer that here: the desktop app with a working OS keychain (never the web mode). */
  rememberAvailable: boolean
}

/** Readable without the backup passphrase: what a person sees before restoring a file. */
export interface BackupManifest {
  format: number
  createdAt: string
  nodeLabel: string
  /** How the store inside was keyed (the KDF of the node that made it). */
  storeKdf: 'argon2i-mod' | 'argon2i-int'
  /** Records and rows per kind: dids, connections, credentials, basicMessages and the app tables. */
  counts: Record<string, number>
}

export interface ExportedBackupSummary {
  path: string
  bytes: number
  manifest: BackupManifest
}

const backupPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), {
    message: 'Give the backup file as a full path.',
  })

export const vaultContract = {
  'vault.status': method<VaultStatus>()(noInput),
  'vault.create': method<VaultStatus>()(z.object({ passphrase: passphraseSchema })),
  // remember: true keeps the store's key in this device's keychain, false stops that; absent leaves it.
  'vault.unlock': method<VaultStatus>()(
    z.object({ passphrase: z.string().max(1024), remember: z.boolean().optional() }),
  ),
  'vault.lock': method<VaultStatus>()(noInput),
  'vault.changePassphrase': method<VaultStatus>()(
    z
      .object({ current: z.string().max(1024), next: passphraseSchema })
      .strict()
      .refine((input) => input.current !== input.next, {
        message: 'The new passphrase must differ from the current one.',
      }),
  ),
  'vault.setAutoLock': method<VaultStatus>()(
    z
      .object({
        minutes: z
          .number()
          .int('Give whole minutes.')
          .min(1, 'At least 1 minute.')
          .max(1440, 'At most 1440 minutes (a day).')
          .nullable(),
      })
      .strict(),
  ),
  // Needs the passphrase either way: turning on wraps the new key under it, turning off keys the store
  // by it again (and makes sure the person still knows it before the device stops knowing it for them).
  'vault.setRemembered': method<VaultStatus>()(
    z.object({ passphrase: z.string().max(1024), remember: z.boolean() }).strict(),
  ),
  'vault.exportBackup': method<ExportedBackupSummary>()(
    z.object({ path: backupPathSchema, backupPassphrase: passphraseSchema }).strict(),
  ),
  'vault.readBackupManifest': method<BackupManifest>()(z.object({ path: backupPathSchema }).strict()),
  'vault.restoreBackup': method<{ status: VaultStatus; manifest: BackupManifest }>()(
    z.object({ path: backupPathSchema, backupPassphrase: z.string().max(1024), passphrase: passphraseSchema }).strict(),
  ),
}
