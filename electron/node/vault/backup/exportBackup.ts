import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { DidCommBasicMessageRepository, DidCommConnectionRepository } from '@credo-ts/didcomm'
import { Store } from '@openwallet-foundation/askar-shared'

import type { BackupManifest } from '../../../../shared/api'
import { InvalidInputError } from '../../../../shared/errors'
import type { DataDirLayout } from '../../platform'
import { askarKey } from '../rekeyStore'
import type { Unlocked } from '../VaultOptions'
import type { PassphraseKdf } from '../walletConfig'
import { writeArchive } from './archiveWriter'
import { BACKUP_FORMAT, encodeHeader } from './backupFormat'
import { deriveBackupKeys, newBackupKdf } from './backupKey'

export interface ExportedBackup {
  manifest: BackupManifest
  bytes: number
}

/**
 * One file holding the Askar store (Askar's own copy, under a key derived from the backup passphrase:
 * still encrypted if the outer layer were ever stripped), the app database (encrypted under its own key,
 * which travels inside the store copy) and a manifest. Run with the vault's mutex held.
 */
export async function exportBackup(
  unlocked: Unlocked,
  layout: DataDirLayout,
  options: { destination: string; backupPassphrase: string; nodeLabel: string; kdf: PassphraseKdf },
): Promise<ExportedBackup> {
  const destination = path.resolve(options.destination)
  if (fs.existsSync(destination)) {
    throw new InvalidInputError(`A file already exists at ${destination}. Choose another name for the backup.`)
  }
  if (!fs.existsSync(path.dirname(destination))) {
    throw new InvalidInputError(`The folder ${path.dirname(destination)} does not exist.`)
  }
  const scratch = fs.mkdtempSync(path.join(layout.tmpDir, 'backup-'))
  try {
    const storeCopy = path.join(scratch, 'askar.sqlite')
    // Askar's copy, keyed by the backup passphrase through the node's KDF: Credo's exportStore would key
    // it the way the open store is keyed, which for a store remembered on this device is a raw key.
    // Credo 0.6 registers the open store (askar-shared's Store, the family the node loaded) on the context.
    const store = unlocked.agent.dependencyManager.resolve(Store)
    await store.copyTo({
      uri: `sqlite://${storeCopy}`,
      recreate: false,
      ...askarKey({ kdf: options.kdf, passphrase: options.backupPassphrase }),
    })
    const appCopy = path.join(scratch, 'custos.db')
    unlocked.appDb.copyTo(appCopy)
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      nodeLabel: options.nodeLabel,
      storeKdf: options.kdf,
      counts: { ...(await recordCounts(unlocked)), ...unlocked.appDb.rowCounts() },
    }
    const kdf = newBackupKdf()
    const keys = await deriveBackupKeys(options.backupPassphrase, kdf)
    const iv = crypto.randomBytes(12)
    const header = encodeHeader({ manifest, kdf, check: keys.check, iv: iv.toString('base64') })
    const bytes = await writeArchive(destination, header, keys.encryption, iv, [
      { name: 'vault/askar.sqlite', source: storeCopy },
      { name: 'app/custos.db', source: appCopy },
    ])
    return { manifest, bytes }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

async function recordCounts({ agent }: Unlocked): Promise<Record<string, number>> {
  return {
    dids: (await agent.dids.getCreatedDids()).length,
    connections: (await agent.dependencyManager.resolve(DidCommConnectionRepository).getAll(agent.context)).length,
    credentials: (await agent.w3cCredentials.getAll()).length,
    basicMessages: (await agent.dependencyManager.resolve(DidCommBasicMessageRepository).getAll(agent.context)).length,
  }
}
