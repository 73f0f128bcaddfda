import { useState, type FormEvent } from 'react'

import type { ExportedBackupSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** One encrypted file with everything in the store, under a passphrase of its own. */
export function BackupPanel() {
  const [path, setPath] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<string>()
  const [done, setDone] = useState<ExportedBackupSummary>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (confirm !== passphrase) return setProblem('The two backup passphrases differ. Type the same one twice.')
    setProblem(undefined)
    setDone(undefined)
    const written = await action.run(() =>
      apiClient()['vault.exportBackup']({ path: path.trim(), backupPassphrase: passphrase }),
    )
    if (!written) return
    setDone(written)
    setPassphrase('')
    setConfirm('')
  }

  return (
    <section aria-labelledby="backup-heading" className="card">
      <h2 id="backup-heading">Backup</h2>
      <p>
        Writes your store, your connections and your data to one encrypted file. Keep it on another device; with it and
        its backup passphrase you can restore this node on a new computer.
      </p>
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Backup file"
          required
          value={path}
          onChange={setPath}
          placeholder="/home/you/Documents/custos.backup"
          hint="The full path of a new file; an existing file is never overwritten."
        />
        <NewPassphrase
          label="Backup passphrase"
          value={passphrase}
          confirm={confirm}
          onChange={setPassphrase}
          onConfirmChange={setConfirm}
          hint="At least 8 characters. Without it the backup cannot be opened, by you or anyone."
        />
        <button type="submit" disabled={action.busy}>
          Write backup
        </button>
        <Progress busy={action.busy}>Writing the encrypted backup…</Progress>
        <ErrorNote error={problem ?? action.error} />
        {done && (
          <p role="status" className="note note-done" data-testid="backup-done">
            Backup written to <code>{done.path}</code> ({Math.ceil(done.bytes / 1024)} KiB; connections:{' '}
            {done.manifest.counts.connections ?? 0}, self-declared items:{' '}
            {done.manifest.counts.self_declared_items ?? 0}).
          </p>
        )}
      </form>
    </section>
  )
}
