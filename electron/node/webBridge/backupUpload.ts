import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'

import { sendError, sendJson } from './replies'
import type { BackupScratch } from './uploads'

/** Backups hold the person's documents too; a gibibyte is far above any store this node keeps. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024

/**
 * POST /api/files/upload: a backup file from the person's browser, streamed to the data folder's tmp
 * (never held whole in memory). The answer is where it lies on the node, for vault.readBackupManifest
 * and vault.restoreBackup to read. The length must be declared and within the cap before a byte is kept;
 * Node's HTTP parser then holds the body to that length.
 */
export async function handleBackupUpload(
  req: IncomingMessage,
  res: ServerResponse,
  scratch: BackupScratch,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<void> {
  if ((req.headers['content-type'] ?? '') !== 'application/octet-stream') {
    return sendError(res, 'InvalidInput', 'Send the backup file as it is (Content-Type: application/octet-stream).')
  }
  const declared = Number(req.headers['content-length'])
  if (!Number.isSafeInteger(declared) || declared <= 0) {
    return sendError(res, 'InvalidInput', 'The upload must say its length, and a backup file is never empty.')
  }
  if (declared > maxBytes) {
    res.setHeader('Connection', 'close')
    return sendError(res, 'PayloadTooLarge', `A backup file can have at most ${maxBytes / 1024 / 1024} MiB.`)
  }
  const file = scratch.newFile('upload')
  try {
    await pipeline(req, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }))
  } catch {
    scratch.remove(file)
    if (!res.destroyed) sendError(res, 'InvalidInput', 'The upload broke off. Nothing was kept; try again.')
    return
  }
  scratch.keepUpload(file)
  sendJson(res, { ok: true, value: { path: file } })
}
