import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'

import type { ExportedBackupSummary } from '../../../shared/api'
import { sendFailure, type Dispatch } from './apiCall'
import { BodyTooLargeError, readBody } from './readBody'
import { sendError } from './replies'
import type { BackupScratch } from './uploads'

/**
 * POST /api/files/backup with `{ backupPassphrase }` as JSON: vault.exportBackup writes the encrypted file
 * to the data folder's tmp, and it is streamed to the page as a download, then deleted. What it holds
 * (the manifest's counts and label) travels in a header, so the page can say what was saved.
 */
export async function handleBackupDownload(
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: Dispatch,
  scratch: BackupScratch,
  logUnexpected: (method: string, error: unknown) => void,
): Promise<void> {
  // As for every API call: a form on another site can post text/plain, never JSON without asking first.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, 'InvalidInput', 'Send the input as JSON (Content-Type: application/json).')
  }
  let backupPassphrase: unknown
  try {
    backupPassphrase = (JSON.parse(await readBody(req, 8 * 1024)) as { backupPassphrase?: unknown }).backupPassphrase
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendError(res, 'PayloadTooLarge', 'The input is too large.')
    return sendError(res, 'InvalidInput', 'The input is not valid JSON.')
  }
  const file = scratch.newFile('backup')
  try {
    const written = (await dispatch('vault.exportBackup', { path: file, backupPassphrase })) as ExportedBackupSummary
    const summary = encodeURIComponent(JSON.stringify({ bytes: written.bytes, manifest: written.manifest }))
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': fs.statSync(file).size,
      'Content-Disposition': `attachment; filename="custos-${new Date().toISOString().slice(0, 10)}.custos-backup"`,
      'X-Custos-Backup': summary,
    })
    await pipeline(fs.createReadStream(file), res)
  } catch (error) {
    // Once the file has begun to flow, a failure can only cut the download short.
    if (res.headersSent) res.destroy()
    else sendFailure(res, 'vault.exportBackup', error, logUnexpected)
  } finally {
    scratch.remove(file)
  }
}
