import fs from 'node:fs'
import path from 'node:path'

import { Kms, utils } from '@credo-ts/core'
import { DidCommTrustPingEventTypes, type DidCommTrustPingReceivedEvent } from '@credo-ts/didcomm'

import type { CustosNode } from '../../../electron/node'
import { freshKey, pack } from '../../helpers/envelopes'
import { readTree } from '../../helpers/tmpDir'
import { waitForEvent } from '../../helpers/nodes'

/** Marks payload bytes, so a test can prove the log never holds them. */
export const SENTINEL = 'SENTINEL-PAYLOAD-7f3a'

/**
 * A basic message that fails validation (no content, no sent_time), so even an envelope that still
 * decrypts after mutation is refused before the agent answers or stores anything.
 */
export function invalidInnerMessage(): Record<string, unknown> {
  return { '@type': 'https://didcomm.org/basicmessage/1.0/message', '@id': utils.uuid(), note: SENTINEL }
}

/** An envelope packed by `sender` to a fresh key of its own: well formed, but not for any other node. */
export async function foreignEnvelope(sender: CustosNode): Promise<string> {
  const key = await freshKey(sender.agent.context)
  return JSON.stringify(await pack(sender.agent.context, invalidInnerMessage(), [key], null))
}

/** An envelope that `recipient` can decrypt (to its invitation key) but must still refuse. */
export async function envelopeFor(recipient: CustosNode, sender: CustosNode): Promise<string> {
  const [oob] = await recipient.agent.didcomm.oob.getAll()
  const fingerprint = oob.getTags().recipientKeyFingerprints?.[0]
  if (!fingerprint) throw new Error('the recipient needs an invitation first')
  const recipientKey = Kms.PublicJwk.fromFingerprint(fingerprint) as Kms.PublicJwk<Kms.Ed25519PublicJwk>
  return JSON.stringify(await pack(sender.agent.context, invalidInnerMessage(), [recipientKey], null))
}

/** Everything the agent can list; equal before and after means no stored record changed. */
export async function recordsOf(node: CustosNode) {
  const agent = node.agent
  return {
    connections: (await agent.didcomm.connections.getAll()).map((record) => record.toJSON()),
    oob: (await agent.didcomm.oob.getAll()).map((record) => record.toJSON()),
    dids: (await agent.dids.getCreatedDids()).map((record) => record.toJSON()),
    basicMessages: (await agent.didcomm.basicMessages.findAllByQuery({})).map((record) => record.toJSON()),
    generic: (await agent.genericRecords.getAll()).map((record) => record.toJSON()),
  }
}

/**
 * The store and app database files, read while the vault is locked. Askar's SQLite pool closes its
 * connections a moment after `lock` returns; until the last one goes, pages can still sit in the
 * -wal file, so the read waits for SQLite to fold the WAL back into the main file.
 */
export async function storedBytes(node: CustosNode): Promise<Map<string, Buffer>> {
  const folders = [path.dirname(node.layout.storeFile), path.dirname(node.layout.appDbFile)]
  // Generous: on a loaded machine (CI beside a 2,000-message test) the pool has taken over 10 s to go.
  const deadline = Date.now() + 60_000
  while (folders.some((folder) => fs.readdirSync(folder).some((name) => /-(wal|shm)$/.test(name)))) {
    if (Date.now() > deadline) throw new Error('the store kept its WAL open after locking')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const files = new Map<string, Buffer>()
  for (const folder of folders) {
    for (const [name, bytes] of readTree(folder)) files.set(path.join(path.basename(folder), name), bytes)
  }
  return files
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * Names of the files that differ. SQLite's file change counter (header bytes 24-27, repeated at
 * 92-95) is left out: a lock/unlock cycle alone can bump it without changing any page, so it says
 * nothing about stored records. Every other byte of every file must match.
 */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((name) => {
    const a = before.get(name)
    const b = after.get(name)
    if (!a || !b || a.length !== b.length) return true
    return !withoutChangeCounter(a).equals(withoutChangeCounter(b))
  })
}

function withoutChangeCounter(bytes: Buffer): Buffer {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_HEADER)) return bytes
  const copy = Buffer.from(bytes)
  copy.fill(0, 24, 28)
  copy.fill(0, 92, 96)
  return copy
}

/** Proves `to` still serves: a trust ping from `from` over their connection arrives. */
export async function stillServes(from: CustosNode, connectionId: string, to: CustosNode): Promise<void> {
  const received = waitForEvent<DidCommTrustPingReceivedEvent>(
    to,
    DidCommTrustPingEventTypes.DidCommTrustPingReceivedEvent,
    () => true,
  )
  await from.agent.didcomm.connections.sendPing(connectionId, { responseRequested: false })
  await received
}

export function countLines(log: string, needle: string): number {
  return log.split('\n').filter((line) => line.includes(needle)).length
}
