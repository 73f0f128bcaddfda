import type { ExportedBackupSummary } from '../../shared/api'
import { unwrap } from './replyClient'
import { forgetSignInToken, sessionHeaders } from './webBridgeClient'

// The web mode's file picker: the page cannot reach the node's disk, so a backup leaves as a download and
// comes back as an upload, through the bridge's /api/files routes (the desktop app has the OS dialog).

type Written = Pick<ExportedBackupSummary, 'bytes' | 'manifest'>

async function post(route: string, headers: Record<string, string>, body: BodyInit): Promise<Response> {
  await forgetSignInToken()
  try {
    return await fetch(`/api/files/${route}`, { method: 'POST', headers: { ...headers, ...sessionHeaders() }, body })
  } catch {
    return Response.json({ ok: false, error: { code: 'Unreachable', message: 'The Custos node does not answer.' } })
  }
}

/** The node writes the encrypted backup and the browser saves it as a download; says what it holds. */
export async function downloadBackup(backupPassphrase: string): Promise<Written> {
  const response = await post('backup', { 'Content-Type': 'application/json' }, JSON.stringify({ backupPassphrase }))
  const summary = response.headers.get('X-Custos-Backup')
  // A refusal comes as a reply in JSON, with its code; the file comes with its summary.
  if (!response.ok || !summary) {
    await unwrap(() => response.json())
    throw new Error('The Custos node gave an answer that cannot be read.')
  }
  const file = await response.blob()
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1]
  const link = document.createElement('a')
  link.href = URL.createObjectURL(file)
  link.download = name ?? 'custos.custos-backup'
  link.click()
  // The click has handed the file to the browser's download; the page's copy can go.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
  return JSON.parse(decodeURIComponent(summary)) as Written
}

/** The chosen file goes to the node's tmp as it is (the browser streams it); the answer is its place there. */
export async function uploadBackup(file: File): Promise<string> {
  const response = await post('upload', { 'Content-Type': 'application/octet-stream' }, file)
  const value = (await unwrap(() => response.json())) as { path: string }
  return value.path
}
