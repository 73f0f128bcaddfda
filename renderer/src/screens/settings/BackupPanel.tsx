import { formatNumber } from '../../i18n/format'
import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'

import type { ExportedBackupSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { downloadBackup } from '../../backupFiles'
import { canPickFiles } from '../../filePicker'
import { FileChoice } from '../../components/FileChoice'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** One encrypted file with everything in the store, under a passphrase of its own. */
export function BackupPanel() {
  const { t } = useTranslation()
  const [path, setPath] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<string>()
  const [done, setDone] = useState<Pick<ExportedBackupSummary, 'bytes' | 'manifest'>>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (confirm !== passphrase) return setProblem(t('backup.differ'))
    setProblem(undefined)
    setDone(undefined)
    // The desktop app writes where the OS dialog said; the web mode hands the file to the browser.
    const written = await action.run(() =>
      canPickFiles()
        ? apiClient()['vault.exportBackup']({ path: path.trim(), backupPassphrase: passphrase })
        : downloadBackup(passphrase),
    )
    if (!written) return
    setDone(written)
    setPassphrase('')
    setConfirm('')
  }

  return (
    <section aria-labelledby="backup-heading" className="card">
      <h2 id="backup-heading">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <FileChoice
          purpose="backup-save"
          label={t('backup.file')}
          hint={t('backup.fileHint')}
          value={path}
          onChange={setPath}
        />
        <NewPassphrase
          label={t('backup.passphrase')}
          againLabel={t('backup.again')}
          value={passphrase}
          confirm={confirm}
          onChange={setPassphrase}
          onConfirmChange={setConfirm}
          hint={t('backup.passphraseHint')}
          confirmError={problem}
        />
        <button type="submit" disabled={action.busy}>
          {t('backup.write')}
        </button>
        <Progress busy={action.busy}>{t('backup.writing')}</Progress>
        <ErrorNote error={action.error} />
        {done && (
          <p role="status" className="note note-done" data-testid="backup-done">
            {t('backup.done', {
              size: formatNumber(Math.ceil(done.bytes / 1024)),
              connections: done.manifest.counts.connections ?? 0,
              items: done.manifest.counts.self_declared_items ?? 0,
            })}
          </p>
        )}
      </form>
    </section>
  )
}
