import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { uploadBackup } from '../backupFiles'
import { useAction } from '../hooks/useAction'
import { ErrorNote, Progress } from './Notice'

interface UploadChoiceProps {
  label: string
  hint: string
  /** With the place the node keeps the uploaded file, or '' while none is uploaded. */
  onChange(path: string): void
}

/** The web mode's "choose a backup file": the browser's file input, uploaded to the node as it is chosen. */
export function UploadChoice({ label, hint, onChange }: UploadChoiceProps) {
  const { t } = useTranslation()
  const id = useId()
  const [name, setName] = useState<string>()
  const upload = useAction()

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    onChange('')
    setName(undefined)
    if (!file) return
    const path = await upload.run(() => uploadBackup(file))
    if (!path) return
    setName(file.name)
    onChange(path)
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".custos-backup"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void chosen(event)}
      />
      <p id={`${id}-hint`} className="hint" aria-live="polite">
        {name ? t('files.uploaded', { name }) : hint}
      </p>
      <Progress busy={upload.busy}>{t('files.uploading')}</Progress>
      <ErrorNote error={upload.error} />
    </div>
  )
}
