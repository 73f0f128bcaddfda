import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { FilePurpose } from '../../../shared/ipc'
import { canPickFiles, fileName, pickFile } from '../filePicker'
import { Field } from './Field'

interface FileChoiceProps {
  purpose: FilePurpose
  label: string
  hint: string
  value: string
  onChange(path: string): void
}

/**
 * A backup file: in the desktop app picked in the OS dialog (the screen shows only the file's name); in
 * the web mode, where the page cannot reach the node's disk, its path on the node's machine is typed.
 */
export function FileChoice({ purpose, label, hint, value, onChange }: FileChoiceProps) {
  const { t } = useTranslation()
  const id = useId()
  if (!canPickFiles()) return <Field label={label} required value={value} onChange={onChange} hint={hint} />
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
