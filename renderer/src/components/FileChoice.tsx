import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { FilePurpose } from '../../../shared/ipc'
import { canPickFiles, fileName, pickFile } from '../filePicker'
import { UploadChoice } from './UploadChoice'

interface FileChoiceProps {
  purpose: FilePurpose
  label: string
  hint: string
  value: string
  onChange(path: string): void
}

/**
 * A backup file: in the desktop app picked in the OS dialog (the screen shows only the file's name). In
 * the web mode, where the page cannot reach the node's disk, a backup to read is uploaded, and a new one
 * is saved by the browser as a download (BackupPanel), so there is nothing to choose here.
 */
export function FileChoice({ purpose, label, hint, value, onChange }: FileChoiceProps) {
  const { t } = useTranslation()
  const id = useId()
  if (!canPickFiles()) {
    if (purpose === 'backup-open') return <UploadChoice label={label} hint={hint} onChange={onChange} />
    return <p className="hint">{t('files.download')}</p>
  }
  return (
    <div className="field">
      <span id={id}>{label}</span>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-describedby={id}
          onClick={() => void pickFile(purpose).then((path) => path && onChange(path))}
        >
          {t(purpose === 'backup-save' ? 'files.chooseSave' : 'files.chooseOpen')}
        </button>
        <span>{value ? fileName(value) : t('files.none')}</span>
      </div>
    </div>
  )
}
