import { randomBytes } from 'node:crypto'

import { InjectionSymbols, type StorageService } from '@credo-ts/core'

import type { StoreAgent } from '../VaultOptions'
import { AppDbKeyRecord } from './AppDbKeyRecord'

// The app database key is a random 32-byte key kept as a record in the Askar store, so it is
// protected by the same passphrase (or OS-kept raw key) as everything else. It is read right after the
// store opens, before the agent initializes, so the database exists before any inbound handler runs.
const RECORD_ID = 'custos.app-db-key'

export async function loadOrCreateAppDbKey(agent: StoreAgent): Promise<string> {
  const agentContext = agent.context
  const storage = agentContext.dependencyManager.resolve<StorageService<AppDbKeyRecord>>(
    InjectionSymbols.StorageService,
  )
  const [existing] = await storage.findByQuery(agentContext, AppDbKeyRecord, {})
  if (existing) return existing.keyHex
  // Stores made before the key had its own category kept it as a generic record: move it out of there,
  // saving the new record before deleting the old so a crash in between loses nothing.
  const legacy = await agent.genericRecords.findById(RECORD_ID)
  const legacyKey = legacy?.content.keyHex
  const keyHex = typeof legacyKey === 'string' ? legacyKey : randomBytes(32).toString('hex')
  await storage.save(agentContext, new AppDbKeyRecord({ id: RECORD_ID, keyHex }))
  if (legacy) await agent.genericRecords.delete(legacy)
  return keyHex
}
