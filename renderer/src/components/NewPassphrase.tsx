import { useTranslation } from 'react-i18next'

import { Field } from './Field'

interface NewPassphraseProps {
  /** What the passphrase is for, as the labels say it: "Passphrase", "New passphrase", "Backup passphrase". */
  label: string
  /** The label of the second field, in the same words. */
  againLabel?: string
  value: string
  confirm: string
  onChange(value: string): void
  onConfirmChange(value: string): void
  hint: string
  error?: string
  confirmError?: string
}

/** A new passphrase typed twice, so a typo does not lock the person out of what it protects. */
export function NewPassphrase(props: NewPassphraseProps) {
  const { t } = useTranslation()
  return (
    <>
      <Field
        label={props.label}
        type="password"
        autoComplete="new-password"
        required
        value={props.value}
        onChange={props.onChange}
        hint={props.hint}
        error={props.error}
      />
      <Field
        label={props.againLabel ?? t('passphrase.again')}
        type="password"
        autoComplete="new-password"
        required
        value={props.confirm}
        onChange={props.onConfirmChange}
        error={props.confirmError}
      />
    </>
  )
}
