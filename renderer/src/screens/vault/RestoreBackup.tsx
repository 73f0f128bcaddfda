import { useState, type FormEvent } from 'react'

import type { BackupManifest, VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { passphraseStrength } from './passphraseStrength'

/** A new device: restore a backup file instead of creating an empty store. The manifest comes first. */
export function RestoreBackup({ onRestored }: { onRestored(status: VaultStatus): void }) {
  const [path, setPath] = useState('')
  const [manifest, setManifest] = useState<BackupManifest>()
  const [backupPassphrase, setBackupPassphrase] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [problem, setProblem] = useState<string>()
  const read = useAction()
  const restore = useAction()
  const strength = passphraseStrength(passphrase)

  async function readManifest(event: FormEvent) {
    event.preventDefault()
    setManifest(await read.run(() => apiClient()['vault.readBackupManifest']({ path: path.trim() })))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (strength.level === 'too-short') return setProblem(strength.text)
    setProblem(undefined)
    const answer = await restore.run(() =>
      apiClient()['vault.restoreBackup']({ path: path.trim(), backupPassphrase, passphrase }),
    )
    if (answer) onRestored(answer.status)
  }

  return (
    <section aria-labelledby="restore-heading" className="card">
      <h2 id="restore-heading">Restore from a backup</h2>
      <form onSubmit={readManifest} aria-busy={read.busy}>
        <Field label="Backup file" required value={path} onChange={setPath} hint="The full path of the backup file." />
        <button type="submit" disabled={read.busy}>
          Read backup
        </button>
        <ErrorNote error={read.error} />
      </form>
      {manifest && (
        <form onSubmit={submit} aria-busy={restore.busy}>
          <p data-testid="backup-manifest">
            Backup of “{manifest.nodeLabel}” made {new Date(manifest.createdAt).toLocaleString()}:{' '}
            {manifest.counts.connections ?? 0} connections, {manifest.counts.self_declared_items ?? 0} self-declared
            items.
          </p>
          <Field
            label="Backup passphrase"
            type="password"
            autoComplete="off"
            required
            value={backupPassphrase}
            onChange={setBackupPassphrase}
          />
          <Field
            label="Passphrase for this device"
            type="password"
            autoComplete="new-password"
            required
            value={passphrase}
            onChange={setPassphrase}
            hint={passphrase ? strength.text : 'Opens the restored store here; it may be the backup passphrase.'}
          />
          <button type="submit" disabled={restore.busy}>
            Restore
          </button>
          <Progress busy={restore.busy}>Checking and restoring the backup…</Progress>
          <ErrorNote error={problem ?? restore.error} />
        </form>
      )}
    </section>
  )
}
