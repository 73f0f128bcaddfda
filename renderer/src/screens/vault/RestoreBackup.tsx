import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { BackupManifest, VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { FileChoice } from '../../components/FileChoice'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDateTime } from '../../i18n/format'
import { passphraseStrength } from './passphraseStrength'

/** A new device: restore a backup file instead of creating an empty store. The manifest comes first. */
export function RestoreBackup({ onRestored }: { onRestored(status: VaultStatus): void }) {
  const { t } = useTranslation()
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
      <h2 id="restore-heading">{t('restore.title')}</h2>
      <form onSubmit={(event) => void readManifest(event)} aria-busy={read.busy} noValidate>
        <FileChoice
          purpose="backup-open"
          label={t('restore.file')}
          hint={t('restore.fileHint')}
          value={path}
          onChange={setPath}
        />
        <button type="submit" disabled={read.busy}>
          {t('restore.read')}
        </button>
        <ErrorNote error={read.error} />
      </form>
      {manifest && (
        <form onSubmit={(event) => void submit(event)} aria-busy={restore.busy} noValidate>
          <p data-testid="backup-manifest">
            {t('restore.manifest', {
              label: manifest.nodeLabel,
              when: formatDateTime(manifest.createdAt),
              connections: manifest.counts.connections ?? 0,
              items: manifest.counts.self_declared_items ?? 0,
            })}
          </p>
          <Field
            label={t('restore.backupPassphrase')}
            type="password"
            autoComplete="off"
            required
            value={backupPassphrase}
            onChange={setBackupPassphrase}
          />
          <Field
            label={t('restore.devicePassphrase')}
            type="password"
            autoComplete="new-password"
            required
            value={passphrase}
            onChange={setPassphrase}
            hint={passphrase ? strength.text : t('restore.deviceHint')}
            error={problem}
          />
          <button type="submit" disabled={restore.busy}>
            {t('restore.restore')}
          </button>
          <Progress busy={restore.busy}>{t('restore.restoring')}</Progress>
          <ErrorNote error={restore.error} />
        </form>
      )}
    </section>
  )
}
