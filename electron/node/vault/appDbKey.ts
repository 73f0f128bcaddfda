import { randomBytes } from 'node:crypto'

import type { Agent } from '@credo-ts/core'

// The app database key is a random 32-byte key kept as a record in the Askar store, so it is
// protected by the same passphrase (or OS-kept raw key) as everything else.
const RECORD_ID = 'custos.app-db-key'

export async function loadOrCreateAppDbKey(agent: Agent): Promise<string> {
  const existing = await agent.genericRecords.findById(RECORD_ID)
  const stored = existing?.content.keyHex
  if (typeof stored === 'string') return stored
  const keyHex = randomBytes(32).toString('hex')
  await agent.genericRecords.save({ id: RECORD_ID, content: { keyHex } })
  return keyHex
}
